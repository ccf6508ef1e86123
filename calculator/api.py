"""JSON endpoints under /api/v1/ (mounted by permitsite/urls.py); contracts in DESIGN.md §2 and issue 12.

Shared JSON handling (strict bodies, dates, 405s) is permitsite/api.py.
"""

import datetime
from decimal import Decimal

from django.urls import path
from django.utils import timezone

from calculator import base_tier as tiers
from calculator import engine, planner
from calculator.base_tier import Month, base_tier, tier_notices
from calculator.plan_facts import plan_facts
from calculator.results import plan_as_json, result_as_json, ruleset_summary
from calculator.rulesets import published_rulesets, ruleset_in_force
from calculator.validity import validity
from calculator.wages import wage_on_day, wage_periods
from permitsite.api import ApiError, endpoint, json_object, parse_date, query_date
from permitsite.dates import chinese_date
from renewal.deadlines import EARLIEST_SUPPORTED, LATEST_SUPPORTED, UnsupportedDate, check_supported
from renewal.next_steps import next_steps

# 60 years of months is more than any window.
BASES_MAX = 720
NO_RULES = "积分规则尚未发布，请稍后再试。"
# Plans project up to 60 years ahead; a `today` outside this range is a typo, not a person.
EARLIEST_TODAY, LATEST_TODAY = datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)


def _asked_on(request, default: datetime.date | None = None) -> tuple[datetime.date, engine.Ruleset]:
    """The date asked about (?as_of=, else `default`, else today in Shanghai) and the ruleset in force on
    it."""
    on = query_date(request, "as_of", required="as_of" in request.GET) or default
    ruleset = ruleset_in_force(on or timezone.localdate())
    if not published_rulesets():
        # Nothing the caller can change: the site has no rules to answer with yet (with or without as_of).
        raise ApiError({"__all__": [NO_RULES]}, status=503)
    if ruleset is None and on is None:
        raise ApiError({"__all__": [NO_RULES]}, status=503)
    if ruleset is None:
        earliest = published_rulesets()[0].effective_from
        raise ApiError(
            {
                "as_of": [
                    f"本站的积分规则从 {chinese_date(earliest)}（{earliest.isoformat()}）起适用，"
                    "请查询这一天或之后的日期。"
                ]
            }
        )
    return on or timezone.localdate(), ruleset


def _validity_as_json(ruleset: engine.Ruleset, on: datetime.date) -> dict:
    answer = validity(ruleset, published_rulesets(), on)
    return {
        "valid_until": answer.valid_until.isoformat() if answer.valid_until else None,
        "stale": answer.stale,
        "notice": answer.notice or None,
    }


@endpoint("POST")
def score(request):
    on, ruleset = _asked_on(request)
    try:
        answers = engine.parse_answers(ruleset, json_object(request))
    except engine.InvalidAnswers as invalid:
        raise ApiError(invalid.errors) from None
    return {**result_as_json(engine.score(ruleset, answers)), **_validity_as_json(ruleset, on)}


@endpoint("POST")
def plan(request):
    """The score plus the quickest true routes to the threshold (DESIGN §7, issue 11).

    The body's `today` is the day the plan counts from; without ?as_of= it is also the day whose rules
    apply and against which they are stale, so routes and validity speak of the same day."""
    body = json_object(request)
    errors = {}
    today = None
    if "today" in body:
        try:
            today = parse_date(body.pop("today"), "today")
        except ApiError as error:
            errors |= error.errors
        else:
            if not EARLIEST_TODAY <= today <= LATEST_TODAY:
                errors["today"] = [f"日期须在 {EARLIEST_TODAY} 到 {LATEST_TODAY} 之间。"]
                today = None
    try:
        on, ruleset = _asked_on(request, default=today)
    except ApiError as error:
        if "as_of" in request.GET or "as_of" not in error.errors:
            raise
        raise ApiError({"today": error.errors["as_of"]}) from None  # the rules start after `today`
    today = today or timezone.localdate()
    try:
        answers = engine.parse_answers(ruleset, body)
    except engine.InvalidAnswers as invalid:
        errors |= invalid.errors
    if errors:
        raise ApiError(errors)
    result = planner.plan(ruleset, answers, today, plan_facts())
    return plan_as_json(result, next_steps(), request.build_absolute_uri, _validity_as_json(ruleset, on))


@endpoint("GET")
def rules(request):
    on, ruleset = _asked_on(request)
    return {
        **ruleset_summary(ruleset),
        **_validity_as_json(ruleset, on),
        "valid_until_basis": ruleset.valid_until_basis or None,
        "threshold": ruleset.threshold,
        "floor": ruleset.floor,
        "average_wage": _average_wage_as_json(on),
        "groups": [{"key": g.key, "label": g.label, "cap": g.cap} for g in ruleset.groups],
        "indicators": [_indicator_as_json(i) for i in ruleset.active_indicators],
    }


