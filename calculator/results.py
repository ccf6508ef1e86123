"""A finished self-test: the result as JSON (the API and the stored page show the same thing) and the
anonymous Assessment that keeps it behind a random token."""

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from django.utils import timezone

from calculator import engine, planner
from calculator.models import Assessment
from calculator.plan_facts import plan_facts
from calculator.rulesets import published_rulesets
from permitsite.privacy import RESULTS_RETENTION_DAYS_STATED

# What secrets.token_urlsafe gives, up to Assessment.token's max_length. Anything else a visitor sends (in a
# link, in ?result=) finds no result without asking the database, which may refuse it: PostgreSQL rejects a
# NUL in a text parameter with an error.
TOKEN_PATTERN = r"[A-Za-z0-9_-]{1,32}"  # noqa: S105 (a pattern, not a secret)
_TOKEN = re.compile(TOKEN_PATTERN)


def is_token(value: str) -> bool:
    return bool(_TOKEN.fullmatch(value or ""))


class TokenConverter:
    """<token:…> in a URL: a malformed token is a 404 before any view runs."""

    regex = TOKEN_PATTERN

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


def ruleset_summary(ruleset: engine.Ruleset) -> dict:
    return {
        "version": ruleset.version,
        "name": ruleset.name,
        "effective_from": ruleset.effective_from.isoformat(),
    }


def result_as_json(result: engine.Result) -> dict:
    return {
        "ruleset": ruleset_summary(result.ruleset),
        "total": result.total,
        "threshold": result.threshold,
        "gap": result.gap,
        "eligible": result.eligible,
        "reaches_threshold": result.reaches_threshold,
        "outside": result.outside or None,
        "items": [
            {"key": i.key, "label": i.label, "category": i.category, "points": i.points, "note": i.note}
            for i in result.items
        ],
        "vetoes": [{"key": v.key, "label": v.label} for v in result.vetoes],
        "notices": list(result.notices),
    }


def route_as_json(route: planner.Route) -> dict:
    return {
        "kind": route.kind,
        "text": route.text,
        "changes": dict(route.changes),
        "gain": route.gain,
        "reaches": route.reaches,
        "months": route.months,
        "effort": {"level": route.effort.level, "label": route.effort.label, "note": route.effort.note},
        "beyond_valid_until": route.beyond_valid_until,
    }


def plan_as_json(plan: planner.Plan, next_steps, absolute_url, validity: dict) -> dict:
    """/api/v1/score's answer (`validity`: its valid_until, stale and notice) plus the routes, the next steps
    (a passing result only) and every notice; `absolute_url` turns a next step's path into a full URL."""
    return {
        **result_as_json(plan.result),
        **validity,
        "routes": [route_as_json(r) for r in plan.routes],
        "next_steps": [
            {"title": step.title, "url": absolute_url(step.url)}
            for step in (next_steps if plan.passes else ())
        ],
        "notices": [
            *plan.result.notices,
            *plan.notices,
            *plan.beyond_valid_until,
            *(hint.text for hint in plan.hints),
        ],
    }


def changes_as_query(changes) -> str:
    """A route's answer changes as a query string that changes_from_query reads back."""
    return urlencode({key: _query_value(value) for key, value in changes.items()})


def _query_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def changes_from_query(ruleset: engine.Ruleset, query) -> dict:
    """Typed answer changes from a query string (the other way round); raises engine.InvalidAnswers."""
    changes, errors = {}, {}
    for key, raw in query.items():
        indicator = ruleset.indicator(key)
        if indicator is None:
            errors[key] = ["没有这一项。"]
        elif indicator.kind in engine.BOOLEAN_KINDS:
            if raw not in ("true", "false"):
                errors[key] = ["须为 true 或 false。"]
            changes[key] = raw == "true"
        elif indicator.kind in engine.NUMERIC_KINDS:
            if not (raw.isascii() and raw.isdigit() and len(raw) <= 6):
                errors[key] = ["须为整数。"]
            else:
                changes[key] = int(raw)
        else:
            changes[key] = raw
    if errors:
        raise engine.InvalidAnswers(errors)
    return changes


