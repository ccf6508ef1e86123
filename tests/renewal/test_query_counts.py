"""Every public page of this app runs at most 3 SQL queries once warm (DESIGN.md §5)."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/guides/",
    "/guides/how-to-renew/",
    "/guides/feed/",
    "/renewal/check/",
    "/renewal/check/?expiry=2026-06-15",
    "/renewal/check/calendar.ics?expiry=2026-06-15",
    "/renewal/processing/?accepted=2025-09-25",
    "/api/v1/renewal?expiry=2026-06-15",
    "/api/v1/processing?accepted=2025-09-25",
]


@pytest.mark.parametrize("path", PAGES)
def test_warm_page_runs_at_most_three_queries(client, django_assert_max_num_queries, path):
    assert client.get(path).status_code == 200

    with django_assert_max_num_queries(3):
        assert client.get(path).status_code == 200
