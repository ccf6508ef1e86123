"""The reminder pages keep to the DESIGN.md budget of 3 SQL queries; the sitemap lists the public ones."""

from datetime import date

import pytest

from tests.reminders.helpers import at, subscribe, subscription

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/renewal/remind/", "/renewal/remind/?expiry=2027-03-01", "/renewal/remind/stop/"]
)
def test_form_pages_use_at_most_three_queries(client, django_assert_max_num_queries, url, time_machine):
    time_machine.move_to(at(date(2026, 12, 2)), tick=False)
    with django_assert_max_num_queries(3):
        assert client.get(url).status_code == 200


def test_the_link_and_done_pages_use_at_most_three_queries(
    client, django_assert_max_num_queries, time_machine
):
    time_machine.move_to(at(date(2026, 12, 2)), tick=False)
    token = subscription(phone="13900001111").token
    subscribe(client)
    with django_assert_max_num_queries(3):
        assert client.get("/renewal/remind/done/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get(f"/r/{token}").status_code == 200


def test_the_sitemap_lists_the_reminder_pages_but_no_link(client):
    token = subscription().token
    xml = client.get("/sitemap.xml").content.decode()
    assert "/renewal/remind/</loc>" in xml and "/renewal/remind/stop/</loc>" in xml
    assert token not in xml
    assert "Disallow: /r/" in client.get("/robots.txt").content.decode()
