from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from leads.callback import callback_due
from renewal.workdays import DayKind, WorkdayCalendar

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    "submitted, due",
    [
        # 2026-11-23 is a Monday
        (datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI), datetime(2026, 11, 24, 18, 0, tzinfo=SHANGHAI)),
        (datetime(2026, 11, 23, 0, 1, tzinfo=SHANGHAI), datetime(2026, 11, 24, 18, 0, tzinfo=SHANGHAI)),
        (datetime(2026, 11, 26, 23, 59, tzinfo=SHANGHAI), datetime(2026, 11, 27, 18, 0, tzinfo=SHANGHAI)),
        # Friday, Saturday and Sunday all wait for Monday
        (datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI), datetime(2026, 11, 30, 18, 0, tzinfo=SHANGHAI)),
        (datetime(2026, 11, 28, 12, 0, tzinfo=SHANGHAI), datetime(2026, 11, 30, 18, 0, tzinfo=SHANGHAI)),
        (datetime(2026, 11, 29, 20, 0, tzinfo=SHANGHAI), datetime(2026, 11, 30, 18, 0, tzinfo=SHANGHAI)),
    ],
)
def test_callback_is_due_at_the_end_of_the_next_working_day(submitted, due):
    assert callback_due(submitted, WorkdayCalendar()) == due


def test_the_day_is_counted_in_shanghai_not_utc():
    # Thursday 17:30 UTC is already Friday 01:30 in Shanghai, so the call is due on Monday.
    due = callback_due(datetime(2026, 11, 26, 17, 30, tzinfo=UTC), WorkdayCalendar())
    assert due == datetime(2026, 11, 30, 18, 0, tzinfo=SHANGHAI)
    assert due.tzinfo == SHANGHAI


@pytest.mark.parametrize(
    "submitted, due",
    [
        # 2026 National Day: 1–7 October off; the next working day after 30 September is 8 October.
        (datetime(2026, 9, 30, 15, 0, tzinfo=SHANGHAI), datetime(2026, 10, 8, 18, 0, tzinfo=SHANGHAI)),
        # Saturday 10 October 2026 is a 调休 working day.
        (datetime(2026, 10, 9, 15, 0, tzinfo=SHANGHAI), datetime(2026, 10, 10, 18, 0, tzinfo=SHANGHAI)),
    ],
)
def test_with_the_working_day_calendar_holidays_and_make_up_days_count(submitted, due):
    assert callback_due(submitted, WorkdayCalendar()) == due


def test_an_editors_holiday_override_moves_the_callback():
    calendar = WorkdayCalendar(overrides={datetime(2026, 11, 30).date(): DayKind.HOLIDAY})
    due = callback_due(datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI), calendar)
    assert due == datetime(2026, 12, 1, 18, 0, tzinfo=SHANGHAI)


@pytest.mark.django_db
def test_by_default_the_calendar_in_force_is_used_with_the_editors_overrides():
    from renewal.models import HolidayOverride

    HolidayOverride.objects.create(date=datetime(2026, 11, 30).date(), kind=DayKind.HOLIDAY)
    due = callback_due(datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI))
    assert due == datetime(2026, 12, 1, 18, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    "preferred, due",
    [
        # Submitted Monday 2026-11-23 at 10:00: the call falls in the chosen part of Tuesday.
        ("asap", datetime(2026, 11, 24, 18, 0, tzinfo=SHANGHAI)),
        ("morning", datetime(2026, 11, 24, 12, 0, tzinfo=SHANGHAI)),
        ("afternoon", datetime(2026, 11, 24, 18, 0, tzinfo=SHANGHAI)),
        ("evening", datetime(2026, 11, 24, 21, 0, tzinfo=SHANGHAI)),
    ],
)
def test_the_due_by_falls_at_the_end_of_the_preferred_part_of_the_day(preferred, due):
    submitted = datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)
    assert callback_due(submitted, WorkdayCalendar(), preferred=preferred) == due


def test_a_preferred_evening_on_a_friday_is_monday_evening():
    submitted = datetime(2026, 11, 27, 20, 0, tzinfo=SHANGHAI)
    due = callback_due(submitted, WorkdayCalendar(), preferred="evening")
    assert due == datetime(2026, 11, 30, 21, 0, tzinfo=SHANGHAI)
