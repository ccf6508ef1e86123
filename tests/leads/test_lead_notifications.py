"""Consultants hear about every new lead: one mail (and, when set, a group-robot message) with the masked
number, the service, the preferred time, the due-by and a link to the lead in admin; never the full number.
A broken mail server or robot never costs the person their submission, and what failed is sent later."""

import json
import logging
import socket
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from leads import notify
from leads.models import Lead, LeadNotification
from tests.leads.helpers import PHONE, submit_lead
from tests.ops.browser import Browser, form_fields
from tests.ops.servers import free_port

NAME = "王先生"


class Robot(BaseHTTPRequestHandler):
    """A group robot (企业微信 / 钉钉) that keeps what it is sent and answers with `errcode`."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append(json.loads(body))
        answer = json.dumps({"errcode": self.server.errcode, "errmsg": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


@pytest.fixture
def robot():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Robot)
    server.received, server.errcode = [], 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def notify_consultants(settings):
    settings.LEADS_NOTIFY_EMAILS = ["team@permit.example", "boss@permit.example"]
    settings.SITE_URL = "https://permit.example"
    return settings


def unreachable_smtp(settings, port=None):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port or free_port(), "timeout": 2},
        }
    }


def everything_sent():
    return [f"{message.subject}\n{message.body}" for message in mail.outbox]


@pytest.mark.django_db
def test_one_mail_per_new_lead_with_the_masked_number_and_a_link_to_it(client, notify_consultants):
    assert submit_lead(client, callback_time="morning", service="renewal").status_code == 302
    lead = Lead.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["team@permit.example", "boss@permit.example"]
    assert message.subject == f"新咨询线索 #{lead.pk}：居住证签注与续签（138****5678）"
    assert "手机号：138****5678" in message.body
    assert "服务：居住证签注与续签" in message.body
    assert "希望回电：上午（9:00–12:00）" in message.body
    assert f"回电期限：{lead.due_by.astimezone(timezone.get_current_timezone()):%-m月%-d日}" in message.body
    assert f"https://permit.example/admin/leads/lead/{lead.pk}/change/" in message.body
    # Mailboxes are kept by someone else for as long as they like: no full number, no name, no message.
    assert PHONE not in message.body + message.subject
    assert NAME not in message.body and "社保基数" not in message.body
    assert LeadNotification.objects.get().sent_at is not None


@pytest.mark.django_db
def test_a_repeat_submission_updates_the_lead_without_a_second_mail(client, notify_consultants, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    submit_lead(client)
    time_machine.shift(timedelta(seconds=61))  # past the cooldown between codes
    submit_lead(Client(), message="补充一句")
    assert Lead.objects.get().submissions == 2
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_nothing_is_sent_when_no_one_is_configured(client, settings):
    settings.LEADS_NOTIFY_EMAILS, settings.LEADS_NOTIFY_WEBHOOK = [], ""
    assert submit_lead(client).status_code == 302
    assert mail.outbox == []
    assert LeadNotification.objects.count() == 0


@pytest.mark.django_db
def test_the_group_robot_gets_the_same_text(client, notify_consultants, robot):
    notify_consultants.LEADS_NOTIFY_WEBHOOK = (
        f"http://127.0.0.1:{robot.server_port}/cgi-bin/webhook/send?key=k1"
    )
    submit_lead(client)
    (payload,) = robot.received
    assert payload["msgtype"] == "text"
    assert payload["text"]["content"] == everything_sent()[0]
    assert PHONE not in payload["text"]["content"]
    assert LeadNotification.objects.filter(sent_at__isnull=False).count() == 2


@pytest.mark.django_db
def test_a_failing_mail_server_still_stores_the_lead_and_the_mail_is_sent_later(
    client, notify_consultants, caplog, time_machine
):
    unreachable_smtp(notify_consultants)
    caplog.set_level(logging.WARNING, logger="leads.notify")
    response = submit_lead(client)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    lead = Lead.objects.get()
    pending = LeadNotification.objects.get()
    assert (pending.sent_at, pending.attempts) == (None, 1)
    assert "ConnectionRefusedError" in pending.last_error
    assert any("will retry" in record.getMessage() for record in caplog.records)
    assert all(PHONE not in record.getMessage() for record in caplog.records)

    # The mail server is back; the cron job sends what is still pending.
    notify_consultants.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    time_machine.move_to(timezone.now() + timedelta(minutes=5))
    call_command("remind_overdue_leads", stdout=StringIO())
    assert [message.subject for message in mail.outbox] == [f"新咨询线索 #{lead.pk}：积分规划（138****5678）"]
    assert LeadNotification.objects.get().sent_at is not None


@pytest.mark.django_db
def test_a_refusing_robot_still_stores_the_lead_and_is_retried(client, notify_consultants, robot):
    notify_consultants.LEADS_NOTIFY_WEBHOOK = f"http://127.0.0.1:{robot.server_port}/send?access_token=secret"
    robot.errcode = 93000
    assert submit_lead(client).status_code == 302
    webhook = LeadNotification.objects.get(channel="webhook")
    assert webhook.sent_at is None and "errcode 93000" in webhook.last_error
    assert "secret" not in webhook.last_error
    assert LeadNotification.objects.get(channel="mail").sent_at is not None


@pytest.mark.django_db
def test_the_retry_leaves_the_first_attempt_to_the_request_and_gives_up_after_a_day(notify_consultants):
    lead = make_pending_lead()
    now = timezone.now()
    assert list(notify.pending(now)) == []  # the request that stored it is still at it
    assert [n.lead for n in notify.pending(now + timedelta(minutes=3))] == [lead]
    assert list(notify.pending(now + timedelta(days=2))) == []


def make_pending_lead(**fields):
    from tests.leads.test_consultant_admin import make_lead

    lead = make_lead(**fields)
    notify.record_new_lead(lead)
    return lead


@pytest.mark.django_db
def test_remind_overdue_leads_mails_once_a_day_about_open_leads_past_due(notify_consultants, time_machine):
    from tests.leads.test_consultant_admin import make_lead

    overdue = make_lead(created=timezone.now() - timedelta(days=5))
    make_lead(phone="13900001111")  # not yet due
    make_lead(phone="13900002222", created=timezone.now() - timedelta(days=5), status=Lead.Status.CONVERTED)
    call_command("remind_overdue_leads", stdout=StringIO())
    (message,) = mail.outbox
    assert message.subject == "1 条咨询线索已超过回电期限"
    assert f"#{overdue.pk} 139****5678 积分规划" in message.body
    assert f"https://permit.example/admin/leads/lead/{overdue.pk}/change/" in message.body
    assert "13912345678" not in message.body

    call_command("remind_overdue_leads", stdout=StringIO())
    assert len(mail.outbox) == 1  # not again within the day
    time_machine.move_to(timezone.now() + timedelta(hours=25))
    call_command("remind_overdue_leads", stdout=StringIO())
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_remind_overdue_leads_fails_loudly_while_notices_cannot_be_sent(notify_consultants, time_machine):
    overdue = make_pending_lead(created=timezone.now() - timedelta(days=5))
    unreachable_smtp(notify_consultants)
    with pytest.raises(SystemExit) as exit_code:
        call_command("remind_overdue_leads", stdout=StringIO())
    assert exit_code.value.code == 1
    overdue.refresh_from_db()
    assert overdue.overdue_reminded_at is None  # tried again on the next run
    assert mail.outbox == []


class SilentMailServer:
    """Accepts connections and never says a word: the worst a mail server can do to a request."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]

    def close(self):
        self.socket.close()


