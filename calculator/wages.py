"""The one bridge from the wage-period rows editors keep to base_tier's plain values, cached per process.

Like the rules (rulesets.py), each process keeps the periods behind a version stamp that any save or
delete moves once committed (calculator/signals.py), so an edit reaches every process on the next request.
"""

import datetime

from calculator.base_tier import WageOn, WagePeriod, wage_on
from calculator.models import WagePeriod as WagePeriodRow
from permitsite import stamps

WAGES = "wages"


def _load() -> tuple[WagePeriod, ...]:
    return tuple(
        WagePeriod(
            period_from=row.period_from,
            period_to=row.period_to,
            monthly=row.monthly_average,
            base_floor=row.base_floor,
            base_ceiling=row.base_ceiling,
            source=row.source,
            verified_on=row.verified_on,
        )
        for row in WagePeriodRow.objects.order_by("period_from")
    )


_periods = stamps.Stamped(WAGES, _load)


def wage_periods() -> tuple[WagePeriod, ...]:
    """Every wage period, oldest first."""
    return _periods.get()


def wage_on_day(day: datetime.date) -> WageOn | None:
    return wage_on(wage_periods(), day)


def wages_changed() -> None:
    stamps.changed(WAGES)
