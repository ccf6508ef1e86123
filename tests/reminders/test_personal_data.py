"""The number of a subscription: deleted on request, purged after its last deadline, masked in admin, never
logged in full."""

import logging
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from leads import sms
from reminders.models import ReminderSent, Subscription
from tests.leads.helpers import ask_for_code, last_code_sent_to
from tests.leads.test_no_personal_data_in_logs import assert_nothing_personal
from tests.reminders.helpers import PHONE, at, run_send, subscribe, subscription

pytestmark = pytest.mark.django_db


def test_a_deletion_request_removes_the_reminders_too(client, time_machine):
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    reminders = subscription()
    run_send()
    assert ReminderSent.objects.exists()

    ask_for_code(client, purpose="deletion")
    response = client.post(
        "/privacy/requests/",
        {"phone": PHONE, "code": last_code_sent_to(), "confirm": "on", "action": "delete"},
        follow=True,
    )
    html = response.content.decode()
    assert "签注短信提醒已停止并删除" in html
    assert "没有咨询记录" not in html
    assert not Subscription.objects.exists() and not ReminderSent.objects.exists()
    assert Client().get(f"/r/{reminders.token}").status_code == 404


def test_the_purge_removes_a_subscription_the_day_after_its_grace_period(time_machine):
    subscription(expiry=date(2027, 3, 1))
    later = subscription(phone="13900001111", expiry=date(2027, 3, 2))

    time_machine.move_to(at(date(2027, 4, 30), 3), tick=False)
    call_command("purge_reminders", stdout=StringIO())
    assert Subscription.objects.count() == 2

    time_machine.move_to(at(date(2027, 5, 1), 3), tick=False)
    out = StringIO()
    call_command("purge_reminders", stdout=out)
    assert "已删除 1 个" in out.getvalue()
    assert list(Subscription.objects.all()) == [later]


def test_admin_shows_the_number_masked_only(client, admin_user, time_machine, sign_in_admin):
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    reminders = subscription()
    run_send()
    admin_client = client
    sign_in_admin(admin_client, admin_user)
    listing = admin_client.get("/admin/reminders/subscription/").content.decode()
    page = admin_client.get(f"/admin/reminders/subscription/{reminders.pk}/change/").content.decode()
    for html in (listing, page):
        assert "138****5678" in html
        assert PHONE not in html
    assert "2027-02-26" in listing  # the next reminder
    assert "服务商已接收" in page
    assert admin_client.get("/admin/reminders/subscription/add/").status_code == 403


def test_the_whole_journey_logs_no_full_number(client, caplog, time_machine, settings):
    caplog.set_level(logging.DEBUG)
    time_machine.move_to(at(date(2026, 12, 2)), tick=False)
    subscribe(client)
    other = Client()
    time_machine.shift(61)
    ask_for_code(other, phone="13900001111", purpose="reminder", ip="198.51.100.3")
    other.post(
        "/renewal/remind/",
        {
            "expiry": "2027-03-01",
            "phone": "13900001111",
            "code": last_code_sent_to("13900001111"),
            "consent": "on",
        },
    )

    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    settings.SMS_BACKEND = "tests.reminders.test_send_reminders.RefusingBackend"
    run_send()  # the provider's refusal quotes the number; the log must not
    settings.SMS_BACKEND = "leads.sms.LocmemBackend"
    run_send()
    token = Subscription.objects.get(phone=PHONE).token
    client.post(f"/r/{token}", {"action": "renewed", "expiry": "2028-03-01", "consent": "on"})
    client.post(f"/r/{token}", {"action": "stop"})
    time_machine.shift(timedelta(minutes=2))
    ask_for_code(other, phone="13900001111", purpose="reminder", ip="198.51.100.3")
    other.post(
        "/renewal/remind/stop/",
        {"phone": "13900001111", "code": last_code_sent_to("13900001111"), "action": "stop"},
    )
    assert not Subscription.objects.exists()

    codes = [message.params["code"] for message in sms.outbox if "code" in message.params]
    assert_nothing_personal(caplog.records, [PHONE, "13900001111", *codes])
    assert any("not sent" in record.getMessage() for record in caplog.records)
