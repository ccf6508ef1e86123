"""One rule for adding months or years to a day, shared by the planner, 居转户, 升学, reminders and review."""

import datetime

import pytest

from calculator import planner, review
from permitsite.dates import add_months, add_years
from reminders import schedule
from schooling import timeline
from settle import rules

D = datetime.date


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (D(2026, 12, 2), 3, D(2029, 12, 2)),
        (D(2028, 2, 29), 1, D(2029, 2, 28)),  # no 29 February in 2029: the month's last day
        (D(2028, 2, 29), 4, D(2032, 2, 29)),  # a leap year again: the same day
        (D(2028, 2, 29), -1, D(2027, 2, 28)),
        (D(2026, 3, 1), -2, D(2024, 3, 1)),
    ],
)
def test_add_years(day, years, expected):
    assert add_years(day, years) == expected


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 3, 31), -1) == D(2026, 2, 28)
    assert add_months(D(2026, 12, 2), 30) == D(2029, 6, 2)


def test_every_app_uses_the_one_helper():
    # The planner's, schooling's, the reminders' and the review's own copies are gone.
    assert planner.add_months is add_months
    assert timeline.add_years is add_years and not hasattr(timeline, "_shift_years")
    assert schedule.add_years is add_years
    assert review.add_months is add_months
    assert rules.add_years is add_years and not hasattr(rules, "_months_later")
    assert schedule.next_year_expiry(D(2028, 2, 29)) == D(2029, 2, 28)
    assert review.review_cutoff(D(2028, 2, 29)) == D(2027, 2, 28)
