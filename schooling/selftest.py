"""A parent's own 积分 self-test, read for the school timeline: do they reach the standard score in time?

The quickest dated route is the earliest `reached_on` among the planner's routes that reach the standard
score (waiting, or a step whose typical time editors have entered). Routes without a known time (a higher
title, a degree) are listed as possibly quicker.
"""

import datetime
from dataclasses import dataclass

from calculator import engine
from calculator.models import Assessment
from calculator.results import is_token, plan_of, ruleset_of


@dataclass(frozen=True)
class ParentResult:
    token: str
    total: int
    threshold: int
    eligible: bool
    reaches_now: bool
    reached_on: datetime.date | None
    undated_routes: tuple[str, ...]
    outside: str = ""  # the answer that puts the parent outside the points system (over 60), if any


def parent_result(token: str) -> ParentResult | None:
    assessment = Assessment.objects.filter(token=token).first() if is_token(token) else None
    if assessment is None:
        return None
    stored = assessment.result
    reached_on, undated = None, ()
    ruleset = ruleset_of(assessment)
    # Over 60 the total may pass 120, but the system does not cover the parent: never "already at 120".
    outside = engine.outside_system(ruleset, engine.Answers(assessment.answers)) if ruleset else ""
    if ruleset is not None and stored["eligible"] and not stored["reaches_threshold"] and not outside:
        plan = plan_of(assessment)
        dated = [r.reached_on for r in plan.routes if r.reaches and r.reached_on]
        reached_on = min(dated) if dated else None
        undated = tuple(r.text for r in plan.routes if r.reaches and r.reached_on is None)
    return ParentResult(
        token=assessment.token,
        total=stored["total"],
        threshold=stored["threshold"],
        eligible=stored["eligible"] and not outside,
        reaches_now=stored["reaches_threshold"] and not outside,
        reached_on=reached_on,
        undated_routes=undated,
        outside=outside,
    )
