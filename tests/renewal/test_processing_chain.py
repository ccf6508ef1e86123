"""The worked examples of RENEWAL.md: 2, 6 and 7 working days, chained, from the acceptance date."""

from datetime import date

import pytest

from renewal.workdays import WorkdayCalendar, processing_estimate


@pytest.mark.parametrize(
    ("accepted", "forwarded_by", "reviewed_by", "card_ready_by"),
    [
        # 2025-09-28 is a Sunday worked in lieu of the National Day holiday (10-01 … 10-08).
        (date(2025, 9, 25), date(2025, 9, 28), date(2025, 10, 13), date(2025, 10, 22)),
        # Spring Festival 2025-01-28 … 02-04; 01-26 (Sunday) and 02-08 (Saturday) are worked.
        (date(2025, 1, 24), date(2025, 1, 27), date(2025, 2, 11), date(2025, 2, 20)),
        # 2026-02-14 (Saturday) is worked; Spring Festival 02-15 … 02-23; 02-28 (Saturday) is worked.
        (date(2026, 2, 12), date(2026, 2, 14), date(2026, 3, 2), date(2026, 3, 11)),
    ],
)
def test_worked_examples(accepted, forwarded_by, reviewed_by, card_ready_by):
    estimate = processing_estimate(accepted, WorkdayCalendar())

    assert (estimate.forwarded_by, estimate.reviewed_by, estimate.card_ready_by) == (
        forwarded_by,
        reviewed_by,
        card_ready_by,
    )
    assert estimate.estimated is False


def test_an_editor_override_in_a_known_year_moves_the_chain():
    calendar = WorkdayCalendar(overrides={date(2026, 3, 2): "holiday"})

    estimate = processing_estimate(date(2026, 2, 12), calendar)

    assert estimate.reviewed_by == date(2026, 3, 3)
    assert estimate.card_ready_by == date(2026, 3, 12)
    assert estimate.estimated is False


def test_a_chain_running_into_a_year_without_a_schedule_is_estimated():
    # 2027 is not in chinesecalendar 1.11.0; Monday–Friday is assumed, so 2027-01-01 counts.
    estimate = processing_estimate(date(2026, 12, 28), WorkdayCalendar())

    assert estimate.forwarded_by == date(2026, 12, 30)
    assert estimate.reviewed_by == date(2027, 1, 7)
    assert estimate.card_ready_by == date(2027, 1, 18)
    assert estimate.estimated_years == (2027,)
