"""A child's school years and the 积分 deadline, on the seeded school system and hand-made windows."""

import dataclasses
import datetime

import pytest

from renewal.workdays import DayKind, WorkdayCalendar
from schooling.timeline import (
    ALREADY,
    ALREADY_LATE,
    BLOCKED,
    IN_TIME,
    PASSED,
    TOO_LATE,
    UNKNOWN,
    months_until,
    primary_entry_year,
    readiness,
    registration_for,
    timeline,
)
from tests.schooling.conftest import processing, window

TODAY = datetime.date(2026, 12, 2)
D = datetime.date


@pytest.mark.parametrize(
    ("birth", "entry", "junior", "zhongkao"),
    [
        (D(2015, 5, 1), 2021, 2026, 2030),  # the examples
        (D(2015, 9, 1), 2022, 2027, 2031),
        (D(2015, 8, 31), 2021, 2026, 2030),  # six on the cut-off day itself: that September
        (D(2015, 1, 1), 2021, 2026, 2030),
        (D(2015, 12, 31), 2022, 2027, 2031),
        (D(2016, 2, 29), 2022, 2027, 2031),  # a leap-day child is six long before 31 August
    ],
)
def test_school_years_follow_the_birthday(seeded_system, birth, entry, junior, zhongkao):
    plan = timeline(birth, TODAY, seeded_system, (), processing(30), WorkdayCalendar())

    assert (plan.primary_entry_year, plan.junior_entry_year, plan.zhongkao_year) == (entry, junior, zhongkao)


def test_a_leap_day_birthday_counts_as_1_march_against_a_28_february_cut_off(seeded_system):
    system = dataclasses.replace(seeded_system, cutoff_month=2, cutoff_day=28)

    assert primary_entry_year(D(2016, 2, 29), system) == 2023
    assert primary_entry_year(D(2016, 2, 28), system) == 2022


def test_an_editor_changing_the_cut_off_moves_the_entry_year(seeded_system):
    system = dataclasses.replace(seeded_system, cutoff_month=8, cutoff_day=30)

    assert primary_entry_year(D(2015, 8, 31), system) == 2022


def test_the_seeded_2021_window_gives_the_2021_deadline(seeded_system, seeded_windows):
    plan = timeline(
        D(2006, 3, 1), D(2020, 6, 1), seeded_system, seeded_windows, processing(30), WorkdayCalendar()
    )

    assert plan.zhongkao_year == 2021
    assert not plan.registration.estimated
    assert plan.approval_needed_by == D(2020, 12, 23)
    # 30 working days back from Wednesday 23 December 2020, no holiday in between: 17 in December up to
    # the 23rd, 13 in November back to Thursday the 12th; so accepted by Wednesday 11 November.
    assert plan.points_needed_by == D(2020, 11, 11)
    assert WorkdayCalendar().add_working_days(plan.points_needed_by, 30) == D(2020, 12, 23)


def test_a_year_without_a_published_window_is_estimated_from_the_nearest_one():
    windows = (window(2021, D(2020, 12, 14), D(2020, 12, 23)), window(2025, D(2024, 12, 9), D(2024, 12, 18)))

    registration = registration_for(2030, windows)

    assert registration.estimated and registration.based_on == 2025
    assert (registration.window.opens, registration.window.closes) == (D(2029, 12, 9), D(2029, 12, 18))
    assert registration_for(2022, windows).based_on == 2021
    assert registration_for(2025, windows).estimated is False


def test_a_leap_day_window_moved_to_a_common_year_ends_on_28_february():
    registration = registration_for(2029, (window(2025, D(2024, 2, 20), D(2024, 2, 29)),))

    assert registration.window.closes == D(2028, 2, 29)  # 2028 is a leap year too
    assert registration_for(2026, (window(2025, D(2024, 2, 20), D(2024, 2, 29)),)).window.closes == D(
        2025, 2, 28
    )


def test_no_window_at_all_gives_no_deadline(seeded_system):
    plan = timeline(D(2015, 5, 1), TODAY, seeded_system, (), processing(30), WorkdayCalendar())

    assert plan.registration is None
    assert plan.points_needed_by is None
    assert readiness(plan, eligible=True, reaches_now=True, reached_on=None) == UNKNOWN


def test_points_needed_by_counts_back_across_the_national_day_holiday(seeded_system):
    # A made-up window closing 10 October 2025, two days after the 1–8 October holiday.
    windows = (window(2026, D(2025, 10, 9), D(2025, 10, 10)),)
    born = D(2011, 3, 1)  # enters 2017, 中考 2026

    plan = timeline(born, D(2025, 1, 1), seeded_system, windows, processing(5), WorkdayCalendar())

    # Back from Friday 10 October: 10-10, 10-09, (10-01…10-08 off), 09-30, 09-29, Sunday 09-28 worked in lieu.
    assert plan.points_needed_by == D(2025, 9, 26)
    assert plan.estimated_years == ()


