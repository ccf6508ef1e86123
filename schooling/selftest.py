"""A parent's own 积分 self-test, read for the school timeline: do they reach the standard score in time?

The quickest dated route is the earliest `reached_on` among the planner's suggestions that reach the
standard score (today: waiting while the yearly indicators grow). Routes the planner cannot date (a
higher title, meeting a condition) are listed as possibly quicker.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from calculator import engine, planner
from calculator.models import Assessment
from calculator.rulesets import published_rulesets


@dataclass(frozen=True)
class ParentResult:
    token: str
    total: int
    threshold: int
    eligible: bool
    reaches_now: bool
    reached_on: datetime.date | None
    undated_routes: tuple[str, ...]


def parent_result(token: str) -> ParentResult | None:
    assessment = Assessment.objects.filter(token=token).first() if token else None
    if assessment is None:
        return None
    stored = assessment.result
    reached_on, undated = None, ()
    ruleset = next((r for r in published_rulesets() if r.version == assessment.ruleset_version), None)
    if ruleset is not None and stored["eligible"] and not stored["reaches_threshold"]:
        plan = planner.plan(
            ruleset, engine.Answers(assessment.answers), timezone.localdate(assessment.created_at)
        )
        dated = [s.reached_on for s in plan.suggestions if s.reaches and s.reached_on]
        reached_on = min(dated) if dated else None
        undated = tuple(s.text for s in plan.suggestions if s.reaches and s.reached_on is None)
    return ParentResult(
        token=assessment.token,
        total=stored["total"],
        threshold=stored["threshold"],
        eligible=stored["eligible"],
        reaches_now=stored["reaches_threshold"],
        reached_on=reached_on,
        undated_routes=undated,
    )
