"""GET /api/v1/rules: enough of the ruleset in force to render the questionnaire elsewhere."""

import datetime

import pytest

from calculator.models import Option

pytestmark = pytest.mark.django_db


def indicators(client, query=""):
    response = client.get("/api/v1/rules" + query)
    assert response.status_code == 200
    return response.json(), {i["key"]: i for i in response.json()["indicators"]}


def test_lists_the_ruleset_and_its_active_indicators(client):
    data, by_key = indicators(client)
    assert (data["version"], data["effective_from"], data["threshold"]) == ("2023-01", "2023-01-01", 120)
    assert list(by_key)[:4] == ["age", "education", "title_skill", "title_base_ok"]
    assert "veto_family_planning" not in by_key
    assert by_key["age"]["bands"][1] == {"low": 44, "high": 44, "points": 29, "notice": None}
    assert {
        "code": "bachelor",
        "label": "大学本科学历",
        "points": 60,
        "requires": None,
    }.items() <= by_key["education"]["options"][2].items()
    assert by_key["title_skill"]["group"] == "education_or_title"
    assert {
        "group": "investment",
        "unit_size": 10,
        "points_per_unit": 10,
        "start_at": 10,
        "cap": None,
    }.items() <= (by_key["investment_tax_wan"].items())
    assert by_key["remote_area_years"]["cap"] == 20
    assert by_key["shortage_major"]["points"] == 30
    assert by_key["crime_count"]["kind"] == "deduction"
    assert by_key["veto_serious_crime"]["category"] == "veto"
    assert "依据" in by_key["age"]["basis"]
    assert {"key": "investment", "label": "投资创业（纳税或聘用取高）", "cap": 120} in data["groups"]


def test_an_option_an_editor_adds_is_offered_and_scored(client, edit_rules):
    award = Option.objects.get(indicator__key="award", code="none").indicator
    edit_rules(
        lambda: Option.objects.create(
            ruleset=award.ruleset, indicator=award, order=9, code="district", label="区级表彰", points=15
        )
    )
    _, by_key = indicators(client)
    assert by_key["award"]["options"][-1]["code"] == "district"
    response = client.post("/api/v1/score", {"age": 30, "award": "district"}, content_type="application/json")
    assert response.json()["total"] == 45


def test_as_of_picks_the_ruleset(client, publish_copy):
    publish_copy(datetime.date(2026, 1, 1), version="2026-01")
    assert indicators(client, "?as_of=2025-12-31")[0]["version"] == "2023-01"
    assert indicators(client, "?as_of=2026-01-01")[0]["version"] == "2026-01"
    assert client.get("/api/v1/rules?as_of=2026-02-30").status_code == 400


@pytest.mark.parametrize("query", ["", "?as_of=2026-06-15", "?as_of=2001-01-01"])
def test_without_a_published_ruleset_every_rules_question_is_a_chinese_503(client, query):
    # Unpublished rules are nothing the caller can fix: 503 (try later), with or without as_of (500 before).
    from calculator.models import RuleSet
    from calculator.rulesets import RULES
    from permitsite import stamps

    RuleSet.objects.update(status=RuleSet.Status.DRAFT)  # a queryset update sends no signal
    stamps.changed(RULES)
    for response in (
        client.get("/api/v1/rules" + query),
        client.post("/api/v1/score" + query, '{"age": 30}', content_type="application/json"),
    ):
        assert response.status_code == 503
        assert response.json() == {"errors": {"__all__": ["积分规则尚未发布，请稍后再试。"]}}
