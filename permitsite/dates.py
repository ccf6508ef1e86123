"""Pure calendar arithmetic and the one way dates are written in Chinese, shared by every app: no Django,
no clock.

One rule for a day that the target month or year lacks (29 February, 31 April): the month's last day.
"""

from __future__ import annotations

import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier, when negative), or the month's last day when it has fewer."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` later (or earlier): 29 February becomes 28 February in a year without one."""
    return add_months(day, 12 * years)


def chinese_date(day: datetime.date) -> str:
    """2027年3月1日: no leading zeros, as the templates' "Y年n月j日" writes it."""
    return f"{day.year}年{day.month}月{day.day}日"
