"""Every public page runs at most 3 SQL queries once warm (DESIGN.md §5), opened as a visitor opens it."""

import pytest

from tests.public_pages import PAGES_FOUND, page_path

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page", PAGES_FOUND, ids=str)
def test_a_warm_page_runs_at_most_three_queries(client, django_assert_max_num_queries, page):
    path = page_path(page, client)
    assert client.get(path).status_code == 200

    with django_assert_max_num_queries(3):
        assert client.get(path).status_code == 200
