"""POST /api/v1/score: the DESIGN §2 contract, strict 400s, no session or CSRF, no SQL once warm."""

import datetime
import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

URL = "/api/v1/score"


def post(client, body, query=""):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL + query, data=data, content_type="application/json")


def test_scores_a_profile_with_the_contract_fields(client):
    response = post(client, {"age": 30, "education": "master", "social_insurance_years": 3})
    assert response.status_code == 200
    data = response.json()
    assert data["ruleset"] == {
        "version": "2023-01",
        "name": "上海市居住证积分指标（沪府规〔2022〕21号）",
        "effective_from": "2023-01-01",
    }
    assert (data["total"], data["threshold"], data["gap"]) == (139, 120, 0)
    assert data["eligible"] is True
    assert data["reaches_threshold"] is True
    assert data["items"][0] == {
        "key": "age",
        "label": "年龄",
        "category": "basic",
        "points": 30,
        "note": "30 周岁，计 30 分",
    }
    assert {i["key"]: i["points"] for i in data["items"]}["social_insurance_years"] == 9
    assert data["vetoes"] == []
    assert data["notices"] == []
    assert data["outside"] is None


def test_a_veto_keeps_the_total_but_is_not_eligible(client):
    data = post(client, {"age": 30, "education": "doctor", "veto_serious_crime": True}).json()
    assert data["total"] == 140
    assert data["eligible"] is False
    assert data["reaches_threshold"] is False
    assert data["vetoes"] == [{"key": "veto_serious_crime", "label": "严重刑事犯罪记录"}]


def test_over_60_a_total_past_the_threshold_is_outside_the_system(client):
    data = post(client, {"age": 62, "education": "doctor", "social_insurance_years": 10}).json()
    # 0 (62 周岁) + 110 (博士) + 10 × 3 (社保) = 140.
    assert (data["total"], data["eligible"], data["gap"]) == (140, True, 0)
    assert data["reaches_threshold"] is False
    assert data["outside"] == "「年龄」62 周岁"
    assert any("60 周岁" in notice for notice in data["notices"])


def test_a_switched_off_indicator_is_accepted_with_a_notice(client):
    data = post(client, {"age": 30, "veto_family_planning": True}).json()
    assert data["eligible"] is True
    assert data["notices"] == ["「违反计划生育政策」一项目前未启用，您填写的内容没有计入。"]


def test_needs_no_csrf_token_and_sets_no_cookie():
    client = Client(enforce_csrf_checks=True)
    response = post(client, {"age": 30})
    assert response.status_code == 200
    assert response.cookies == {}


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ("{not json", {"__all__": ["请求正文不是有效的 JSON。"]}),
        (b"\xff\xfe\x00", {"__all__": ["请求正文不是有效的 JSON。"]}),
        ("", {"__all__": ["请求正文不是有效的 JSON。"]}),
        ("[1, 2]", {"__all__": ['请提交一个 JSON 对象，例如 {"age": 30}。']}),
        ({}, {"age": ["请填写「年龄」。"]}),
        ({"age": 30, "salary": 1}, {"salary": ["没有这一项，请检查拼写。"]}),
        ({"age": "30"}, {"age": ["「年龄」须为整数。"]}),
        ({"age": 30.5}, {"age": ["「年龄」须为整数。"]}),
        ({"age": True}, {"age": ["「年龄」须为整数。"]}),
        (
            {"age": 30, "fresh_graduate": 1},
            {"fresh_graduate": ["「全日制应届高校毕业生」须为 true 或 false。"]},
        ),
        ({"age": 15}, {"age": ["「年龄」须在 16 到 80 之间。"]}),
        (
            {"age": 30, "social_insurance_years": -1},
            {"social_insurance_years": ["「在沪缴纳职工社保年限」须在 0 到 60 之间。"]},
        ),
        ({"age": 30, "detention_count": 21}, {"detention_count": ["「行政拘留」须在 0 到 20 之间。"]}),
        (
            # More years than since 16: months typed as years, which would pass at 120.
            {"age": 20, "education": "junior_college", "social_insurance_years": 30},
            {
                "social_insurance_years": [
                    "「在沪缴纳职工社保年限」最多 4 年（年龄 20 周岁）；请检查是不是把月数填成了年数。"
                ]
            },
        ),
        (
            {"age": 30, "award": "nobel"},
            {
                "award": [
                    "「在沪工作期间获得的表彰」没有“nobel”这个选项，可选：none、municipal_special、municipal_comprehensive、provincial_or_above。"
                ]
            },
        ),
    ],
)
def test_bad_input_is_a_400_with_chinese_messages_per_field(client, body, errors):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json() == {"errors": errors}


