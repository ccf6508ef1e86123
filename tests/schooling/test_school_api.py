"""GET /api/v1/school: the contract, Chinese 400s, and never a 500."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schooling.models import RegistrationWindow

pytestmark = pytest.mark.django_db
URL = "/api/v1/school"


def get(client, **query):
    return client.get(URL, query)


@pytest.fixture
def window_2031(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return RegistrationWindow.objects.create(
            year=2031,
            opens=date(2030, 12, 9),
            closes=date(2030, 12, 18),
            source="2031 年中考报名通知",
            verified_on=date(2030, 11, 20),
        )


@pytest.mark.parametrize(
    ("birth", "entry", "zhongkao"),
    [
        ("2015-05-01", 2021, 2030),
        ("2015-09-01", 2022, 2031),
        ("2015-08-31", 2021, 2030),
        ("2016-02-29", 2022, 2031),
    ],
)
def test_school_years_from_the_birth_date(client, birth, entry, zhongkao):
    body = get(client, child_birth=birth, today="2026-12-02").json()

    assert (body["primary_entry_year"], body["zhongkao_year"]) == (entry, zhongkao)
    assert body["junior_entry_year"] == entry + 5


def test_a_year_without_its_own_window_is_estimated_from_the_seeded_one(client):
    body = get(client, child_birth="2015-05-01", today="2026-12-02").json()

    assert body["registration"] == {
        "year": 2030,
        "opens": "2029-12-14",
        "closes": "2029-12-23",
        "late_until": None,
        "note": "应届初三学生由学籍学校统一组织网上报名。",
        "estimated": True,
        "based_on_year": 2021,
        "source": body["registration"]["source"],
    }
    assert body["registration"]["source"]["verified"] is False  # quoted second-hand (schooling 0003)
    assert body["approval_needed_by"] == "2029-12-23"
    # 30 working days back from Sunday 23 December 2029, Monday to Friday (2029's holidays unknown):
    # 15 in December, 15 in November back to Monday the 12th; so accepted by Friday 9 November.
    assert body["points_needed_by"] == "2029-11-09"
    assert body["calendar_estimated_years"] == [2029]
    assert body["processing"]["working_days"] == 30
    assert body["processing"]["source"]["verified"] is False
    assert body["months_left"] == 35
    assert body["application_passed"] is False


def test_a_last_application_day_weeks_ago_is_passed_though_under_a_month(client):
    body = get(client, child_birth="2011-10-01", today="2026-12-02").json()

    assert body["points_needed_by"] == "2026-11-11"
    assert (body["months_left"], body["application_passed"], body["registration_passed"]) == (0, True, False)


def test_the_contract_fields_with_a_published_window(client, window_2031):
    body = get(client, child_birth="2015-09-01", today="2026-12-02").json()

    assert body["registration"]["estimated"] is False
    assert body["registration"]["based_on_year"] is None
    assert body["registration"]["source"]["verified_on"] == "2030-11-20"
    assert body["approval_needed_by"] == "2030-12-18"
    # 13 working days in December up to Wednesday the 18th, 17 more back to Thursday 7 November.
    assert body["points_needed_by"] == "2030-11-06"
    assert body["registration_passed"] is False
    assert body["school_system"] == {
        "entry_age": 6,
        "cutoff": "08-31",
        "primary_years": 5,
        "junior_years": 4,
        "entry_source": body["school_system"]["entry_source"],
        "stages_source": body["school_system"]["stages_source"],
    }
    assert body["school_system"]["entry_source"]["verified"] is False
    names = [route["name"] for route in body["routes_without_points"]]
    assert names[0] == "全日制中等职业学校（含中高职贯通、五年一贯制）"
    assert all(route["source"]["text"] for route in body["routes_without_points"])


@time_machine.travel(datetime(2026, 12, 31, 17, 0, tzinfo=ZoneInfo("UTC")), tick=False)
def test_today_defaults_to_the_date_in_shanghai(client):
    assert get(client, child_birth="2020-01-01").json()["today"] == "2027-01-01"


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({}, "child_birth", "缺少这个参数，请按 YYYY-MM-DD 填写日期。"),
        ({"child_birth": ""}, "child_birth", "缺少这个参数，请按 YYYY-MM-DD 填写日期。"),
        ({"child_birth": "2015/05/01"}, "child_birth", "日期格式应为 YYYY-MM-DD，例如 2026-06-15。"),
        ({"child_birth": "2015-02-29"}, "child_birth", "2015年2月没有29日，请检查日期。"),
        ({"child_birth": "2015-13-01"}, "child_birth", "没有13月，请检查日期。"),
        (
            {"child_birth": "2028-01-01", "today": "2026-12-02"},
            "child_birth",
            "出生日期不能晚于一年以后；还没出生的孩子，可以按预产期来查。",
        ),
        (
            {"child_birth": "2008-12-01", "today": "2026-12-02"},
            "child_birth",
            "孩子已满 18 周岁，中考报名已经不适用；请检查出生日期。",
        ),
        (
            {"child_birth": "2015-05-01", "today": "1999-01-01"},
            "today",
            "日期需在2000年1月1日至2099年12月31日之间",
        ),
    ],
)
def test_bad_input_is_a_400_with_a_chinese_message(client, query, field, message):
    response = client.get(URL, query)

    assert response.status_code == 400
    assert message in response.json()["errors"][field][0]


def test_only_get_is_allowed(client):
    response = client.post(URL + "?child_birth=2015-05-01")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_runs_no_sql_once_warm(client, django_assert_num_queries):
    get(client, child_birth="2015-05-01")

    with django_assert_num_queries(0):
        assert get(client, child_birth="2018-10-10").status_code == 200


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    birth=st.text(max_size=12) | st.dates().map(date.isoformat),
    today=st.none() | st.dates().map(date.isoformat),
)
def test_any_query_is_answered_with_200_or_a_chinese_400(client, birth, today):
    query = {"child_birth": birth} | ({"today": today} if today else {})

    response = client.get(URL, query)

    assert response.status_code in (200, 400)
