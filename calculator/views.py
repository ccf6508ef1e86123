"""The self-test wizard (one URL per step, answers kept in the session), the summary, and the result
page that anyone with its link can open. Scoring and planning live in engine.py and planner.py."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from calculator import engine, planner
from calculator.forms import RECENT_CONTRIBUTIONS, STEP_SLUGS, STEPS, YES, StepForm, step_of
from calculator.models import Assessment
from calculator.results import kept_until, save_assessment
from calculator.rulesets import published_rulesets, ruleset_in_force

SESSION_KEY = "jifen"


def _ruleset_or_404():
    ruleset = ruleset_in_force()
    if ruleset is None:
        raise Http404("积分规则尚未发布")
    return ruleset


def _stored(request) -> dict:
    return request.session.get(SESSION_KEY, {})


@require_GET
def start(request):
    return render(request, "calculator/start.html", {"steps": STEPS, "started": bool(_stored(request))})


@require_POST
def restart(request):
    request.session.pop(SESSION_KEY, None)
    return redirect("calculator:step", slug=STEP_SLUGS[0])


@require_http_methods(["GET", "POST"])
def step(request, slug):
    if slug not in STEP_SLUGS:
        raise Http404("没有这一步")
    ruleset = _ruleset_or_404()
    stored = _stored(request)
    back_to_check = request.GET.get("next") == "check"
    if request.method == "POST":
        form = StepForm(ruleset, slug, data=request.POST)
        if form.is_valid():
            stored = {**stored, slug: {name: request.POST.get(name, "") for name in form.fields}}
            request.session[SESSION_KEY] = stored
            index = STEP_SLUGS.index(slug)
            if back_to_check or index == len(STEP_SLUGS) - 1:
                return redirect("calculator:check")
            return redirect("calculator:step", slug=STEP_SLUGS[index + 1])
    else:
        form = StepForm(ruleset, slug, initial=stored.get(slug, {}))
    index = STEP_SLUGS.index(slug)
    return render(
        request,
        "calculator/step.html",
        {
            "form": form,
            "step": STEPS[index],
            "number": index + 1,
            "count": len(STEPS),
            "previous": STEP_SLUGS[index - 1] if index else None,
            "back_to_check": back_to_check,
            "early_notices": _early_notices(ruleset, stored, slug),
        },
    )


def _early_notices(ruleset, stored, slug) -> list[str]:
    """Out-of-scope notices as soon as the answers behind them are known (e.g. the over-60 band)."""
    notices = []
    if slug != "basic":
        for indicator in ruleset.active_indicators:
            raw = stored.get(step_of(indicator), {}).get(indicator.key, "")
            band = indicator.band(int(raw)) if indicator.kind == engine.BANDED and raw.isdigit() else None
            if band and band.notice:
                notices.append(band.notice)
    if slug in ("bonus", "deductions") and stored.get("insurance", {}).get(RECENT_CONTRIBUTIONS) == "no":
        notices.append(_RECENT_CONTRIBUTIONS_NOTICE)
    return notices


_RECENT_CONTRIBUTIONS_NOTICE = (
    "申请积分需要申请当月在上海缴纳职工社保，且最近 12 个月里至少有 6 个月正常缴纳（补缴不算）。"
    "您目前还不满足这一条，可以先算分，等条件满足后再由单位申请。"
)


def _validated_steps(request, ruleset):
    """Each step's form bound to its stored answers; (forms, first step needing attention or None)."""
    stored = _stored(request)
    forms = []
    for slug in STEP_SLUGS:
        form = StepForm(ruleset, slug, data=stored.get(slug))
        if slug not in stored or not form.is_valid():
            return forms, slug
        forms.append(form)
    return forms, None


@require_http_methods(["GET", "POST"])
def check(request):
    ruleset = _ruleset_or_404()
    forms, incomplete = _validated_steps(request, ruleset)
    if incomplete:
        return redirect("calculator:step", slug=incomplete)
    if request.method == "POST":
        answers = {}
        for form in forms:
            answers |= form.answers()
        insurance = _stored(request)["insurance"]
        assessment = save_assessment(ruleset, answers, insurance.get(RECENT_CONTRIBUTIONS) == YES)
        return redirect("calculator:result", token=assessment.token)
    sections = [
        {
            "step": step,
            "rows": [(form[name], _shown_answer(form, name)) for name in form.fields if form.is_shown(name)],
        }
        for step, form in zip(STEPS, forms, strict=True)
    ]
    return render(request, "calculator/check.html", {"sections": sections})


def _shown_answer(form, name) -> str:
    value = form.cleaned_data.get(name)
    field = form.fields[name]
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None or value == "":
        return "0" if not field.required else "未填"
    choices = dict(getattr(field, "choices", ()))
    return str(choices.get(value, value))


@require_GET
def result(request, token):
    assessment = get_object_or_404(Assessment, token=token)
    stored = assessment.result
    used = next((r for r in published_rulesets() if r.version == assessment.ruleset_version), None)
    in_force = ruleset_in_force()
    plan = None
    if used is not None:
        plan = planner.plan(
            used, engine.Answers(assessment.answers), timezone.localdate(assessment.created_at)
        )
    scale = max([abs(i["points"]) for i in stored["items"]] + [stored["threshold"]])
    items = [
        {
            **item,
            "width": round(100 * abs(item["points"]) / scale),
            "untouched": not item["points"] and _is_default(assessment.answers.get(item["key"])),
        }
        for item in stored["items"]
    ]
    return render(
        request,
        "calculator/result.html",
        {
            "assessment": assessment,
            "result": stored,
            "items": items,
            "plan": plan,
            "newer": in_force if in_force and in_force.version != assessment.ruleset_version else None,
            "share_url": request.build_absolute_uri(reverse("calculator:result", args=[assessment.token])),
            "kept_until": kept_until(timezone.localdate(assessment.created_at)),
            "contributions_notice": (
                _RECENT_CONTRIBUTIONS_NOTICE if assessment.recent_contributions is False else ""
            ),
        },
    )


def _is_default(value) -> bool:
    """An answer left at none / 0 / no, which the printout summarises in one line."""
    return value in (None, False, 0, "none", "", ())


@require_POST
def recompute(request, token):
    assessment = get_object_or_404(Assessment, token=token)
    ruleset = _ruleset_or_404()
    try:
        answers = engine.parse_answers(ruleset, assessment.answers)
    except engine.InvalidAnswers:
        # The new rules ask something differently: answer again rather than guess.
        return redirect("calculator:start")
    fresh = save_assessment(ruleset, dict(answers.values), assessment.recent_contributions)
    return redirect("calculator:result", token=fresh.token)
