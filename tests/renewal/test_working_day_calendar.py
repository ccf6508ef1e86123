from datetime import date

import pytest

from renewal.workdays import DayKind, WorkdayCalendar


def test_counting_starts_the_day_after_the_start_date():
    friday = date(2026, 11, 27)

    assert WorkdayCalendar().add_working_days(friday, 1) == date(2026, 11, 30)


def test_adding_zero_working_days_returns_the_start_date():
    assert WorkdayCalendar().add_working_days(date(2026, 11, 28), 0) == date(2026, 11, 28)


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        WorkdayCalendar().add_working_days(date(2026, 11, 27), -1)


def test_published_schedule_weekend_worked_in_lieu_is_a_working_day():
    assert WorkdayCalendar().is_working_day(date(2025, 9, 28)) is True


def test_published_schedule_weekday_holiday_is_not_a_working_day():
    assert WorkdayCalendar().is_working_day(date(2025, 10, 1)) is False


def test_editor_overrides_take_precedence_over_the_published_schedule():
    calendar = WorkdayCalendar(
        overrides={
            date(2025, 10, 8): DayKind.ADJUSTED_WORKING_DAY,  # a holiday Wednesday
            date(2025, 9, 28): DayKind.HOLIDAY,  # a Sunday worked in lieu
        }
    )

    assert calendar.is_working_day(date(2025, 10, 8)) is True
    assert calendar.is_working_day(date(2025, 9, 28)) is False


def test_an_unknown_override_kind_is_refused():
    with pytest.raises(ValueError):
        WorkdayCalendar(overrides={date(2027, 1, 1): "day_off"})


def test_years_without_a_schedule_fall_back_to_monday_to_friday():
    calendar = WorkdayCalendar()

    assert calendar.is_working_day(date(2027, 1, 1)) is True  # a Friday
    assert calendar.is_working_day(date(2027, 9, 26)) is False  # a Sunday
    assert calendar.schedule_known(2027) is False
    assert calendar.schedule_known(2003) is False  # before chinesecalendar's first year
    assert calendar.schedule_known(2026) is True
