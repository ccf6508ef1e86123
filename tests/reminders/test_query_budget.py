"""The done page keeps to the DESIGN.md budget of 3 SQL queries (the public reminder pages are measured in
tests/site/test_query_budget.py); the sitemap lists the public ones."""

from datetime import date

import pytest

from tests.reminders.helpers import at, subscribe, subscription

pytestmark = pytest.mark.django_db


def test_the_done_page_uses_at_most_three_queries(client, django_assert_max_num_queries, time_machine):
    time_machine.move_to(at(date(2026, 12, 2)), tick=False)
    subscribe(client)
    with django_assert_max_num_queries(3):
        assert client.get("/renewal/remind/done/").status_code == 200


def test_the_sitemap_lists_the_reminder_pages_but_no_link(client):
    token = subscription().token
    xml = client.get("/sitemap.xml").content.decode()
    assert "/renewal/remind/</loc>" in xml and "/renewal/remind/stop/</loc>" in xml
    assert token not in xml
    assert "Disallow: /r/" in client.get("/robots.txt").content.decode()
