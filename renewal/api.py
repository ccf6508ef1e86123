"""JSON endpoints under /api/v1/ (mounted by permitsite/urls.py). Contracts: DESIGN.md §2."""

from django.urls import path
from django.utils import timezone

from permitsite.api import ApiError, endpoint, query_date
from renewal.deadlines import UnsupportedDate, check_supported, renewal_status
from renewal.models import workday_calendar
from renewal.workdays import processing_estimate


def _supported_date(request, name, *, required=False):
    day = query_date(request, name, required=required)
    if day is not None:
        try:
            check_supported(day)
        except UnsupportedDate as error:
            raise ApiError({name: [str(error)]}) from None
    return day


@endpoint("GET")
def renewal(request):
    expiry = _supported_date(request, "expiry", required=True)
    today = _supported_date(request, "today") or timezone.localdate()
    status = renewal_status(expiry, today)
    return {
        "expiry": status.expiry.isoformat(),
        "today": status.today.isoformat(),
        "window_opens": status.window_opens.isoformat(),
        "grace_ends": status.grace_ends.isoformat(),
        "status": str(status.status),
        "days_until_window_opens": status.days_until_window_opens,
        "days_left": status.days_left,
        "years_continuous": status.years_continuous,
        "message": status.message,
    }


@endpoint("GET")
def processing(request):
    estimate = processing_estimate(_supported_date(request, "accepted", required=True), workday_calendar())
    return {
        "accepted": estimate.accepted.isoformat(),
        "forwarded_by": estimate.forwarded_by.isoformat(),
        "reviewed_by": estimate.reviewed_by.isoformat(),
        "card_ready_by": estimate.card_ready_by.isoformat(),
        "estimated": estimate.estimated,
        "estimated_years": list(estimate.estimated_years),
    }


urlpatterns = [
    path("renewal", renewal, name="api_renewal"),
    path("processing", processing, name="api_processing"),
]
