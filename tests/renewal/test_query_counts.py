"""The feeds, calendar files, answered estimate and API of this app run at most 3 SQL queries once warm
(DESIGN.md §5); its pages as a visitor opens them are in tests/site/test_query_budget.py."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/guides/feed/",
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
