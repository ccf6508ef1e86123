import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
# 2026-06-01 00:30 in Shanghai is still 2026-05-31 in UTC: "today" must be the Shanghai date.
JUST_AFTER_MIDNIGHT = datetime(2026, 6, 1, 0, 30, tzinfo=SHANGHAI)


def test_empty_form_states_the_date_convention(client):
    html = client.get("/renewal/check/").content.decode()

    assert 'method="get"' in html
    assert 'name="expiry"' in html
    assert "本站怎样计算日期" in html
    assert "到期日前 30 天起（含这一天）" in html
    assert "check-result" not in html


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_open_window_shows_status_dates_days_left_and_what_to_do(client):
    html = client.get("/renewal/check/?expiry=2026-06-15").content.decode()

    assert 'data-status="open"' in html
    assert "现在可以签注" in html
    assert "还有14天" in html
    assert "2026年5月16日" in html and "2026年6月15日" in html and "2026年8月14日" in html
    assert "以受理部门最新规定为准" in html
    assert "居住证办理一件事" in html and "社区事务受理服务中心" in html
    assert "连续计算" in html
    assert 'href="/renewal/check/calendar.ics?expiry=2026-06-15"' in html


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_lapsed_card_says_years_restart_and_offers_no_calendar(client):
    html = client.get("/renewal/check/?expiry=2026-03-01").content.decode()

    assert 'data-status="lapsed"' in html
    assert "重新计算" in html
    assert "calendar.ics" not in html


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_grace_period_says_functions_are_suspended(client):
    html = client.get("/renewal/check/?expiry=2026-05-20").content.decode()

    assert 'data-status="grace"' in html
    assert "使用功能已中止" in html


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_common_ways_of_typing_a_date_are_understood(client):
    html = client.get("/renewal/check/?expiry=2026年6月15日").content.decode()

    assert 'data-status="open"' in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", "2026年2月没有30日"),
        ("2026-13-01", "没有13月"),
        ("next week", "请按“2026-06-15”的格式填写日期"),
        ("1899-01-01", "日期需在2000年1月1日至2099年12月31日之间"),
        ("", "请填写居住证的有效期截止日期"),
    ],
)
def test_bad_dates_are_explained_and_kept_in_the_field(client, value, message):
    response = client.get("/renewal/check/", {"expiry": value})
    html = response.content.decode()

    assert response.status_code == 200
    assert message in html
    assert "check-result" not in html
    if value:
        assert f'value="{value}"' in html


def test_a_date_typed_another_way_is_shown_as_the_date_it_was_read_as(client):
    html = client.get("/renewal/check/?expiry=2027年3月1日").content.decode()
    assert re.search(r'<input type="date" name="expiry" value="2027-03-01"', html)


def test_a_date_box_cannot_hold_what_was_typed_so_it_is_a_text_box_keeping_it(client):
    html = client.get("/renewal/check/?expiry=2026-13-01").content.decode()
    field = re.search(r'<input [^>]*name="expiry"[^>]*>', html).group(0)
    assert 'type="text"' in field and 'value="2026-13-01"' in field
    assert "min=" not in field and "max=" not in field


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
def test_before_the_window_opens_the_page_already_says_how_to_renew(client):
    html = client.get("/renewal/check/?expiry=2026-12-31").content.decode()

    assert 'data-status="not_yet_open"' in html
    assert "到时候可以这样办" in html
    assert "居住证办理一件事" in html


def test_the_page_states_the_caveat_once(client):
    html = client.get("/renewal/check/", {"expiry": "2026-06-15"}).content.decode()
    assert html.count("以受理部门最新规定为准") == 1


@time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False)
@pytest.mark.parametrize(
    ("expiry", "texts", "calendar"),
    [
        # 2026-06-01: the window opens 2026-06-05, so all three texts and calendar days are ahead.
        (
            "2026-07-05",
            "短信提醒：可以签注了（到期前 30 天）、快到期了（到期前 3 天）、"
            "补办期限快结束了（补办期限前 10 天）各一条",
            "每个都会提前 3 天提醒",
        ),
        # Window open since 2026-05-16, card valid to 06-15: the 3-day and grace texts are left.
        (
            "2026-06-15",
            "短信提醒：快到期了（到期前 3 天）、补办期限快结束了（补办期限前 10 天）各一条",
            "还没到的会提前",
        ),
        # Expired 2026-05-20, grace to 07-19, its text on 07-09: that one only.
        ("2026-05-20", "短信提醒：补办期限快结束了（补办期限前 10 天）一条", "还没到的会提前"),
    ],
)
def test_the_reminders_offered_are_those_still_ahead(client, expiry, texts, calendar):
    html = client.get(f"/renewal/check/?expiry={expiry}").content.decode()

    assert texts + "，免费，随时可以停止。" in html
    assert calendar in html
