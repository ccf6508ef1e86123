"""POST /api/v1/settle: the 居转户 check as JSON (mounted by permitsite/urls.py)."""

from django.urls import path
from django.utils import timezone

from permitsite.api import ApiError, endpoint, json_object, query_date
from renewal.deadlines import UnsupportedDate, check_supported
from settle import rules
from settle.conditions import settle_rules


def result_as_json(result: rules.SettleResult) -> dict:
    return {
        "eligible": result.eligible,
        "missing": list(result.missing),
        "earliest": result.earliest_text,
        "route": result.route,
        "years_required": result.years_required,
        "unverified": list(result.unverified),
        "notices": list(result.notices),
        "conditions": [
            {
                "key": line.condition.key,
                "kind": line.condition.kind,
                "label": line.condition.label,
                "explanation": line.condition.explanation,
                "years": line.condition.years,
                "status": line.status,
                "detail": line.detail,
                "source": line.condition.source.as_json(),
            }
            for line in result.lines
        ],
    }


@endpoint("POST")
def settle(request):
    today = query_date(request, "today") or timezone.localdate()
    try:
        check_supported(today)
        answers = rules.parse_answers(json_object(request, example=rules.EXAMPLE_BODY))
    except UnsupportedDate as error:
        raise ApiError({"today": [str(error)]}) from None
    except rules.InvalidAnswers as invalid:
        raise ApiError(invalid.errors) from None
    return {"today": today.isoformat(), **result_as_json(rules.check(settle_rules(), answers, today))}


urlpatterns = [path("settle", settle, name="api_settle")]
