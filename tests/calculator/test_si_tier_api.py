"""POST /api/v1/si-tier: the base tier from monthly bases, each month against its own period's wage."""

import json

import pytest
from django.test import Client

from calculator.base_tier import Month, months_between

pytestmark = pytest.mark.django_db

URL = "/api/v1/si-tier"


def post(client, body):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json")


def bases(first, last, yuan):
    return {str(m): yuan for m in months_between(Month.parse(first), Month.parse(last))}


@pytest.mark.parametrize(
    ("first", "yuan", "tier", "months"),
    [
        ("2023-07", 12500, "x1", {"x0_8": 36, "x1": 36, "x2": 0, "x3": 0}),
        ("2023-07", 12400, "x0_8", {"x0_8": 36, "x1": 24, "x2": 0, "x3": 0}),
        ("2024-07", 37302, "x3", {"x0_8": 24, "x1": 24, "x2": 24, "x3": 24}),
        ("2024-07", 36921, "none", {"x0_8": 24, "x1": 24, "x2": 24, "x3": 12}),
    ],
)
def test_the_issues_examples(client, first, yuan, tier, months):
    response = post(client, {"bases": bases(first, "2026-06", yuan), "as_of": "2026-07-01"})
    assert response.status_code == 200
    data = response.json()
    assert data["tier"] == tier
    assert data["months"] == months


def test_the_answer_names_the_points_and_the_application_month(client):
    data = post(client, {"bases": bases("2023-07", "2026-06", 12500), "as_of": "2026-07-15"}).json()
    assert (data["points"], data["application_month"]) == (50, "2026-07")
    assert data["label"] == "近 4 年累计 36 个月，基数不低于 1 倍"
    assert data["unjudged_months"] == []
    assert data["provisional_months"] == []
    assert data["notices"] == []


def test_months_before_the_first_known_figure_are_named_not_guessed(client):
    data = post(client, {"bases": bases("2022-07", "2025-06", 30000), "as_of": "2025-07-01"}).json()
    assert data["tier"] == "none"
    assert data["months"]["x2"] == 24
    assert data["unjudged_months"][0] == "2022-07"
    assert len(data["unjudged_months"]) == 12
    assert data["could_be_higher"] is True
    assert "2022年7月至2023年6月" in data["notices"][0]
    assert "没有计入" in data["notices"][0]


def test_months_after_the_last_figure_are_provisional(client):
    data = post(client, {"bases": bases("2024-07", "2026-11", 12500), "as_of": "2026-12-01"}).json()
    assert data["provisional_months"] == [str(m) for m in months_between(Month(2026, 7), Month(2026, 11))]
    assert "12,434 元" in data["notices"][0]


def test_decimal_bases_are_compared_exactly(client):
    # 0.8 × 12,183 = 9,746.4
    assert post(client, {"bases": {"2023-07": 9746.4}, "as_of": "2023-08-01"}).json()["months"]["x0_8"] == 1
    assert post(client, {"bases": {"2023-07": 9746.3}, "as_of": "2023-08-01"}).json()["months"]["x0_8"] == 0


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"bases": [12000]}, "bases", "按月份列出"),
        ({"bases": {"2025-7": 12000}}, "bases.2025-7", "YYYY-MM"),
        ({"bases": {"2025-13": 12000}}, "bases.2025-13", "YYYY-MM"),
        ({"bases": {"2025-07": "12000"}}, "bases.2025-07", "须为数字"),
        ({"bases": {"2025-07": True}}, "bases.2025-07", "须为数字"),
        ({"bases": {"2025-07": None}}, "bases.2025-07", "须为数字"),
        ({"bases": {"2025-07": -1}}, "bases.2025-07", "0 到"),
        ({"bases": {"2025-07": 1e300}}, "bases.2025-07", "0 到"),
        ({"bases": {}, "as_of": "2026/07/01"}, "as_of", "YYYY-MM-DD"),
        ({"bases": {}, "as_of": 20260701}, "as_of", "YYYY-MM-DD"),
        ({"bases": {}, "today": "2026-07-01"}, "today", "没有这一项"),
        ({}, "bases", "按月份列出"),
    ],
)
def test_bad_bodies_are_400s_in_chinese(client, body, field, message):
    response = post(client, body)
    assert response.status_code == 400
    assert message in response.json()["errors"][field][0]


def test_not_json_and_wrong_methods(client):
    assert post(client, "{").status_code == 400
    assert post(client, '{"bases": {"2025-07": NaN}}').status_code == 400
    assert client.get(URL).status_code == 405


def test_too_many_months_is_a_400(client):
    many = {str(Month(1900, 1).plus(n)): 1 for n in range(721)}
    response = post(client, {"bases": many, "as_of": "2026-07-01"})
    assert response.status_code == 400
    assert "最多" in response.json()["errors"]["bases"][0]


def test_needs_no_csrf_token():
    response = post(Client(enforce_csrf_checks=True), {"bases": {}, "as_of": "2026-07-01"})
    assert response.status_code == 200
    assert response.json()["tier"] == "none"


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        # A month in year 0 has no first day: this answered 500 before.
        (
            {"bases": {"0000-12": 12500}, "as_of": "2026-07-01"},
            "bases.0000-12",
            "月份须在 2000 年到 2099 年之间。",
        ),
        ({"bases": {"10000-01": 12500}}, "bases.10000-01", "月份格式应为 YYYY-MM，例如 2025-07。"),
        (
            {"bases": {"2025-07": 12500}, "as_of": "0001-01-01"},
            "as_of",
            "日期需在2000年1月1日至2099年12月31日之间。",
        ),
        (
            {"bases": {"2025-07": 12500}, "as_of": "9999-12-31"},
            "as_of",
            "日期需在2000年1月1日至2099年12月31日之间。",
        ),
        ({"bases": {"2025-07": 12500}, "as_of": "0000-01-01"}, "as_of", "没有公元 0 年，请检查年份。"),
        (
            {"bases": {"2025-07": 12500}, "as_of": "2026-7-1"},
            "as_of",
            "日期格式应为 YYYY-MM-DD，例如 2026-06-15。",
        ),
    ],
)
def test_out_of_range_years_are_a_chinese_400(client, body, field, message):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json() == {"errors": {field: [message]}}