def test_huge_and_deeply_nested_bodies_are_400s(client):
    assert post(client, '{"age": ' + "9" * 5000 + "}").status_code == 400
    assert post(client, "[" * 100000 + "]" * 100000).status_code == 400
    too_big = post(client, '{"age": 30, "x": "' + "a" * 300_000 + '"}')
    assert too_big.status_code == 400
    assert too_big.json() == {"errors": {"__all__": ["请求正文太大。"]}}


def test_get_is_a_405_with_a_json_body(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json() == {"errors": {"__all__": ["这个接口只接受 POST 请求。"]}}


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        ("2025-13-01", "没有13月，请检查日期。"),
        ("2025-02-29", "2025年2月没有29日，请检查日期。"),
        ("yesterday", "日期格式应为 YYYY-MM-DD，例如 2026-06-15。"),
        ("20250301", "日期格式应为 YYYY-MM-DD，例如 2026-06-15。"),
        ("2025-W10-1", "日期格式应为 YYYY-MM-DD，例如 2026-06-15。"),
        ("", "缺少这个参数，请按 YYYY-MM-DD 填写日期。"),
    ],
)
def test_a_malformed_as_of_is_a_400(client, as_of, message):
    response = post(client, {"age": 30}, f"?as_of={as_of}")
    assert response.status_code == 400
    assert response.json() == {"errors": {"as_of": [message]}}


def test_duplicate_keys_are_a_400_not_a_silent_last_wins(client):
    response = post(client, '{"age": 30, "age": 50}')
    assert response.status_code == 400
    assert response.json() == {"errors": {"age": ["这一项出现了不止一次，请只提交一次。"]}}


def test_nan_is_not_json(client):
    assert post(client, '{"age": NaN}').json() == {"errors": {"__all__": ["请求正文不是有效的 JSON。"]}}


def test_as_of_before_any_ruleset_is_a_400(client):
    response = post(client, {"age": 30}, "?as_of=2022-12-31")
    assert response.status_code == 400
    assert response.json() == {
        "errors": {"as_of": ["本站的积分规则从 2023年1月1日（2023-01-01）起适用，请查询这一天或之后的日期。"]}
    }


def test_as_of_chooses_between_two_published_rulesets(client, publish_copy):
    def fresh_graduates_get_20(copy):
        copy.indicators.filter(key="fresh_graduate").update(points=20)

    publish_copy(datetime.date(2025, 1, 1), fresh_graduates_get_20, version="2025-01")
    body = {"age": 30, "fresh_graduate": True}
    before = post(client, body, "?as_of=2024-12-31").json()
    after = post(client, body, "?as_of=2025-01-01").json()
    assert (before["ruleset"]["version"], before["total"]) == ("2023-01", 40)
    assert (after["ruleset"]["version"], after["total"]) == ("2025-01", 50)


def test_runs_no_sql_once_warm(client, django_assert_num_queries):
    post(client, {"age": 30})
    with django_assert_num_queries(0):
        response = post(client, {"age": 44, "education": "bachelor_degree", "award": "municipal_special"})
    assert response.json()["total"] == 29 + 90 + 30