def save_assessment(ruleset: engine.Ruleset, answers: dict, recent_contributions: bool | None) -> Assessment:
    result = engine.score(ruleset, engine.Answers(answers))
    return Assessment.objects.create(
        answers=answers,
        result=result_as_json(result),
        ruleset_version=ruleset.version,
        total=result.total,
        reaches_threshold=result.reaches_threshold,
        recent_contributions=recent_contributions,
    )


def ruleset_of(assessment: Assessment) -> engine.Ruleset | None:
    """The published ruleset the assessment was scored under (None if it has since been unpublished)."""
    return next((r for r in published_rulesets() if r.version == assessment.ruleset_version), None)


_recent_plans: OrderedDict[str, tuple] = OrderedDict()
_recent_plans_lock = threading.Lock()
RECENT_PLANS = 256


def plan_of(assessment: Assessment) -> planner.Plan | None:
    """The plan for a stored result under its own ruleset (None if that has been unpublished), kept per
    process for its next views (back from 试一试, a refresh) until the rules or the route-finder data change:
    a plan scores the answers a few dozen times."""
    ruleset = ruleset_of(assessment)
    if ruleset is None:
        return None
    facts = plan_facts()
    with _recent_plans_lock:
        kept = _recent_plans.get(assessment.token)
        if kept and kept[0] is ruleset and kept[1] is facts:
            _recent_plans.move_to_end(assessment.token)
            return kept[2]
    # The answers describe the person on the day of the test, so the plan counts from that day.
    today = timezone.localdate(assessment.created_at)
    plan = planner.plan(ruleset, engine.Answers(assessment.answers), today, facts)
    with _recent_plans_lock:
        _recent_plans[assessment.token] = (ruleset, facts, plan)
        while len(_recent_plans) > RECENT_PLANS:
            _recent_plans.popitem(last=False)
    return plan


@dataclass(frozen=True)
class ResultSummary:
    """A stored result in one line, as the consultation form shows what it would attach."""

    total: int
    threshold: int
    gap: int
    eligible: bool
    outside: str = ""  # the answer that puts the person outside the system, if any

    def __str__(self):
        if not self.eligible:
            return f"{self.total} 分，有否决项"
        if self.outside:
            return f"{self.total} 分，{self.outside}不在积分制度适用范围内"
        if self.gap:
            return f"{self.total} 分，还差 {self.gap} 分"
        return f"{self.total} 分，已达到 {self.threshold} 分"


def summary_of(token: str) -> ResultSummary | None:
    """The stored result behind a share link's token, or None when there is none (any string is safe)."""
    if not is_token(token):
        return None
    stored = Assessment.objects.filter(token=token).values_list("result", flat=True).first()
    if stored is None:
        return None
    return ResultSummary(
        total=stored["total"],
        threshold=stored["threshold"],
        gap=stored["gap"],
        eligible=stored["eligible"],
        outside=stored.get("outside") or "",  # set since results know it (calculator migration 0010)
    )


def kept_until(created_on: date) -> date:
    """The last day a stored result and its share link exist (the period /privacy/ states)."""
    return created_on + timedelta(days=RESULTS_RETENTION_DAYS_STATED)


def delete_results(tokens) -> int:
    """Delete the stored results behind these tokens; their links stop working. Returns how many."""
    deleted, _ = Assessment.objects.filter(token__in=list(tokens)).delete()
    return deleted


def purge_expired(now: datetime, keep_tokens=(), retention_days=RESULTS_RETENTION_DAYS_STATED) -> int:
    """Delete stored results older than the retention period, except those in `keep_tokens` (attached to a
    consultation that is still kept). Returns how many were deleted."""
    expired = Assessment.objects.filter(created_at__lt=now - timedelta(days=retention_days))
    deleted, _ = expired.exclude(token__in=list(keep_tokens)).delete()
    return deleted
