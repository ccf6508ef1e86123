"""The route finder's editor data (PlanIndicator, PlanOption) as planner.Facts, cached per process.

Like the rules (rulesets.py), the facts sit behind a version stamp: any save or delete moves it once the
transaction commits, so the next plan in every process uses the edited lapse windows and durations.
"""

from calculator import planner
from calculator.models import PlanIndicator
from permitsite import stamps

PLAN_FACTS = "plan_facts"


def _effort(row) -> planner.Effort:
    return planner.Effort(row.effort, row.effort_note)


def to_facts(indicators) -> planner.Facts:
    """planner.Facts from PlanIndicator rows (with their options prefetched)."""
    return planner.Facts.of(
        indicators=[
            planner.IndicatorFact(
                key=row.key,
                over_time=row.over_time,
                lapse_years=row.lapse_years,
                route=row.route,
                typical_months=row.typical_months,
                effort=_effort(row),
                basis=row.basis,
                verified_on=row.verified_on,
            )
            for row in indicators
        ],
        options=[
            planner.OptionFact(
                key=row.key,
                code=option.code,
                typical_months=option.typical_months,
                counted_from=option.counted_from,
                effort=_effort(option),
                basis=option.basis,
                verified_on=option.verified_on,
            )
            for row in indicators
            for option in row.options.all()
        ],
    )


def _load() -> planner.Facts:
    return to_facts(list(PlanIndicator.objects.prefetch_related("options")))


_facts = stamps.Stamped(PLAN_FACTS, _load)


def plan_facts() -> planner.Facts:
    return _facts.get()
