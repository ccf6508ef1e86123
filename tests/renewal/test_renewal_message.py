from datetime import date

import pytest

from renewal.deadlines import renewal_status

EXPIRY = date(2026, 6, 15)


def test_not_yet_open_names_the_opening_date_and_the_wait():
    message = renewal_status(EXPIRY, date(2026, 5, 6)).message

    assert "还不能办理" in message
    assert "2026年5月16日" in message
    assert "还有10天" in message


def test_open_counts_down_to_the_last_valid_day():
    message = renewal_status(EXPIRY, date(2026, 6, 1)).message

    assert "现在可以办理签注" in message
    assert "2026年6月15日" in message
    assert "还有14天" in message


def test_open_on_the_expiry_date_says_today_is_the_last_day():
    assert "今天是有效期的最后一天" in renewal_status(EXPIRY, EXPIRY).message


def test_grace_says_functions_are_suspended_and_years_still_continuous():
    message = renewal_status(EXPIRY, date(2026, 7, 15)).message

    assert "使用功能已中止" in message
    assert "2026年8月14日" in message
    assert "连续计算" in message
    assert "还有30天" in message


def test_grace_on_its_last_day_says_today_is_the_last_chance():
    assert "今天是最后一天" in renewal_status(EXPIRY, date(2026, 8, 14)).message


def test_lapsed_says_residence_years_restart():
    message = renewal_status(EXPIRY, date(2026, 8, 15)).message

    assert "重新计算" in message
    assert "连续计算" not in message


@pytest.mark.parametrize("today", [date(2026, 5, 6), date(2026, 6, 1), date(2026, 7, 15), date(2026, 8, 15)])
def test_every_message_ends_with_the_caveat(today):
    assert renewal_status(EXPIRY, today).message.endswith("日期按公开规定推算，以受理部门最新规定为准。")
