"""When a consultant must have called back: the promise on the thank-you page and the due-by time in admin."""

from datetime import datetime, time

from leads.limits import SHANGHAI

END_OF_WORKING_DAY = time(18, 0)
# The same rule in words, for every page that promises a call (home, /consult/): one promise everywhere.
CALLBACK_PROMISE = f"下一个工作日 {END_OF_WORKING_DAY:%H:%M} 前"


def callback_due(submitted_at, calendar=None):
    """By the end (18:00 Shanghai time) of the next working day after the day of submission.

    `calendar` is a renewal.workdays.WorkdayCalendar (public holidays, 调休 working weekends and the
    editors' overrides); by default the one in force, read from the database.
    """
    if calendar is None:
        from renewal.models import workday_calendar  # the pure callers pass their own calendar

        calendar = workday_calendar()
    submitted_day = submitted_at.astimezone(SHANGHAI).date()
    return datetime.combine(calendar.add_working_days(submitted_day, 1), END_OF_WORKING_DAY, tzinfo=SHANGHAI)
