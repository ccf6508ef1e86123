"""Two 签注 reminder sign-ups for one number at the same moment (two browsers, each with its own valid code)
end as one subscription and two answers that say so, on SQLite as on PostgreSQL (.ci/run runs this file on
both). On PostgreSQL there is no row to lock before the first subscription exists."""

import datetime

import pytest
from django.utils import timezone

from reminders.models import Subscription
from tests.leads.helpers import posted_at_the_same_moment, two_browsers_with_codes
from tests.reminders.helpers import reminder_form

ROUNDS = 5
EXPIRIES = ("2027-03-01", "2027-04-01")


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_sign_ups_for_one_number_store_one_subscription(settings, seeded_transactional_db):
    settings.SMS_DAILY_BUDGET = 1000
    now = timezone.now()
    for round_number in range(ROUNDS):
        phone = f"1390000{round_number:04d}"
        browsers = two_browsers_with_codes(phone, now, purpose="reminder")
        posts = [
            lambda browser=browser, code=code, expiry=expiry, phone=phone: browser.post(
                "/renewal/remind/", reminder_form(phone=phone, code=code, expiry=expiry)
            )
            for (browser, code), expiry in zip(browsers, EXPIRIES, strict=True)
        ]

        assert posted_at_the_same_moment(posts) == [302, 302]
        subscription = Subscription.objects.get(phone=phone)  # one, holding the date of one of the two
        assert subscription.expiry in {datetime.date.fromisoformat(expiry) for expiry in EXPIRIES}