@pytest.mark.django_db(transaction=True)
def test_a_hanging_mail_server_does_not_delay_the_response(
    seeded_transactional_db, live_server, notify_consultants, monkeypatch
):
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    silent = SilentMailServer()
    unreachable_smtp(notify_consultants, port=silent.port)
    notify_consultants.MAILERS["default"]["OPTIONS"]["timeout"] = 5
    try:
        person = Browser()
        status, page = person.get(live_server.url + "/consult/")
        fields = form_fields(page)
        code_request = {**fields, "phone": PHONE, "captcha_0": "k", "captcha_1": "PASSED"}
        assert (
            person.post(live_server.url + "/consult/code/", code_request, referer=live_server.url)[0] == 200
        )
        from tests.leads.helpers import last_code_sent_to, lead_form

        form = {**fields, **lead_form(code=last_code_sent_to())}
        started = time.monotonic()
        status, _ = person.post(live_server.url + "/consult/", form, referer=live_server.url + "/consult/")
        answered_in = time.monotonic() - started
        assert status == 302
        assert answered_in < 3, f"the person waited {answered_in:.1f} s for the mail server"
        assert Lead.objects.count() == 1
    finally:
        silent.close()


@pytest.mark.django_db
def test_a_retry_that_fails_again_counts_the_attempt_and_exits_non_zero(notify_consultants, time_machine):
    make_pending_lead()
    unreachable_smtp(notify_consultants)
    time_machine.move_to(timezone.now() + timedelta(minutes=5))
    with pytest.raises(SystemExit):
        call_command("remind_overdue_leads", stdout=StringIO())
    notification = LeadNotification.objects.get()
    assert (notification.attempts, notification.sent_at) == (1, None)
