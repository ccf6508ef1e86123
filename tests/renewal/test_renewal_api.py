from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

pytestmark = pytest.mark.django_db


def test_contract_fields_for_an_open_window(client):
    response = client.get("/api/v1/renewal", {"expiry": "2026-06-15", "today": "2026-06-01"})

    assert response.status_code == 200
    assert response.json() == {
        "expiry": "2026-06-15",
        "today": "2026-06-01",
        "window_opens": "2026-05-16",
        "grace_ends": "2026-08-14",
        "status": "open",
        "days_until_window_opens": None,
        "days_left": 14,
        "years_continuous": True,
        "message": response.json()["message"],
    }
    assert "现在可以办理签注" in response.json()["message"]


def test_lapsed_card(client):
    body = client.get("/api/v1/renewal", {"expiry": "2026-06-15", "today": "2026-08-15"}).json()

    assert body["status"] == "lapsed"
    assert body["days_left"] is None
    assert body["years_continuous"] is False


@time_machine.travel(datetime(2026, 11, 27, 17, 0, tzinfo=ZoneInfo("UTC")), tick=False)
def test_today_defaults_to_the_date_in_shanghai(client):
    assert client.get("/api/v1/renewal", {"expiry": "2026-12-31"}).json()["today"] == "2026-11-28"


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"expiry": "2026-02-30"}, "expiry", "2026年2月没有30日"),
        ({}, "expiry", "缺少这个参数"),
        ({"expiry": "2026-06-15", "today": "tomorrow"}, "today", "日期格式应为 YYYY-MM-DD"),
        ({"expiry": "9999-12-31"}, "expiry", "日期需在2000年1月1日至2099年12月31日之间"),
    ],
)
def test_bad_dates_get_400_with_a_chinese_message(client, query, field, message):
    response = client.get("/api/v1/renewal", query)

    assert response.status_code == 400
    assert message in response.json()["errors"][field][0]


def test_only_get_is_allowed(client):
    response = client.post("/api/v1/renewal?expiry=2026-06-15")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert "GET" in response.json()["errors"]["__all__"][0]


def test_the_api_message_carries_the_caveat(client):
    message = client.get("/api/v1/renewal", {"expiry": "2026-06-15", "today": "2026-06-01"}).json()["message"]
    assert "以受理部门最新规定为准" in message
