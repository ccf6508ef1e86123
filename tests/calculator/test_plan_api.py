"""POST /api/v1/plan: the score's answer plus routes that /api/v1/score confirms, strict Chinese 400s."""

import datetime
import json

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

URL = "/api/v1/plan"
ROUTE_KEYS = ["kind", "text", "changes", "gain", "reaches", "months", "effort", "beyond_valid_until"]


def post(client, body, query="", url=URL):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(url + query, data=data, content_type="application/json")


def test_answers_the_score_plus_routes_next_steps_and_notices(client):
    body = {"age": 30, "education": "bachelor", "social_insurance_years": 3}
    data = post(client, {**body, "today": "2026-12-02"}).json()
    score = post(client, body, url="/api/v1/score").json()
    assert {k: data[k] for k in score if k != "notices"} == {k: v for k, v in score.items() if k != "notices"}
    assert list(data) == [*score, "routes", "next_steps"]
    assert (data["total"], data["gap"]) == (99, 21)
    assert [list(r) for r in data["routes"]] == [ROUTE_KEYS] * len(data["routes"])
    first, by_time = data["routes"][:2]
    # 0.8 倍 base for 36 months; by then 30 + 60 + 18 + 25 = 133.
    assert first["kind"] == "step_up"
    assert first["changes"] == {"age": 33, "social_insurance_years": 6, "si_base_tier": "x0_8"}
    assert (first["gain"], first["reaches"], first["months"]) == (34, True, 36)
    assert first["effort"]["level"] == 2 and first["effort"]["label"] == "中等"
    assert "0.8 倍" in first["effort"]["note"]
    assert by_time["kind"] == "time"
    assert (by_time["months"], by_time["gain"]) == (84, 21)
    assert "最晚 2033 年 12 月" in by_time["text"]
    assert data["next_steps"] == []
    assert "如果您获得「市级机关综合表彰」：加 60 分，达到 120 分。" in data["notices"]


def test_every_route_is_confirmed_by_the_score_endpoint(client):
    body = {"age": 29, "education": "master", "social_insurance_years": 3, "detention_count": 1}
    data = post(client, body).json()
    assert data["routes"]
    for route in data["routes"]:
        changed = post(client, {**body, **route["changes"]}, url="/api/v1/score").json()
        assert changed["total"] == data["total"] + route["gain"]
        assert route["gain"] > 0
        assert changed["reaches_threshold"] is route["reaches"]


def test_today_defaults_to_today_in_shanghai(client, time_machine):
    # 2026-12-31 20:00 UTC is already 2027-01-01 in Shanghai.
    time_machine.move_to(datetime.datetime(2026, 12, 31, 20, 0, tzinfo=datetime.UTC), tick=False)
    assert timezone.localdate() == datetime.date(2027, 1, 1)
    data = post(client, {"age": 30, "education": "bachelor", "social_insurance_years": 3}).json()
    by_time = next(r for r in data["routes"] if r["kind"] == "time")
    assert "最晚 2034 年 1 月" in by_time["text"]


def test_a_passing_result_gets_the_next_steps_editors_keep(client):
    data = post(client, {"age": 30, "education": "master", "social_insurance_years": 3}).json()
    assert data["routes"] == []
    assert data["next_steps"] == [
        {"title": "达到 120 分以后：由单位提出积分申请", "url": "http://testserver/guides/after-120-apply/"},
        {"title": "积分达到 120 分能带来什么", "url": "http://testserver/guides/after-120-benefits/"},
    ]


def test_a_veto_and_over_sixty_get_no_route_and_say_why(client):
    vetoed = post(client, {"age": 30, "education": "doctor", "veto_serious_crime": True}).json()
    assert vetoed["routes"] == [] and vetoed["next_steps"] == []
    assert "一票否决" in vetoed["notices"][-1]
    old = post(client, {"age": 62, "education": "doctor", "social_insurance_years": 10}).json()
    assert (old["total"], old["eligible"], old["reaches_threshold"]) == (140, True, False)
    assert old["outside"] == "「年龄」62 周岁"
    assert old["routes"] == [] and old["next_steps"] == []
    assert "「年龄」62 周岁不在积分制度适用范围内" in old["notices"][-1]


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"age": 30, "today": "2026/12/02"}, {"today": ["日期格式应为 YYYY-MM-DD，例如 2026-06-15。"]}),
        ({"age": 30, "today": 20261202}, {"today": ["日期格式应为 YYYY-MM-DD，例如 2026-06-15。"]}),
        ({"age": 30, "today": None}, {"today": ["日期格式应为 YYYY-MM-DD，例如 2026-06-15。"]}),
        ({"age": 30, "today": "2026-02-30"}, {"today": ["2026年2月没有30日，请检查日期。"]}),
        ({"age": 30, "today": "9999-12-31"}, {"today": ["日期须在 2000-01-01 到 2099-12-31 之间。"]}),
        (
            {"today": "2026-12-02", "award": ["municipal_special"]},
            {
                "age": ["请填写「年龄」。"],
                "award": ["「在沪工作期间获得的表彰」只能填一个选项代码；有多项时填分值最高的一项。"],
            },
        ),
        (
            {"age": 30, "today": "x", "salary": 1},
            {"today": ["日期格式应为 YYYY-MM-DD，例如 2026-06-15。"], "salary": ["没有这一项，请检查拼写。"]},
        ),
        ("[1]", {"__all__": ['请提交一个 JSON 对象，例如 {"age": 30}。']}),
        ("{", {"__all__": ["请求正文不是有效的 JSON。"]}),
    ],
)
def test_bad_input_is_a_400_with_chinese_messages_per_field(client, body, errors):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json() == {"errors": errors}


def test_as_of_picks_the_ruleset_and_is_checked(client):
    errors = post(client, {"age": 30}, "?as_of=2022-12-31").json()["errors"]
    assert list(errors) == ["as_of"]
    assert "2023年1月1日" in errors["as_of"][0]
    assert post(client, {"age": 30}, "?as_of=2024-01-01").json()["ruleset"]["version"] == "2023-01"


def test_get_is_a_405(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response.json() == {"errors": {"__all__": ["这个接口只接受 POST 请求。"]}}


def test_runs_no_sql_once_warm(client, django_assert_num_queries):
    post(client, {"age": 30, "education": "master", "social_insurance_years": 3})
    with django_assert_num_queries(0):
        data = post(client, {"age": 30, "education": "bachelor", "today": "2026-12-02"}).json()
    assert data["routes"]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
KEYS = st.sampled_from(
    ["age", "education", "title_skill", "title_base_ok", "social_insurance_years", "si_base_tier", "award",
     "detention_count", "fresh_graduate", "today", "veto_serious_crime"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        KEYS, JSON_VALUES | st.integers(0, 80) | st.sampled_from(["none", "master", "2026-12-02"])
    )
)
def test_never_a_server_error(client, body):
    response = post(client, body)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["errors"]
