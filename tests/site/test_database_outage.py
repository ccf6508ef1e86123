"""With the database gone: pages that need it say so quickly, what can work from cache keeps working,
and the site recovers by itself when the database returns."""

import time

import pytest
from django.test import Client

from tests.calculator.wizard import complete, shown_total
from tests.conftest import database_unreachable

BASIC_PROFILE = {"age": 30, "education": "bachelor_degree", "social_insurance_years": 3}


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.fixture
def warm_rules(db, client):
    """A request that loads the ruleset in force into this process, as any earlier visitor would have."""
    assert client.post("/api/v1/score", BASIC_PROFILE, content_type="application/json").status_code == 200


def test_database_pages_answer_the_maintenance_page_within_three_seconds(db, visitor, unreachable_database):
    for path in ("/guides/", "/guides/how-to-renew/", "/consult/"):
        started = time.monotonic()
        response = visitor.get(path)
        assert response.status_code == 503, path
        assert time.monotonic() - started < 3, path
        assert "系统维护中" in response.content.decode()
        assert response["Retry-After"]


def test_ping_stays_up(visitor, unreachable_database):
    assert visitor.get("/ping").status_code == 200


def test_scoring_keeps_working_from_the_cached_rules(warm_rules, visitor, unreachable_database):
    response = visitor.post("/api/v1/score", BASIC_PROFILE, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["total"] == 30 + 90 + 9


def test_the_wizard_start_page_keeps_working_from_the_cached_rules(warm_rules, visitor, unreachable_database):
    response = visitor.get("/jifen/")
    assert response.status_code == 200
    assert "data-shortest-path" in response.content.decode()


def test_service_resumes_without_a_restart(db, django_db_blocker, visitor):
    with database_unreachable(django_db_blocker):
        assert visitor.get("/guides/").status_code == 503
    assert visitor.get("/guides/").status_code == 200
    result = complete(
        Client(),
        basic={"age": "30", "education": "bachelor_degree"},
        insurance={"social_insurance_years": "3"},
    )
    assert shown_total(result) == 129
