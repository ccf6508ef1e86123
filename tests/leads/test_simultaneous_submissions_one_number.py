"""Two submissions for one number at the same moment (two browsers, each with its own valid code) end as
one lead, on SQLite as on PostgreSQL (.ci/run runs this file on both)."""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from leads import services
from leads.models import Lead
from tests.leads.helpers import last_code_sent_to, lead_form

ROUNDS = 5


def browser_with_code(phone, sent_at):
    """A browser whose session was sent a code for `phone` at `sent_at` (a minute apart, as the cooldown
    wants); returns (client, code)."""
    browser = Client()
    session_key = browser.session.session_key
    assert not services.request_code(phone, session_key, "203.0.113.7", "lead", now=sent_at).refused
    return browser, last_code_sent_to(phone)


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_for_one_number_store_one_lead(settings, seeded_transactional_db):
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

        def submit(browser, code, name, phone=phone, start_together=start_together, statuses=statuses):
            try:
                start_together.wait(timeout=30)
                data = lead_form(phone=phone, code=code, name=name)
                statuses.append(browser.post("/consult/", data).status_code)
            finally:
                connections.close_all()

        threads = [
            threading.Thread(target=submit, args=(browser, code, f"访客{index}"))
            for index, (browser, code) in enumerate(browsers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        assert statuses == [302, 302]
        lead = Lead.objects.get(phone=phone)
        assert lead.submissions == 2
