"""Two submissions for one number at the same moment (two browsers, each with its own valid code) end as
one lead, on SQLite as on PostgreSQL (.ci/run runs this file on both)."""

import pytest
from django.utils import timezone

from leads.models import Lead
from tests.leads.helpers import lead_form, posted_at_the_same_moment, two_browsers_with_codes

ROUNDS = 5


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_for_one_number_store_one_lead(settings, seeded_transactional_db):
    settings.SMS_DAILY_BUDGET = 1000
    now = timezone.now()
    for round_number in range(ROUNDS):
        phone = f"1390000{round_number:04d}"
        posts = [
            lambda browser=browser, code=code, index=index, phone=phone: browser.post(
                "/consult/", lead_form(phone=phone, code=code, name=f"访客{index}")
            )
            for index, (browser, code) in enumerate(two_browsers_with_codes(phone, now))
        ]

        assert posted_at_the_same_moment(posts) == [302, 302]
        lead = Lead.objects.get(phone=phone)
        assert lead.submissions == 2
