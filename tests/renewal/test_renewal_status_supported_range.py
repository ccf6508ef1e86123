from datetime import date

import pytest

from renewal.deadlines import UnsupportedDate, renewal_status


@pytest.mark.parametrize(
    ("expiry", "today"),
    [
        (date(1999, 12, 31), date(2026, 1, 1)),
        (date(2100, 1, 1), date(2026, 1, 1)),
        (date.min, date(2026, 1, 1)),
        (date(2026, 1, 1), date.max),
    ],
)
def test_dates_outside_the_supported_range_are_refused_with_a_chinese_message(expiry, today):
    with pytest.raises(UnsupportedDate, match="日期需在2000年1月1日至2099年12月31日之间"):
        renewal_status(expiry, today)


def test_the_ends_of_the_supported_range_are_accepted():
    assert renewal_status(date(2000, 1, 1), date(2099, 12, 31)).status == "lapsed"
    assert renewal_status(date(2099, 12, 31), date(2000, 1, 1)).status == "not_yet_open"
