"""POST /api/v1/settle: the contract, its defaults, Chinese 400s, and never a 500."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db
URL = "/api/v1/settle"


def post(client, body, query=""):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL + query, data, content_type="application/json")


def test_seven_years_with_a_middle_title_is_eligible_with_the_contract_fields(client):
    response = post(client, {"card_years": 7, "si_years": 7, "title": "mid_title"}, "?today=2026-12-02")

    assert response.status_code == 200
    body = response.json()
    assert {key: body[key] for key in ("eligible", "missing", "earliest", "route", "today")} == {
        "eligible": True,
        "missing": [],
        "earliest": "2026-12",
        "route": "standard",
        "today": "2026-12-02",
    }
    # Seeded from second-hand quotes, so unverified (settle 0003), notes included.
    assert body["unverified"] == [
        "card_years",
        "si_years",
        "tax",
        "title",
        "record",
        "late_endorsement",
        "title_base",
    ]
    title = next(c for c in body["conditions"] if c["key"] == "title")
    assert title["status"] == "met"
    # Exactly the years required is enough: the lines say so, as the verdict does.
    years = {c["key"]: c["status"] for c in body["conditions"] if c["key"] in ("card_years", "si_years")}
    assert years == {"card_years": "met", "si_years": "met"}
    assert title["source"]["verified"] is False
    assert title["source"]["verified_on"] is None
    assert "第五条第（四）项" in title["source"]["text"]


def test_the_defaults_are_a_matching_title_tax_paid_no_bad_record_and_no_remote_years(client):
    minimal = post(client, {"card_years": 5, "si_years": 5, "title": "mid_title"}, "?today=2026-12-02").json()
    explicit = post(
        client,
        {
            "card_years": 5,
            "si_years": 5,
            "title": "mid_title",
            "title_matches_job": True,
            "remote_edu_health_years": 0,
            "tax_paid": True,
            "bad_record": False,
            "salary_alternative": False,
        },
        "?today=2026-12-02",
    ).json()

    assert minimal == explicit
    assert minimal["eligible"] is False
    assert minimal["earliest"] == "2028-12"
    assert minimal["missing"] == [
        "持有居住证还差 2 年（需满 7 年）。",
        "持证期间的社保还差 2 年（需满 7 年）。",
    ]


def test_a_missing_title_gives_no_earliest_month(client):
    body = post(client, {"card_years": 9, "si_years": 9, "title": "none"}).json()

    assert body["eligible"] is False
    assert body["earliest"] is None


def test_relying_on_the_unverified_salary_alternative_says_so(client):
    body = post(client, {"card_years": 7, "si_years": 7, "title": "none", "salary_alternative": True}).json()

    assert body["eligible"] is True
    assert "salary_alternative" in body["unverified"]
    salary = next(c for c in body["conditions"] if c["key"] == "salary_alternative")
    assert salary["source"] == {
        "text": salary["source"]["text"],
        "url": "",
        "verified_on": None,
        "verified": False,
    }


@time_machine.travel(datetime(2026, 12, 31, 17, 0, tzinfo=ZoneInfo("UTC")), tick=False)
def test_today_defaults_to_the_date_in_shanghai(client):
    body = post(client, {"card_years": 6, "si_years": 6, "title": "mid_title"}).json()

    assert body["today"] == "2027-01-01"
    assert body["earliest"] == "2028-01"


def test_needs_no_csrf_token_and_sets_no_cookie():
    response = post(Client(enforce_csrf_checks=True), {"card_years": 1, "si_years": 1, "title": "none"})

    assert response.status_code == 200
    assert response.cookies == {}


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ("{not json", {"__all__": ["请求正文不是有效的 JSON。"]}),
        ("", {"__all__": ["请求正文不是有效的 JSON。"]}),
        (
            "[7, 7]",
            {
                "__all__": [
                    '请提交一个 JSON 对象，例如 {"card_years": 5, "si_years": 5, "title": "mid_title"}。'
                ]
            },
        ),
        (
            {},
            {
                "card_years": ["请填写「持有居住证的年数」。"],
                "si_years": ["请填写「持证期间缴纳社保的年数」。"],
                "title": ["请填写「职称或职业资格」。"],
            },
        ),
        (
            {"card_years": 7, "si_years": 7, "title": "none", "age": 30},
            {"age": ["没有这一项，请检查拼写。"]},
        ),
        (
            {"card_years": "7", "si_years": 7, "title": "none"},
            {"card_years": ["「持有居住证的年数」须为整数（整年）。"]},
        ),
        (
            {"card_years": 6.5, "si_years": 7, "title": "none"},
            {"card_years": ["「持有居住证的年数」须为整数（整年）。"]},
        ),
        (
            {"card_years": True, "si_years": 7, "title": "none"},
            {"card_years": ["「持有居住证的年数」须为整数（整年）。"]},
        ),
        (
            {"card_years": -1, "si_years": 7, "title": "none"},
            {"card_years": ["「持有居住证的年数」须在 0 到 60 之间。"]},
        ),
        (
            {"card_years": 7, "si_years": 61, "title": "none"},
            {"si_years": ["「持证期间缴纳社保的年数」须在 0 到 60 之间。"]},
        ),
        (
            {"card_years": 7, "si_years": 7, "title": "none", "tax_paid": "yes"},
            {"tax_paid": ["「持证期间在本市依法纳税」须为 true 或 false。"]},
        ),
        (
            {"card_years": 7, "si_years": 7, "title": "none", "bad_record": None},
            {"bad_record": ["「有不良记录」须为 true 或 false。"]},
        ),
        (
            {"card_years": 7, "si_years": 7, "title": ["mid_title"]},
            {"title": ["「职称或职业资格」须为选项代码（字符串）。"]},
        ),
        (
            {"card_years": 7, "si_years": 7, "title": "professor"},
            {
                "title": [
                    "「职称或职业资格」没有“professor”这个选项，可选：none、junior_title、skill_5、skill_4、"
                    "skill_3、skill_2、mid_title、cpa_lawyer、skill_1、senior_title。"
                ]
            },
        ),
    ],
)
def test_bad_input_is_a_400_with_chinese_messages_per_field(client, body, errors):
    response = post(client, body)

    assert response.status_code == 400
    assert response.json() == {"errors": errors}


def test_duplicate_keys_are_a_400(client):
    response = post(client, '{"card_years": 7, "card_years": 1, "si_years": 7, "title": "none"}')

    assert response.json() == {"errors": {"card_years": ["这一项出现了不止一次，请只提交一次。"]}}


@pytest.mark.parametrize(
    ("today", "message"),
    [
        ("2026-02-30", "2026年2月没有30日，请检查日期。"),
        ("1999-12-31", "日期需在2000年1月1日至2099年12月31日之间"),
    ],
)
def test_a_bad_today_is_a_400(client, today, message):
    response = post(client, {"card_years": 7, "si_years": 7, "title": "none"}, f"?today={today}")

    assert response.status_code == 400
    assert message in response.json()["errors"]["today"][0]


def test_get_is_a_405_with_a_json_body(client):
    response = client.get(URL)

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json() == {"errors": {"__all__": ["这个接口只接受 POST 请求。"]}}


def test_runs_no_sql_once_warm(client, django_assert_num_queries):
    post(client, {"card_years": 1, "si_years": 1, "title": "none"})

    with django_assert_num_queries(0):
        assert post(client, {"card_years": 3, "si_years": 2, "title": "skill_1"}).status_code == 200


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)
KEYS = st.sampled_from(
    [
        "card_years",
        "si_years",
        "title",
        "title_matches_job",
        "remote_edu_health_years",
        "tax_paid",
        "bad_record",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(KEYS | st.text(max_size=8), JSON_VALUES | st.integers(0, 60), max_size=8))
def test_any_json_object_is_answered_with_200_or_a_chinese_400(client, body):
    response = post(client, json.dumps(body, allow_nan=False) if _finite(body) else "{}")

    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert all(messages for messages in response.json()["errors"].values())


def _finite(value):
    if isinstance(value, float):
        return value == value and abs(value) != float("inf")
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True
