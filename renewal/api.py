"""JSON endpoints under /api/v1/ (mounted by permitsite/urls.py). Contracts: DESIGN.md §2."""

from django.http import JsonResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from renewal.dateinput import InvalidDate, parse_date
from renewal.deadlines import renewal_status
from renewal.models import workday_calendar
from renewal.workdays import processing_estimate


def _read_dates(query, required, optional=()):
    values, errors = {}, {}
    for name in (*required, *optional):
        text = query.get(name, "")
        if not text:
            if name in required:
                errors[name] = ["缺少这个参数，请按 YYYY-MM-DD 填写日期。"]
            continue
        try:
            values[name] = parse_date(text)
        except InvalidDate as error:
            errors[name] = [str(error)]
    return values, errors


def _bad_request(errors):
    return JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})


@require_safe
def renewal(request):
    dates, errors = _read_dates(request.GET, required=["expiry"], optional=["today"])
    if errors:
        return _bad_request(errors)
    status = renewal_status(dates["expiry"], dates.get("today") or timezone.localdate())
    return JsonResponse(
        {
            "expiry": status.expiry.isoformat(),
            "today": status.today.isoformat(),
            "window_opens": status.window_opens.isoformat(),
            "grace_ends": status.grace_ends.isoformat(),
            "status": str(status.status),
            "days_until_window_opens": status.days_until_window_opens,
            "days_left": status.days_left,
            "years_continuous": status.years_continuous,
            "message": status.message,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def processing(request):
    dates, errors = _read_dates(request.GET, required=["accepted"])
    if errors:
        return _bad_request(errors)
    estimate = processing_estimate(dates["accepted"], workday_calendar())
    return JsonResponse(
        {
            "accepted": estimate.accepted.isoformat(),
            "forwarded_by": estimate.forwarded_by.isoformat(),
            "reviewed_by": estimate.reviewed_by.isoformat(),
            "card_ready_by": estimate.card_ready_by.isoformat(),
            "estimated": estimate.estimated,
            "estimated_years": list(estimate.estimated_years),
        }
    )


urlpatterns = [
    path("renewal", renewal, name="api_renewal"),
    path("processing", processing, name="api_processing"),
]