def test_points_needed_by_counts_back_across_the_spring_festival(seeded_system):
    windows = (window(2026, D(2026, 2, 20), D(2026, 2, 24)),)

    plan = timeline(D(2011, 3, 1), D(2025, 1, 1), seeded_system, windows, processing(3), WorkdayCalendar())

    # 2026: 15–23 February off, Saturday 14 February worked.
    # Back from Tuesday 24 February: 02-24, 02-14, 02-13.
    assert plan.points_needed_by == D(2026, 2, 12)


def test_an_unknown_holiday_year_is_counted_monday_to_friday_and_flagged(seeded_system):
    windows = (window(2031, D(2030, 12, 9), D(2030, 12, 18)),)

    plan = timeline(D(2015, 9, 1), TODAY, seeded_system, windows, processing(5), WorkdayCalendar())

    # Back from Wednesday 18 December: 18, 17, 16, 13, 12; so accepted by Wednesday 11 December.
    assert plan.points_needed_by == D(2030, 12, 11)
    assert plan.estimated_years == (2030,)


def test_an_editor_holiday_in_an_unknown_year_is_honoured(seeded_system):
    windows = (window(2031, D(2030, 12, 9), D(2030, 12, 18)),)
    calendar = WorkdayCalendar(overrides={D(2030, 12, 16): DayKind.HOLIDAY}, complete_years=[2030])

    plan = timeline(D(2015, 9, 1), TODAY, seeded_system, windows, processing(5), calendar)

    assert plan.points_needed_by == D(2030, 12, 10)  # the 16th off: back over 18, 17, 13, 12, 11
    assert plan.estimated_years == ()


@pytest.mark.parametrize(
    ("today", "day", "months"),
    [
        (D(2026, 12, 2), D(2027, 3, 1), 2),
        (D(2026, 12, 2), D(2027, 3, 2), 3),
        (D(2026, 12, 2), D(2026, 12, 30), 0),
        (D(2026, 12, 2), D(2026, 11, 3), 0),
        (D(2026, 12, 2), D(2026, 10, 2), -2),
        (D(2024, 2, 29), D(2025, 2, 28), 11),
    ],
)
def test_months_until_counts_whole_months(today, day, months):
    assert months_until(today, day) == months


@pytest.fixture
def plan_2031(seeded_system):
    windows = (window(2031, D(2030, 12, 9), D(2030, 12, 18)),)
    return timeline(D(2015, 9, 1), TODAY, seeded_system, windows, processing(5), WorkdayCalendar())


@pytest.mark.parametrize(
    ("eligible", "reaches_now", "reached_on", "expected"),
    [
        (True, True, None, ALREADY),
        (True, False, D(2030, 12, 1), IN_TIME),
        (True, False, D(2030, 12, 11), IN_TIME),  # accepted on the last possible day
        (True, False, D(2030, 12, 12), TOO_LATE),
        (True, False, None, UNKNOWN),
        (False, False, D(2028, 1, 1), BLOCKED),
    ],
)
def test_whether_a_parent_makes_it_in_time(plan_2031, eligible, reaches_now, reached_on, expected):
    assert readiness(plan_2031, eligible=eligible, reaches_now=reaches_now, reached_on=reached_on) == expected


def test_already_at_120_but_past_the_application_day_is_already_late(plan_2031):
    on_the_day = dataclasses.replace(plan_2031, today=D(2030, 12, 11))
    late = dataclasses.replace(plan_2031, today=D(2030, 12, 12))

    assert not on_the_day.application_passed
    assert readiness(on_the_day, eligible=True, reaches_now=True, reached_on=None) == ALREADY
    assert late.application_passed
    assert months_until(late.today, late.points_needed_by) == 0  # why the page compares days, not months
    assert readiness(late, eligible=True, reaches_now=True, reached_on=None) == ALREADY_LATE


def test_short_of_120_past_the_application_day_is_too_late_whatever_an_old_projection_said(plan_2031):
    late = dataclasses.replace(plan_2031, today=D(2030, 12, 15))

    # A self-test from years ago projected December 2030 (before the deadline): that day has gone by unmet.
    assert readiness(late, eligible=True, reaches_now=False, reached_on=D(2030, 12, 1)) == TOO_LATE
    assert readiness(late, eligible=True, reaches_now=False, reached_on=None) == TOO_LATE


def test_a_registration_already_over_is_passed(plan_2031):
    over = dataclasses.replace(plan_2031, today=D(2031, 1, 5))

    assert over.registration_passed
    assert readiness(over, eligible=True, reaches_now=True, reached_on=None) == PASSED


def test_registration_is_open_to_its_last_day(plan_2031):
    # The 2031 window closes on 18 December 2030: that day it is still open, the day after it has passed.
    assert not dataclasses.replace(plan_2031, today=D(2030, 12, 18)).registration_passed
    assert dataclasses.replace(plan_2031, today=D(2030, 12, 19)).registration_passed
