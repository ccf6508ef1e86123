"""When a consultant must have called back: the promise on the thank-you page and the due-by time in admin."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
END_OF_WORKING_DAY = time(18, 0)


def _add_weekdays(start, n):
    """Monday–Friday stand-in with the signature of renewal.workdays.add_working_days(start, n).

    It knows no public holidays or 调休 make-up days; at merge, callback_due switches to the working-day
    calendar and this function goes away.
    """
    day = start
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def callback_due(submitted_at):
    """By the end (18:00 Shanghai time) of the next working day after the day of submission."""
    submitted_day = submitted_at.astimezone(SHANGHAI).date()
    return datetime.combine(_add_weekdays(submitted_day, 1), END_OF_WORKING_DAY, tzinfo=SHANGHAI)
