"""The check result says what to do now first, never shows a past date as something to do, and offers the
SMS reminder beside the .ics and the other renewal tools."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.html_tree import parse

pytestmark = pytest.mark.django_db

TODAY = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def result_text(client, expiry):
    html = client.get("/renewal/check/", {"expiry": expiry}).content.decode()
    return html, html[html.index('class="card check-result') :]


def key_dates(client, expiry):
    (dates,) = parse(client.get("/renewal/check/", {"expiry": expiry}).content).find_all(
        "dl", class_="key-dates"
    )
    return dates.text()


@time_machine.travel(TODAY, tick=False)
def test_a_card_90_days_overdue_shows_no_date_to_act_on_that_is_past(client):
    html, _ = result_text(client, "2026-09-03")  # window opened 4 August, grace ended 2 November
    assert 'data-status="lapsed"' in html
    assert "2026年8月4日" not in html
    dates = key_dates(client, "2026-09-03")
    assert "开始可以签注" not in dates
    assert "已于 2026年9月3日 到期" in dates
    assert "已于 2026年11月2日 结束" in dates


@time_machine.travel(TODAY, tick=False)
def test_in_the_grace_period_the_past_dates_read_as_facts(client):
    dates = key_dates(client, "2026-11-20")
    assert "开始可以签注" not in dates and "2026年10月21日" not in dates
    assert "已于 2026年11月20日 到期" in dates
    assert "补办后年限仍连续的最后一天" in dates


@time_machine.travel(TODAY, tick=False)
def test_an_open_window_says_it_has_begun(client):
    dates = key_dates(client, "2026-12-20")
    assert "签注已开始" in dates and "开始可以签注" not in dates


@pytest.mark.parametrize("expiry", ["2027-03-01", "2026-12-20", "2026-11-20", "2026-09-03"])
@time_machine.travel(TODAY, tick=False)
def test_what_to_do_now_comes_before_the_dates(client, expiry):
    _, result = result_text(client, expiry)
    assert result.index("现在该做什么") < result.index('class="key-dates"')


@pytest.mark.parametrize("expiry", ["2027-03-01", "2026-12-20", "2026-11-20"])
@time_machine.travel(TODAY, tick=False)
def test_the_sms_reminder_is_offered_beside_the_calendar(client, expiry):
    _, result = result_text(client, expiry)
    assert f'href="/renewal/remind/?expiry={expiry}"' in result
    assert f'href="/renewal/check/calendar.ics?expiry={expiry}"' in result


@time_machine.travel(TODAY, tick=False)
def test_too_late_for_reminders_the_result_says_so(client):
    _, result = result_text(client, "2026-10-10")  # grace ends 9 December: its last reminder was 29 November
    assert "/renewal/remind/?expiry" not in result
    assert "短信提醒来不及了" in result


@time_machine.travel(TODAY, tick=False)
def test_a_date_more_than_two_years_out_says_why_there_are_no_reminders(client):
    _, result = result_text(client, "2029-01-15")  # a slip of the year in a date picker
    assert "/renewal/remind/?expiry" not in result
    assert "这个日期离今天超过两年。居住证每年签注一次，请核对证件上印的有效期。" in result
    assert "短信提醒来不及了" not in result and "明年的短信提醒" not in result


@time_machine.travel(TODAY, tick=False)
def test_a_lapsed_card_is_offered_next_years_reminders(client):
    _, result = result_text(client, "2026-09-03")
    assert 'href="/renewal/remind/"' in result and "明年的短信提醒" in result


def test_the_check_page_links_the_processing_estimate_and_the_reminders(client):
    page = parse(client.get("/renewal/check/").content.decode())
    links = {link.get("href") for link in page.find_all("a")}
    assert {"/renewal/processing/", "/renewal/remind/"} <= links
