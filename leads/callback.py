"""When a consultant must have called back: the promise on the thank-you page and the due-by time in admin."""

from datetime import datetime, time

from leads.limits import SHANGHAI

END_OF_WORKING_DAY = time(18, 0)

# The times of day a person may ask to be called, and when each ends: the due-by falls at the end of the
# chosen part of the day, so a call that keeps the promise is also a call at the time the person asked for.
# "asap" keeps the plain promise: by the end of the next working day.
CALLBACK_TIMES = {
    "asap": ("尽快", "", END_OF_WORKING_DAY),
    "morning": ("上午", "9:00–12:00", time(12, 0)),
    "afternoon": ("下午", "13:00–18:00", time(18, 0)),
    "evening": ("晚上", "18:00–21:00", time(21, 0)),
}
DEFAULT_CALLBACK_TIME = "asap"
# Every part of the day is a part of a working day: 晚上 is a working day's evening, never a weekend's.
WORKING_DAYS_ONLY = "都是工作日的时段；周末和法定节假日不回电，顺延到下一个工作日。"


def callback_promise(preferred=DEFAULT_CALLBACK_TIME):
    """When a consultant calls for this choice, in the words the thank-you page and the form use; the same
    rule callback_due computes (the next working day, by the end of the chosen part of it)."""
    label, hours, ends = CALLBACK_TIMES[preferred]
    if not hours:
        return f"下一个工作日 {ends:%H:%M} 前"
    return f"下一个工作日的{label}（{hours}）"


# The rule in words for every page that promises a call before a time is chosen (home, /consult/): it holds
# for every choice, the evening included, so it names the chosen part of the day rather than one hour.
CALLBACK_PROMISE = f"下一个工作日您选的时段内（没有选时段的，{END_OF_WORKING_DAY:%H:%M} 前）"


def callback_due(submitted_at, calendar=None, preferred=DEFAULT_CALLBACK_TIME):
    """By the end of the preferred part of the next working day after the day of submission
    (18:00 Shanghai time when the person has no preference).

    `calendar` is a renewal.workdays.WorkdayCalendar (public holidays, 调休 working weekends and the
    editors' overrides); by default the one in force, read from the database.
    """
    if calendar is None:
        from renewal.models import workday_calendar  # the pure callers pass their own calendar

        calendar = workday_calendar()
    _, _, ends = CALLBACK_TIMES[preferred]
    submitted_day = submitted_at.astimezone(SHANGHAI).date()
    return datetime.combine(calendar.add_working_days(submitted_day, 1), ends, tzinfo=SHANGHAI)
