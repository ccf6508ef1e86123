from datetime import date

import pytest

from renewal.deadlines import Status, renewal_status

# E = 2026-06-15 (Monday). E-30 = 2026-05-16, E+60 = 2026-08-14, counted by hand on a calendar.
EXPIRY = date(2026, 6, 15)


def test_window_opens_thirty_days_before_expiry_and_grace_ends_sixty_days_after():
    result = renewal_status(EXPIRY, today=date(2026, 1, 1))

    assert result.window_opens == date(2026, 5, 16)
    assert result.grace_ends == date(2026, 8, 14)


@pytest.mark.parametrize(
    ("today", "status", "days_until_window_opens", "days_left", "years_continuous"),
    [
        (date(2026, 5, 15), Status.NOT_YET_OPEN, 1, None, True),  # E-31
        (date(2026, 5, 16), Status.OPEN, None, 30, True),  # E-30: first day of the window
        (date(2026, 6, 15), Status.OPEN, None, 0, True),  # E: last valid day, still open
        (date(2026, 6, 16), Status.GRACE, None, 59, True),  # E+1: functions suspended
        (date(2026, 8, 14), Status.GRACE, None, 0, True),  # E+60: last day that keeps continuity
        (date(2026, 8, 15), Status.LAPSED, None, None, False),  # E+61: years restart
    ],
    ids=["E-31", "E-30", "E", "E+1", "E+60", "E+61"],
)
def test_status_at_each_boundary(today, status, days_until_window_opens, days_left, years_continuous):
    result = renewal_status(EXPIRY, today)

    assert result.status == status
    assert result.days_until_window_opens == days_until_window_opens
    assert result.days_left == days_left
    assert result.years_continuous is years_continuous


def test_far_ahead_counts_days_until_the_window_opens():
    result = renewal_status(EXPIRY, today=date(2026, 4, 16))

    assert result.status == Status.NOT_YET_OPEN
    assert result.days_until_window_opens == 30


def test_status_serialises_as_the_contract_string():
    assert renewal_status(EXPIRY, date(2026, 8, 15)).status == "lapsed"
