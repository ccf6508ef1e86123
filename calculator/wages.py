"""The one bridge from the wage-period rows editors keep to base_tier's plain values, cached per process.

Like the rules (rulesets.py), each process keeps the periods behind a version stamp that any save or
delete moves once committed (calculator/signals.py), so an edit reaches every process on the next request.
"""

import datetime
from dataclasses import dataclass

from calculator.base_tier import Amount, WageOn, WagePeriod, amounts, wage_on
from calculator.models import WagePeriod as WagePeriodRow
from permitsite import stamps
from permitsite.facts import Source

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
            source_url=row.source_url,
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


@dataclass(frozen=True)
class WageHint:
    """What a wizard question about bases shows: this period's amounts, and the one before it."""

    wage: WageOn
    amounts: list[Amount]
    previous: WagePeriod | None

    @property
    def period(self) -> WagePeriod:
        return self.wage.period

    @property
    def source(self) -> Source:
        return source_of(self.period)

    def amount_of(self, code: str) -> Amount | None:
        """The monthly base the multiple `code` needs in this period (None: not a multiple)."""
        return next((amount for amount in self.amounts if amount.code == code), None)

    @property
    def missing_from(self) -> datetime.date | None:
        """When the figure is provisional: the first day whose own figure is missing."""
        return self.period.period_to + datetime.timedelta(days=1) if self.wage.provisional else None


def wage_hint(today: datetime.date) -> WageHint | None:
    wage = wage_on_day(today)
    if wage is None:
        return None
    earlier = [p for p in wage_periods() if p.period_to < wage.period.period_from]
    return WageHint(wage, amounts(wage.period), earlier[-1] if earlier else None)


def source_of(period: WagePeriod) -> Source:
    """A wage figure's source as every policy fact on the site shows it (templates/includes/source.html)."""
    return Source(period.source, period.source_url, period.verified_on)
