"""Lead pages that tests/site/test_query_budget.py does not open stay within the DESIGN.md budget of 3 SQL
queries."""

import pytest

from tests.leads.helpers import submit_lead

pytestmark = pytest.mark.django_db


def test_the_form_with_an_unknown_result_uses_at_most_three_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert client.get("/consult/?result=abc").status_code == 200


def test_the_thank_you_page_uses_at_most_three_queries(client, django_assert_max_num_queries):
    submit_lead(client)
    with django_assert_max_num_queries(3):
        assert client.get("/consult/thanks/").status_code == 200


def test_the_sitemap_lists_the_lead_pages(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/consult/</loc>" in xml
    assert "/privacy/requests/</loc>" in xml


def test_the_form_from_a_stored_result_uses_at_most_three_queries(client, django_assert_max_num_queries):
    from calculator.samples import example_result_path

    token = example_result_path().rstrip("/").rsplit("/", 1)[-1]
    client.get("/consult/")  # the offered services are read once per process, not per request
    with django_assert_max_num_queries(3):
        assert "将附上" in client.get(f"/consult/?result={token}").content.decode()
