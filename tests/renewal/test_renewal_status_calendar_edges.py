from datetime import date

from renewal.deadlines import Status, renewal_status


def test_expiry_on_a_leap_day():
    result = renewal_status(date(2028, 2, 29), today=date(2028, 1, 30))

    assert result.window_opens == date(2028, 1, 30)
    assert result.grace_ends == date(2028, 4, 29)
    assert result.status == Status.OPEN
    assert result.days_left == 30


def test_window_opening_counts_back_across_february_29():
    assert renewal_status(date(2024, 3, 1), date(2024, 1, 1)).window_opens == date(2024, 1, 31)


def test_window_opening_counts_back_across_february_28_in_a_common_year():
    assert renewal_status(date(2025, 3, 1), date(2025, 1, 1)).window_opens == date(2025, 1, 30)


def test_grace_period_running_through_a_leap_day():
    expiry = date(2024, 1, 15)

    last_day = renewal_status(expiry, today=date(2024, 3, 15))
    day_after = renewal_status(expiry, today=date(2024, 3, 16))

    assert last_day.grace_ends == date(2024, 3, 15)
    assert last_day.status == Status.GRACE
    assert last_day.days_left == 0
    assert day_after.status == Status.LAPSED


def test_grace_period_crossing_new_year_into_a_common_year():
    assert renewal_status(date(2026, 12, 31), date(2026, 12, 1)).grace_ends == date(2027, 3, 1)


def test_grace_period_crossing_new_year_into_a_leap_year():
    assert renewal_status(date(2027, 12, 31), date(2027, 12, 1)).grace_ends == date(2028, 2, 29)


def test_window_that_opens_in_the_previous_year():
    expiry = date(2027, 1, 20)

    before = renewal_status(expiry, today=date(2026, 12, 1))
    on_new_years_eve = renewal_status(expiry, today=date(2026, 12, 31))

    assert on_new_years_eve.window_opens == date(2026, 12, 21)
    assert before.status == Status.NOT_YET_OPEN
    assert before.days_until_window_opens == 20
    assert on_new_years_eve.status == Status.OPEN
    assert on_new_years_eve.days_left == 20
