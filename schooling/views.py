"""The children's school timeline page.

Dates come from schooling/timeline.py on the facts of schooling/facts.py; the parent's own self-test
(when its link brought them here) from schooling/selftest.py."""

from functools import partial

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from permitsite import stamps
from permitsite.shared_pages import shared_but_for
from schooling import timeline
from schooling.facts import SCHOOL_FACTS, school_facts
from schooling.forms import TOKEN_MAX, ChildForm
from schooling.selftest import parent_result


@never_cache  # a child's birth date and a parent's result are the visitor's own
@require_safe
def timeline_page(request):
    today = timezone.localdate()
    if "child_birth" in request.GET or "result" in request.GET:
        return _timeline_page(request, today)
    # Before a birth date is given, and without a parent's result, the page is the same for everyone on a day.
    page = partial(_timeline_page, request, today)
    return shared_but_for(request, page, today, stamps.current(SCHOOL_FACTS))


def _timeline_page(request, today):
    facts = school_facts()
    if not facts.complete:
        raise Http404("升学时间表的基础数据还没有设置好")
    asked = "child_birth" in request.GET
    token = request.GET.get("result", "")
    form = ChildForm(request.GET if asked else None, initial={"result": token[:TOKEN_MAX]}, today=today)
    plan = parent = readiness = None
    if form.is_valid():
        birth = form.cleaned_data["child_birth"]
        plan = timeline.timeline(birth, today, facts.system, facts.windows, facts.processing, facts.calendar)
    parent = parent_result(token)
    if plan is not None and parent is not None:
        readiness = timeline.readiness(
            plan, eligible=parent.eligible, reaches_now=parent.reaches_now, reached_on=parent.reached_on
        )
    return render(
        request,
        "schooling/timeline.html",
        {
            "form": form,
            "plan": plan,
            "facts": facts,
            "parent": parent,
            "readiness": readiness,
            "token_not_found": bool(token) and parent is None,
            "months_to_approval": _months(today, plan.approval_needed_by) if plan else None,
            "months_to_application": _months(today, plan.points_needed_by) if plan else None,
        },
    )


def _months(today, day):
    return timeline.months_until(today, day) if day else None
