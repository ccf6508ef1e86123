"""Projections that run past the ruleset's valid_until say so (issue 12): in the plan API, on each route
and on the result page; a result viewed after valid_until, with no newer rules, says its rules may be out
of date."""

import dataclasses
import datetime
import json

import pytest
import time_machine

from calculator import planner
from calculator.engine import Answers
from calculator.results import save_assessment
from calculator.rulesets import ruleset_in_force
from tests.calculator.conftest import PLAN_FACTS, facts_from

pytestmark = pytest.mark.django_db

# Age 24, 本科学历 (60), 1 year of insurance (3): 30 + 60 + 3 = 93; time alone reaches 120 only after 9 more
# years (30 + 60 + 10 × 3 = 120), long after the default ruleset's 2027-12-31.
LATE = {"age": 24, "education": "bachelor", "social_insurance_years": 1}


def plan_for(client, body):
    response = client.post("/api/v1/plan", json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    return response.json()


def test_a_route_reaching_after_valid_until_is_marked_and_noticed(client):
    data = plan_for(client, {**LATE, "today": "2026-12-02"})
    assert data["valid_until"] == "2027-12-31"
    time_routes = [r for r in data["routes"] if r["kind"] == "time"]
    assert time_routes and all(r["beyond_valid_until"] for r in time_routes)
    assert any("超出了现行积分规则的有效期（到 2027年12月31日）" in n for n in data["notices"])


def test_a_route_inside_the_validity_is_not_marked(client):
    # One year short of the threshold by time: 30 + 60 + 9 × 3 = 117 → 120 after one more year (2027-12).
    data = plan_for(
        client, {"age": 30, "education": "bachelor", "social_insurance_years": 9, "today": "2026-12-02"}
    )
    time_route = next(r for r in data["routes"] if r["kind"] == "time")
    assert time_route["months"] == 12
    assert time_route["beyond_valid_until"] is False
    assert not any("有效期" in n for n in data["notices"])


@time_machine.travel(datetime.datetime(2026, 12, 2, 4, tzinfo=datetime.UTC), tick=False)
def test_without_as_of_the_plans_today_decides_validity(client):
    # Asked as of 2028-03-01 (after the rules' 2027-12-31) the answer is stale, whatever the real date is.
    # 30 + 60 + 27 = 117 → 120 a year later: that route, in 2029, also lies beyond the rules.
    body = {"age": 30, "education": "bachelor", "social_insurance_years": 9}
    later = plan_for(client, {**body, "today": "2028-03-01"})
    assert later["stale"] is True
    assert "2028年3月1日 适用的新规则尚未公布" in later["notice"]
    time_route = next(r for r in later["routes"] if r["kind"] == "time")
    assert time_route["beyond_valid_until"] is True
    # Without a `today` the real date (2026-12-02) is both: nothing is stale, the route ends in 2027-12.
    now = plan_for(client, body)
    assert now["stale"] is False
    assert next(r for r in now["routes"] if r["kind"] == "time")["beyond_valid_until"] is False
    # A `today` before the first published rules is the caller's `today`, not an as_of they never sent.
    early = client.post("/api/v1/plan", json.dumps({**body, "today": "2020-01-01"}), "application/json")
    assert early.status_code == 400
    assert list(early.json()["errors"]) == ["today"]


def test_the_result_page_marks_the_late_route(client):
    assessment = save_assessment(ruleset_in_force(), LATE, recent_contributions=True)
    html = client.get(f"/jifen/result/{assessment.token}/").content.decode()
    assert "（超出现行规则有效期，见列表下方的说明）" in html
    assert "超出了现行积分规则的有效期" in html


def test_a_result_seen_after_valid_until_says_the_rules_may_be_out_of_date(client):
    with time_machine.travel(datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.UTC)):
        assessment = save_assessment(ruleset_in_force(), {"age": 30, "education": "master"}, True)
        assert "data-stale" not in client.get(f"/jifen/result/{assessment.token}/").content.decode()
    with time_machine.travel(datetime.datetime(2028, 1, 2, 12, tzinfo=datetime.UTC)):
        html = client.get(f"/jifen/result/{assessment.token}/").content.decode()
    assert "data-stale" in html
    assert "2028年1月2日 适用的新规则尚未公布" in html


def test_the_pure_planner_marks_routes_against_the_rulesets_own_date(default_ruleset):
    ruleset = dataclasses.replace(default_ruleset, valid_until=datetime.date(2030, 12, 31))
    plan = planner.plan(ruleset, Answers(LATE), datetime.date(2026, 12, 2), facts_from(PLAN_FACTS))
    time_route = next(r for r in plan.routes if r.kind == planner.TIME)
    # 2026-12 + 9 years = 2035-12, after 2030-12-31.
    assert time_route.reached_on == datetime.date(2035, 12, 2)
    assert time_route.beyond_valid_until is True
    assert "超出了现行积分规则的有效期（到 2030年12月31日）" in " ".join(plan.beyond_valid_until)
    in_time = dataclasses.replace(default_ruleset, valid_until=datetime.date(2040, 12, 31))
    later = planner.plan(in_time, Answers(LATE), datetime.date(2026, 12, 2), facts_from(PLAN_FACTS))
    assert not any(r.beyond_valid_until for r in later.routes)
    assert later.beyond_valid_until == ()
