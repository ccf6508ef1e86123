"""JSON endpoints under /api/v1/ (mounted by permitsite/urls.py); contracts in DESIGN.md §2.

Shared JSON handling (strict bodies, dates, 405s) is permitsite/api.py.
"""

import datetime

from django.urls import path
from django.utils import timezone

from calculator import engine, planner
from calculator.plan_facts import plan_facts
from calculator.results import plan_as_json, result_as_json, ruleset_summary
from calculator.rulesets import ruleset_in_force
from permitsite.api import ApiError, endpoint, json_object, parse_date, query_date
from renewal.next_steps import next_steps

# Plans project up to 60 years ahead; a `today` outside this range is a typo, not a person.
EARLIEST_TODAY, LATEST_TODAY = datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)


def _ruleset_asked_for(request) -> engine.Ruleset:
    """The ruleset in force on ?as_of= (default: today in Shanghai)."""
    on = query_date(request, "as_of", required="as_of" in request.GET)
    ruleset = ruleset_in_force(on or timezone.localdate())
    if ruleset is None and on is None:
        raise ApiError({"__all__": ["积分规则尚未发布，请稍后再试。"]}, status=503)
    if ruleset is None:
        raise ApiError({"as_of": [f"{on.isoformat()} 还没有生效的积分规则。"]})
    return ruleset


@endpoint("POST")
def score(request):
    ruleset = _ruleset_asked_for(request)
    try:
        answers = engine.parse_answers(ruleset, json_object(request))
    except engine.InvalidAnswers as invalid:
        raise ApiError(invalid.errors) from None
    return result_as_json(engine.score(ruleset, answers))


@endpoint("POST")
def plan(request):
    """The score plus the quickest true routes to the threshold (DESIGN §7, issue 11)."""
    ruleset = _ruleset_asked_for(request)
    body = json_object(request)
    errors = {}
    today = timezone.localdate()
    if "today" in body:
        try:
            today = parse_date(body.pop("today"), "today")
        except ApiError as error:
            errors |= error.errors
        else:
            if not EARLIEST_TODAY <= today <= LATEST_TODAY:
                errors["today"] = [f"日期须在 {EARLIEST_TODAY} 到 {LATEST_TODAY} 之间。"]
    try:
        answers = engine.parse_answers(ruleset, body)
    except engine.InvalidAnswers as invalid:
        errors |= invalid.errors
    if errors:
        raise ApiError(errors)
    result = planner.plan(ruleset, answers, today, plan_facts())
    return plan_as_json(result, next_steps(), request.build_absolute_uri)


@endpoint("GET")
def rules(request):
    ruleset = _ruleset_asked_for(request)
    return {
        **ruleset_summary(ruleset),
        "threshold": ruleset.threshold,
        "floor": ruleset.floor,
        "groups": [{"key": g.key, "label": g.label, "cap": g.cap} for g in ruleset.groups],
        "indicators": [_indicator_as_json(i) for i in ruleset.active_indicators],
    }


def _indicator_as_json(indicator: engine.Indicator) -> dict:
    data = {
        "key": indicator.key,
        "label": indicator.label,
        "category": indicator.category,
        "kind": indicator.kind,
        "help_text": indicator.help_text,
        "basis": indicator.basis,
        "group": indicator.group or None,
    }
    if indicator.kind == engine.CHOICE:
        data["options"] = [
            {"code": o.code, "label": o.label, "points": o.points, "requires": o.requires or None}
            for o in indicator.options
        ]
    elif indicator.kind == engine.FLAG:
        data["points"] = indicator.points
    elif indicator.kind in engine.NUMERIC_KINDS:
        data |= {"unit": indicator.unit, "min_value": indicator.min_value, "max_value": indicator.max_value}
        if indicator.kind == engine.BANDED:
            data["bands"] = [
                {"low": b.low, "high": b.high, "points": b.points, "notice": b.notice or None}
                for b in indicator.bands
            ]
        else:
            data |= {
                "unit_size": indicator.unit_size,
                "points_per_unit": indicator.points_per_unit,
                "start_at": indicator.start_at,
                "cap": indicator.cap,
            }
    return data


urlpatterns = [
    path("score", score, name="api_score"),
    path("plan", plan, name="api_plan"),
    path("rules", rules, name="api_rules"),
]
