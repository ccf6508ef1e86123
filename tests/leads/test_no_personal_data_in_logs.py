"""No phone number (unmasked) and no SMS code ever reaches a log record or an error report."""

import logging
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone
from django.views.debug import ExceptionReporter

from leads import sms
from leads.models import Lead
from tests.leads.helpers import PHONE, ask_for_code, last_code_sent_to, lead_form, submit_lead

pytestmark = pytest.mark.django_db


def everything_logged(records):
    formatter = logging.Formatter()
    for record in records:
        yield record.getMessage()
        yield repr(record.args)
        if record.exc_info:
            yield formatter.formatException(record.exc_info)


def assert_nothing_personal(records, secrets):
    assert records, "the journey should have logged something, or this test proves nothing"
    for text in everything_logged(records):
        for secret in secrets:
            assert secret not in text, f"{secret!r} leaked into a log record: {text[:300]}"


class FailingBackend(sms.BaseSmsBackend):
    def send(self, message):
        raise sms.SmsSendError(f"refused {message.phone} {message.params['code']}")


def test_the_whole_journey_logs_no_number_and_no_code(
    client, caplog, settings, admin_user, sign_in_admin, time_machine
):
    caplog.set_level(logging.DEBUG)
    time_machine.move_to(timezone.now(), tick=False)
    other = Client()

    ask_for_code(client, phone="abc")  # 400
    ask_for_code(client)
    code = last_code_sent_to()
    ask_for_code(client)  # 429 cooldown
    client.post("/consult/", lead_form(code=f"{(int(code) + 1) % 1_000_000:06d}"))  # wrong code
    client.post("/consult/", lead_form(code=code))
    time_machine.shift(timedelta(seconds=61))
    submit_lead(other, ip="198.51.100.3")  # duplicate within 24 h
    settings.SMS_BACKEND = "tests.leads.test_no_personal_data_in_logs.FailingBackend"
    ask_for_code(Client(), phone="13900001111", ip="198.51.100.4")  # provider failure is logged
    settings.SMS_BACKEND = "leads.sms.LocmemBackend"
    time_machine.shift(timedelta(seconds=61))
    ask_for_code(other, purpose="deletion", ip="198.51.100.3")
    deletion_code = last_code_sent_to()

    staff = Client()
    sign_in_admin(staff, admin_user)
    lead = Lead.objects.get()
    staff.post(f"/admin/leads/lead/{lead.pk}/reveal/")
    admin_user.user_permissions.add(Permission.objects.get(codename="export_leads"))
    staff.post("/admin/leads/lead/", {"action": "export_csv", "_selected_action": [lead.pk]})
    other.post(
        "/privacy/requests/", {"phone": PHONE, "code": deletion_code, "confirm": "on", "action": "delete"}
    )
    assert not Lead.objects.exists()

    codes = [message.params["code"] for message in sms.outbox]
    assert_nothing_personal(caplog.records, [PHONE, "13900001111", *codes])
    assert any("SMS provider failed" in record.getMessage() for record in caplog.records)


def test_an_error_report_hides_the_number_code_and_name(client, caplog, monkeypatch):
    client.raise_request_exception = False
    caplog.set_level(logging.ERROR, logger="django.request")

    def broken_save(self, *args, **kwargs):
        copied_number = self.phone  # a local variable no one thought of
        raise RuntimeError(f"disk full while saving lead {len(copied_number)}")

    monkeypatch.setattr(Lead, "save", broken_save)
    ask_for_code(client)
    code = last_code_sent_to()
    response = client.post("/consult/", lead_form(code=code, name="欧阳娜娜"))
    assert response.status_code == 500

    record = next(record for record in caplog.records if record.exc_info)
    reporter = ExceptionReporter(record.request, *record.exc_info, is_email=True)
    for report in (reporter.get_traceback_text(), reporter.get_traceback_html()):
        assert "broken_save" in report  # the frames are in the report ...
        assert "********************" in report  # ... with their variables hidden
        for secret in (PHONE, code, "欧阳娜娜", "想了解社保基数"):
            assert secret not in report
