"""GET /api/v1/school?child_birth=YYYY-MM-DD: a child's school timeline as JSON (see permitsite/urls.py)."""

from django.urls import path
from django.utils import timezone

from permitsite.api import ApiError, endpoint, query_date
from renewal.deadlines import UnsupportedDate, check_supported
from schooling import timeline
from schooling.facts import SchoolFacts, school_facts


def _day(value):
    return value.isoformat() if value else None


def timeline_as_json(plan: timeline.Timeline, facts: SchoolFacts) -> dict:
    registration = None
    if plan.registration is not None:
        window = plan.registration.window
        registration = {
            "year": window.year,
            "opens": _day(window.opens),
            "closes": _day(window.closes),
            "late_until": _day(window.late_until),
            "note": window.note,
            "estimated": plan.registration.estimated,
            "based_on_year": plan.registration.based_on,
            "source": window.source.as_json(),
        }
    system = facts.system
    return {
        "child_birth": plan.child_birth.isoformat(),
        "today": plan.today.isoformat(),
        "primary_entry_year": plan.primary_entry_year,
        "junior_entry_year": plan.junior_entry_year,
        "zhongkao_year": plan.zhongkao_year,
        "registration": registration,
        "registration_passed": plan.registration_passed,
        "approval_needed_by": _day(plan.approval_needed_by),
        "points_needed_by": _day(plan.points_needed_by),
        "application_passed": plan.application_passed,
        "months_left": (
            timeline.months_until(plan.today, plan.points_needed_by) if plan.points_needed_by else None
        ),
        "calendar_estimated_years": list(plan.estimated_years),
        "processing": {
            "working_days": plan.processing.working_days,
            "source": plan.processing.source.as_json(),
        },
        "school_system": {
            "entry_age": system.entry_age,
            "cutoff": f"{system.cutoff_month:02d}-{system.cutoff_day:02d}",
            "primary_years": system.primary_years,
            "junior_years": system.junior_years,
            "entry_source": system.entry_source.as_json(),
            "stages_source": system.stages_source.as_json(),
        },
        "routes_without_points": [
            {"name": r.name, "who": r.who, "leads_to": r.leads_to, "source": r.source.as_json()}
            for r in facts.routes
        ],
    }


@endpoint("GET")
def school(request):
    child_birth = query_date(request, "child_birth", required=True)
    today = query_date(request, "today") or timezone.localdate()
    try:
        check_supported(today)
    except UnsupportedDate as error:
        raise ApiError({"today": [str(error)]}) from None
    try:
        timeline.check_birth(child_birth, today)
    except timeline.ImplausibleBirth as error:
        raise ApiError({"child_birth": [str(error)]}) from None
    facts = school_facts()
    if not facts.complete:
        raise ApiError({"__all__": ["升学时间表的基础数据还没有设置好，请稍后再试。"]}, status=503)
    plan = timeline.timeline(
        child_birth, today, facts.system, facts.windows, facts.processing, facts.calendar
    )
    return timeline_as_json(plan, facts)


urlpatterns = [path("school", school, name="api_school")]
