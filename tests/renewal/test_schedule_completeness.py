"""A year is exact only once its whole schedule is known, never because of a single override."""

from datetime import date

from renewal.workdays import DayKind, WorkdayCalendar, processing_estimate

ACCEPTED = date(2027, 9, 28)  # a Tuesday, just before National Day

# A made-up 2027 National Day schedule as an editor might enter it (the real one is not needed here):
# 10-01 … 10-07 off, Sunday 09-26 and Saturday 10-09 worked.
SCHEDULE_2027 = {
    **{date(2027, 10, day): DayKind.HOLIDAY for day in range(1, 8)},
    date(2027, 9, 26): DayKind.ADJUSTED_WORKING_DAY,
    date(2027, 10, 9): DayKind.ADJUSTED_WORKING_DAY,
}


def test_2027_without_any_schedule_is_monday_to_friday_and_estimated():
    estimate = processing_estimate(ACCEPTED, WorkdayCalendar())

    assert estimate.forwarded_by == date(2027, 9, 30)
    assert estimate.reviewed_by == date(2027, 10, 8)
    assert estimate.card_ready_by == date(2027, 10, 19)
    assert estimate.estimated is True
    assert estimate.estimated_years == (2027,)


def test_entered_days_apply_but_the_year_stays_estimated_until_marked_complete():
    estimate = processing_estimate(ACCEPTED, WorkdayCalendar(overrides=SCHEDULE_2027))

    assert estimate.reviewed_by == date(2027, 10, 14)
    assert estimate.card_ready_by == date(2027, 10, 25)
    assert estimate.estimated is True


def test_a_single_override_does_not_make_the_year_known():
    calendar = WorkdayCalendar(overrides={date(2027, 10, 1): DayKind.HOLIDAY})

    assert calendar.schedule_known(2027) is False


def test_once_the_year_is_marked_complete_the_same_call_is_exact_and_uses_the_overrides():
    estimate = processing_estimate(ACCEPTED, WorkdayCalendar(overrides=SCHEDULE_2027, complete_years={2027}))

    assert estimate.forwarded_by == date(2027, 9, 30)
    assert estimate.reviewed_by == date(2027, 10, 14)
    assert estimate.card_ready_by == date(2027, 10, 25)
    assert estimate.estimated is False
