"""latest_start: the last day something taking n working days can start and still be done by a deadline."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renewal.workdays import DayKind, WorkdayCalendar

CALENDAR = WorkdayCalendar()


def test_one_working_day_before_a_friday_deadline_is_thursday():
    assert CALENDAR.latest_start(date(2026, 11, 27), 1) == date(2026, 11, 26)


def test_a_weekend_deadline_counts_back_from_the_friday_before():
    assert CALENDAR.latest_start(date(2026, 11, 29), 1) == date(2026, 11, 26)


def test_zero_working_days_is_the_last_working_day_on_or_before_the_deadline():
    assert CALENDAR.latest_start(date(2026, 11, 29), 0) == date(2026, 11, 27)


def test_counting_back_across_the_national_day_holiday_and_its_adjusted_sunday():
    # 10-01…10-08 off in 2025; Sunday 09-28 worked in lieu (RENEWAL.md's example, read backwards).
    assert CALENDAR.latest_start(date(2025, 10, 9), 5) == date(2025, 9, 25)
    assert CALENDAR.add_working_days(date(2025, 9, 25), 5) == date(2025, 10, 9)


def test_an_editor_override_moves_the_start():
    calendar = WorkdayCalendar(overrides={date(2026, 11, 26): DayKind.HOLIDAY})

    assert calendar.latest_start(date(2026, 11, 27), 1) == date(2026, 11, 25)


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        CALENDAR.latest_start(date(2026, 11, 27), -1)


@given(
    deadline=st.dates(min_value=date(2024, 1, 1), max_value=date(2032, 12, 31)),
    n=st.integers(min_value=0, max_value=60),
)
def test_it_is_the_inverse_of_adding_working_days(deadline, n):
    start = CALENDAR.latest_start(deadline, n)

    assert CALENDAR.is_working_day(start)
    assert CALENDAR.add_working_days(start, n) <= deadline
    next_working_day = CALENDAR.add_working_days(start, 1)
    assert CALENDAR.add_working_days(next_working_day, n) > deadline
    assert start <= deadline and deadline - start < timedelta(days=n * 3 + 15)
