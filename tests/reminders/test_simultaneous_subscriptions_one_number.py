"""Two 签注 reminder sign-ups for one number at the same moment (two browsers, each with its own valid code)
end as one subscription and two answers that say so, on SQLite as on PostgreSQL (.ci/run runs this file on
both). On PostgreSQL there is no row to lock before the first subscription exists."""

import datetime
import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from leads import services
from reminders.models import Subscription
from tests.leads.helpers import last_code_sent_to
from tests.reminders.helpers import reminder_form

ROUNDS = 5
EXPIRIES = ("2027-03-01", "2027-04-01")


def browser_with_code(phone, sent_at):
    """A browser whose session was sent a reminder code for `phone` at `sent_at`; returns (client, code)."""
    browser = Client()
    session_key = browser.session.session_key
    assert not services.request_code(phone, session_key, "203.0.113.7", "reminder", now=sent_at).refused
    return browser, last_code_sent_to(phone)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_sign_ups_for_one_number_store_one_subscription(settings, seeded_transactional_db):
    settings.SMS_DAILY_BUDGET = 1000
    now = timezone.now()
    for round_number in range(ROUNDS):
        phone = f"1390000{round_number:04d}"
        browsers = [
            browser_with_code(phone, now - timedelta(seconds=130)),
            browser_with_code(phone, now - timedelta(seconds=65)),
        ]
        start_together = threading.Barrier(len(browsers))
        statuses = []

        def sign_up(browser, code, expiry, phone=phone, start_together=start_together, statuses=statuses):
            try:
                start_together.wait(timeout=30)
                data = reminder_form(phone=phone, code=code, expiry=expiry)
                statuses.append(browser.post("/renewal/remind/", data).status_code)
            except Exception as error:  # recorded, so the assertion below names it
                statuses.append(repr(error))
            finally:
                connections.close_all()

        threads = [
            threading.Thread(target=sign_up, args=(browser, code, expiry))
            for (browser, code), expiry in zip(browsers, EXPIRIES, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        assert statuses == [302, 302]
        subscription = Subscription.objects.get(phone=phone)  # one, holding the date of the later sign-up
        assert subscription.expiry in {datetime.date.fromisoformat(expiry) for expiry in EXPIRIES}
