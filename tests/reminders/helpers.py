"""Subscriptions and clocks the reminder tests share."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.utils import timezone

from leads import sms
from reminders.models import Subscription
from reminders.services import new_token

SHANGHAI = ZoneInfo("Asia/Shanghai")
PHONE = "13812345678"


def at(day, hour=10, minute=0, second=0):
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=SHANGHAI)


def subscription(phone=PHONE, expiry=date(2027, 3, 1), subscribed_on=date(2026, 12, 2)):
    """A subscription as the page stores it (the page's own tests go through the code and the consent)."""
    return Subscription.objects.create(
        phone=phone,
        expiry=expiry,
        subscribed_on=subscribed_on,
        token=new_token(),
        consent_privacy_version="test",
        consent_at=timezone.now(),
        consent_ip_hash="0" * 64,
        consent_user_agent_hash="0" * 64,
    )


def run_send(*args):
    """`manage.py send_reminders`, returning what it printed."""
    from io import StringIO

    out = StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def texts_to(phone=PHONE):
    """The reminders sent to `phone` (not its verification codes)."""
    return [message.text for message in sms.outbox if message.phone == phone and message.template != "code"]


def reminder_form(**overrides):
    data = {"expiry": "2027-03-01", "phone": PHONE, "consent": "on", "action": "submit"}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def subscribe(client, ip="203.0.113.7", **overrides):
    """Ask for a reminder code, read it from the locmem outbox and submit /renewal/remind/ with it."""
    from leads.phones import normalize_phone
    from tests.leads.helpers import ask_for_code, last_code_sent_to

    phone = overrides.get("phone", PHONE)
    assert ask_for_code(client, phone=phone, ip=ip, purpose="reminder").status_code == 200
    code = last_code_sent_to(normalize_phone(phone))
    return client.post("/renewal/remind/", reminder_form(code=code, **overrides), REMOTE_ADDR=ip)
