"""JSON endpoints under /api/v1/ (mounted by permitsite/urls.py); contracts in DESIGN.md §2.

No session and no CSRF token: the endpoints read no cookie and change nothing.
"""

import datetime
import json

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from calculator import engine
from calculator.rulesets import ruleset_in_force


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _errors(errors, status=400):
    return _json({"errors": errors}, status=status)


BAD_DATE = "日期格式应为 YYYY-MM-DD，例如 2025-03-01。"


def _ruleset_or_error(request):
    """(the ruleset in force on ?as_of= or today, None), or (None, an error response)."""
    raw = request.GET.get("as_of")
    on = timezone.localdate()
    if raw is not None:
        try:
            # fromisoformat also takes 20250301 and week dates; the contract says YYYY-MM-DD only.
            on = datetime.date.fromisoformat(raw) if len(raw) == 10 else None
        except ValueError:
            on = None
        if on is None:
            return None, _errors({"as_of": [BAD_DATE]})
    ruleset = ruleset_in_force(on)
    if ruleset is None and raw is None:
        return None, _errors({"__all__": ["积分规则尚未发布，请稍后再试。"]}, status=503)
    if ruleset is None:
        return None, _errors({"as_of": [f"{on.isoformat()} 还没有生效的积分规则。"]})
    return ruleset, None


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
        "items": [
            {"key": i.key, "label": i.label, "category": i.category, "points": i.points, "note": i.note}
            for i in result.items
        ],
        "vetoes": [{"key": v.key, "label": v.label} for v in result.vetoes],
        "notices": list(result.notices),
    }


@csrf_exempt
@require_POST
def score(request):
    ruleset, error = _ruleset_or_error(request)
    if error:
        return error
    try:
        data = json.loads(request.body)
    except RequestDataTooBig:
        return _errors({"__all__": ["请求正文太大。"]})
    except (ValueError, RecursionError):
        return _errors({"__all__": ["请求正文不是有效的 JSON。"]})
    try:
        answers = engine.parse_answers(ruleset, data)
    except engine.InvalidAnswers as invalid:
        return _errors(invalid.errors)
    return _json(result_as_json(engine.score(ruleset, answers)))


@require_GET
def rules(request):
    ruleset, error = _ruleset_or_error(request)
    if error:
        return error
    return _json(
        {
            **ruleset_summary(ruleset),
            "threshold": ruleset.threshold,
            "floor": ruleset.floor,
            "groups": [{"key": g.key, "label": g.label, "cap": g.cap} for g in ruleset.groups],
            "indicators": [_indicator_as_json(i) for i in ruleset.active_indicators],
        }
    )


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
    path("rules", rules, name="api_rules"),
]