def _average_wage_as_json(on: datetime.date) -> dict | None:
    wage = wage_on_day(on)
    if wage is None:
        return None
    period = wage.period
    return {
        "monthly": period.monthly,
        "period_from": period.period_from.isoformat(),
        "period_to": period.period_to.isoformat(),
        "provisional": wage.provisional,
        "source": period.source,
        "source_url": period.source_url or None,
        "base_floor": period.base_floor,
        "base_ceiling": period.base_ceiling,
        "verified_on": _iso(period.verified_on),
    }


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None


def _indicator_as_json(indicator: engine.Indicator) -> dict:
    data = {
        "key": indicator.key,
        "label": indicator.label,
        "category": indicator.category,
        "kind": indicator.kind,
        "help_text": indicator.help_text,
        "basis": indicator.basis,
        "verified_on": _iso(indicator.verified_on),
        "verified_by": indicator.verified_by or None,
        "group": indicator.group or None,
    }
    if indicator.kind == engine.CHOICE:
        data["options"] = [
            {
                "code": o.code,
                "label": o.label,
                "points": o.points,
                "requires": o.requires or None,
                # An option without its own basis or review date shares its indicator's.
                "basis": o.basis or indicator.basis,
                "verified_on": _iso(o.verified_on or indicator.verified_on),
                "verified_by": (o.verified_by if o.verified_on else indicator.verified_by) or None,
            }
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


@endpoint("POST")
def si_tier(request):
    """{"bases": {"YYYY-MM": yuan}, "as_of": "YYYY-MM-DD"} → the base tier reached on as_of's month."""
    body = json_object(request)
    unknown = sorted(set(body) - {"bases", "as_of"})
    if unknown:
        raise ApiError({key: ["没有这一项，只接受 bases 和 as_of。"] for key in unknown})
    on = parse_date(body["as_of"], "as_of") if "as_of" in body else timezone.localdate()
    try:
        check_supported(on)
    except UnsupportedDate as error:
        raise ApiError({"as_of": [str(error)]}) from None
    bases = _parse_bases(body.get("bases"))
    result = base_tier(bases, Month.of(on), wage_periods())
    return tier_as_json(result, ruleset_in_force(on))


def _parse_bases(raw) -> dict[Month, Decimal]:
    if not isinstance(raw, dict):
        raise ApiError({"bases": ['请提交按月份列出的缴费基数，例如 {"2025-07": 12500}。']})
    if len(raw) > BASES_MAX:
        raise ApiError({"bases": [f"最多提交 {BASES_MAX} 个月。"]})
    bases, errors = {}, {}
    for key, value in raw.items():
        field = f"bases.{key}"
        try:
            month = Month.parse(key)
        except ValueError:
            errors[field] = ["月份格式应为 YYYY-MM，例如 2025-07。"]
            continue
        if not EARLIEST_SUPPORTED.year <= month.year <= LATEST_SUPPORTED.year:
            errors[field] = [f"月份须在 {EARLIEST_SUPPORTED.year} 年到 {LATEST_SUPPORTED.year} 年之间。"]
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            errors[field] = ["缴费基数须为数字（元），未缴费的月份不填或填 0。"]
        elif not 0 <= value <= tiers.BASE_MAX:
            errors[field] = [f"缴费基数须在 0 到 {tiers.BASE_MAX} 元之间。"]
        else:
            bases[month] = Decimal(str(value))
    if errors:
        raise ApiError(errors)
    return bases


def tier_as_json(result, ruleset: engine.Ruleset | None) -> dict:
    option = None
    indicator = ruleset.indicator("si_base_tier") if ruleset else None
    if indicator is not None and indicator.active:
        option = indicator.option(result.tier)
    return {
        "tier": result.tier,
        "months": {rule.code: result.months[rule.code] for rule in tiers.MULTIPLES},
        "points": option.points if option else None,
        "label": option.label if option else None,
        "application_month": str(result.application),
        "unjudged_months": [str(m) for m in result.unjudged],
        "provisional_months": [str(m) for m in result.provisional],
        "could_be_higher": result.could_be_higher,
        "notices": tier_notices(result),
    }


urlpatterns = [
    path("score", score, name="api_score"),
    path("plan", plan, name="api_plan"),
    path("rules", rules, name="api_rules"),
    path("si-tier", si_tier, name="api_si_tier"),
]
