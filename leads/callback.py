"""When a consultant must have called back: the promise on the thank-you page and the due-by time in admin."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
END_OF_WORKING_DAY = time(18, 0)


def _add_weekdays(start, n):
    """Monday–Friday, for when no working-day calendar is at hand (it knows no holidays or 调休)."""
    day = start
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def callback_due(submitted_at, calendar=None):
    """By the end (18:00 Shanghai time) of the next working day after the day of submission.

    `calendar` is a renewal.workdays.WorkdayCalendar (public holidays, 调休 working weekends and the
    editors' overrides); without one, Monday–Friday.
    """
    add_working_days = calendar.add_working_days if calendar is not None else _add_weekdays
    submitted_day = submitted_at.astimezone(SHANGHAI).date()
    return datetime.combine(add_working_days(submitted_day, 1), END_OF_WORKING_DAY, tzinfo=SHANGHAI)
