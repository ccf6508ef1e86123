"""The self-test wizard (one URL per step, answers kept in the session), the summary, and the result
page that anyone with its link can open. Scoring and planning live in engine.py and planner.py."""

import datetime
from functools import partial

from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe

from calculator import base_tier, engine, planner, review
from calculator.forms import (
    GATE_PREFIX,
    RECENT_CONTRIBUTIONS,
    STEP_SLUGS,
    STEPS,
    YES,
    ApplicationMonthForm,
    BaseHistoryForm,
    CarryTierForm,
    StepForm,
    application_months,
    shortest_path,
)
from calculator.models import Assessment, Indicator
from calculator.notices import RECENT_CONTRIBUTIONS_NOTICE, early_notices
from calculator.plan_facts import plan_facts
from calculator.results import (
    changes_as_query,
    changes_from_query,
    kept_until,
    plan_of,
    result_as_json,
    ruleset_of,
    save_assessment,
)
from calculator.rulesets import RULES, published_rulesets, ruleset_in_force
from calculator.validity import validity
from calculator.wages import WAGES, source_of, wage_hint, wage_periods
from permitsite import stamps
from permitsite.facts import Source
from permitsite.shared_pages import shared_but_for, shared_page
from renewal.next_steps import next_steps

SESSION_KEY = "jifen"
# The value of a step's "‹ 上一步" button: it posts the step, so nothing typed there is lost.
BACK = "back"
# The tier the base helper carried into the wizard, announced once on the insurance step.
CARRIED_KEY = "jifen_carried"


def _ruleset_or_404():
    ruleset = ruleset_in_force()
    if ruleset is None:
        raise Http404("积分规则尚未发布")
    return ruleset


def _stored(request) -> dict:
    return request.session.get(SESSION_KEY, {})


@require_GET
def start(request):
    started = bool(_stored(request))

    def page():
        ruleset = ruleset_in_force()
        context = {"steps": STEPS, "started": started, "path": ruleset and shortest_path(ruleset)}
        return render(request, "calculator/start.html", context)

    # The rules in force (and so the shortest path it states) change with an edit or a date.
    return shared_but_for(request, page, started, stamps.current(RULES), timezone.localdate())


@require_safe
@shared_page(RULES)
def rules(request):
    """Every value the self-test scores with, as the rules in force state it, each with its basis and review
    date: 待核实 where nobody has checked it against the Chinese text."""
    ruleset = _ruleset_or_404()
    groups = {group.key: group for group in ruleset.groups}
    # A condition scores nothing itself, so it has no row: the options it holds back name it instead.
    conditions = {i.key: i for i in ruleset.active_indicators if i.kind == engine.CONDITION}
    sections = [
        {
            "heading": heading,
            "indicators": [
                {
                    "indicator": indicator,
                    "summary": review.value_summary(indicator),
                    "group": groups.get(indicator.group),
                    "options": [
                        {"option": option, "condition": conditions.get(option.requires)}
                        for option in indicator.options
                    ],
                    "conditions": [
                        {"indicator": condition, "source": _rule_source(condition)}
                        for condition in {
                            o.requires: conditions[o.requires]
                            for o in indicator.options
                            if o.requires in conditions
                        }.values()
                    ],
                    "source": _rule_source(indicator),
                }
                for indicator in ruleset.active_indicators
                if indicator.category == category and indicator.kind != engine.CONDITION
            ],
        }
        for category, heading in Indicator.Category.choices
    ]
    unverified = sum(
        1
        for section in sections
        for row in section["indicators"]
        for source in (row["source"], *(c["source"] for c in row["conditions"]))
        if not source.verified
    )
    return render(
        request,
        "calculator/rules.html",
        {"ruleset": ruleset, "sections": sections, "unverified": unverified},
    )


def _rule_source(indicator: engine.Indicator) -> Source:
    # The page prints "依据：" before every note; many notes begin with it too.
    return Source(indicator.basis.removeprefix("依据：") or "编辑尚未填写", "", indicator.verified_on)


@require_POST
def restart(request):
    request.session.pop(SESSION_KEY, None)
    return redirect("calculator:step", slug=STEP_SLUGS[0])


@never_cache  # a step shows the visitor's answers at an address that is the same for everyone
@require_http_methods(["GET", "POST"])
def step(request, slug):
    if slug not in STEP_SLUGS:
        raise Http404("没有这一步")
    ruleset = _ruleset_or_404()
    stored = _stored(request)
    back_to_check = request.GET.get("next") == "check"
    age = _stored_age(stored) if slug != STEP_SLUGS[0] else None
    if request.method == "POST":
        form = StepForm(ruleset, slug, data=request.POST, wage_hint=wage_hint(timezone.localdate()), age=age)
        index = STEP_SLUGS.index(slug)
        if request.POST.get("action") == BACK and index:
            # What was typed here is kept, unchecked, for the way forward; the summary checks every step.
            request.session[SESSION_KEY] = {**stored, slug: _as_posted(request, form)}
            return redirect("calculator:step", slug=STEP_SLUGS[index - 1])
        if form.is_valid():
            stored = {**stored, slug: _as_posted(request, form)}
            request.session[SESSION_KEY] = stored
            if back_to_check or index == len(STEP_SLUGS) - 1:
                return redirect("calculator:check")
            return redirect("calculator:step", slug=STEP_SLUGS[index + 1])
    index = STEP_SLUGS.index(slug)
    context = {
        "step": STEPS[index],
        "number": index + 1,
        "count": len(STEPS),
        "previous": STEP_SLUGS[index - 1] if index else None,
        "back_to_check": back_to_check,
        "early_notices": early_notices(ruleset, stored, slug),
        "carried": _carried(request, ruleset) if slug == "insurance" else None,
    }

    def page(form):
        return render(request, "calculator/step.html", {**context, "form": form})

    if request.method == "POST":
        return page(form)
    if stored.get(slug):
        # Back from the summary, the stored answers are checked again, so what an earlier step's change
        # (a younger age) or an edit of the rules made wrong is shown with its error, not silently.
        bound = {"data": stored[slug]} if back_to_check else {"initial": stored[slug]}
        return page(StepForm(ruleset, slug, wage_hint=wage_hint(timezone.localdate()), age=age, **bound))
    # A step nobody has answered yet shows no answer of the visitor's: its page is the same for everyone
    # who has the same notices, under the stamps of the rules and wage figures it prints.
    shown = (ruleset.version, stamps.current(RULES), stamps.current(WAGES), timezone.localdate())
    return shared_but_for(
        request,
        lambda: page(StepForm(ruleset, slug, wage_hint=wage_hint(timezone.localdate()))),
        *shown,
        context["early_notices"],
        context["carried"],
        query=("next",),
    )


def _stored_age(stored) -> int | None:
    """The step-1 age read as step 1 reads it ("20.0", full-width digits), so a step and the summary, which
    validates step 1 itself, never disagree about it."""
    try:
        return django_forms.IntegerField().clean(stored.get(STEP_SLUGS[0], {}).get("age"))
    except ValidationError:
        return None


# No answer is longer than a few characters (a number, an option code): what is kept in the session, where a
# back tap keeps input unchecked, is cut to this, so a visitor cannot store large bodies in it.
KEPT_CHARACTERS = 100


def _as_posted(request, form) -> dict:
    return {name: request.POST.get(name, "")[:KEPT_CHARACTERS] for name in form.fields}


def _carried(request, ruleset) -> engine.Option | None:
    code = request.session.pop(CARRIED_KEY, None)
    indicator = ruleset.indicator("si_base_tier")
    return indicator.option(code) if code and indicator else None


def _validated_steps(request, ruleset):
    """Each step's form bound to its stored answers; (forms, first step needing attention or None)."""
    stored = _stored(request)
    forms = []
    for slug in STEP_SLUGS:
        age = forms[0].cleaned_data.get("age") if forms else None
        form = StepForm(ruleset, slug, data=stored.get(slug), age=age)
        if slug not in stored or not form.is_valid():
            return forms, slug
        forms.append(form)
    return forms, None


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    ruleset = _ruleset_or_404()
    forms, incomplete = _validated_steps(request, ruleset)
    if incomplete:
        url = reverse("calculator:step", args=[incomplete])
        # Answered but no longer valid: the step shows why, then comes back here.
        return redirect(f"{url}?next=check" if incomplete in _stored(request) else url)
    if request.method == "POST":
        answers = {}
        for form in forms:
            answers |= form.answers()
        insurance = _stored(request)["insurance"]
        assessment = save_assessment(ruleset, answers, insurance.get(RECENT_CONTRIBUTIONS) == YES)
        return redirect("calculator:result", token=assessment.token)
    # What the person answered differently from the defaults, and what has no default, is shown; the rest
    # (none / no / 0) is folded, each still with its 修改 link.
    sections = []
    for step, form in zip(STEPS, forms, strict=True):
        rows = list(_summary_rows(form, reverse("calculator:step", args=[step.slug])))
        sections.append(
            {
                "step": step,
                "answered": [row for row in rows if row["answered"]],
                "defaults": [row for row in rows if not row["answered"]],
            }
        )
    defaults = sum(len(section["defaults"]) for section in sections)
    return render(request, "calculator/check.html", {"sections": sections, "defaults": defaults})


def _summary_rows(form, step_url):
    for name, field in form.fields.items():
        if not form.is_shown(name):
            continue
        value = form.cleaned_data.get(name)
        if name.startswith(GATE_PREFIX) and value:
            continue  # the detail it revealed says it all
        yield {
            "label": field.label,
            "answer": _shown_answer(form, name),
            # The precondition's default is "是", not "没有/否/0": it is shown, never folded with those.
            "answered": name == RECENT_CONTRIBUTIONS or _answered(field, value),
            "change_url": f"{step_url}?next=check#field-{name}",
        }


def _answered(field, value) -> bool:
    """Whether an answer differs from the question's default, or the question has none (age, 学历)."""
    if isinstance(field, django_forms.BooleanField):
        return value is True
    initial = field.initial
    if initial is None or initial == "":
        return True
    if isinstance(field, django_forms.TypedChoiceField):
        initial = field.coerce(initial)
    if isinstance(field, django_forms.IntegerField):
        return (value or 0) != initial
    return value != initial


def _shown_answer(form, name) -> str:
    value = form.cleaned_data.get(name)
    field = form.fields[name]
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None or value == "":
        return "0" if not field.required else "未填"
    choices = dict(getattr(field, "choices", ()))
    return str(choices.get(value, value))


def _breakdown(items, threshold) -> dict:
    """Scoring rows open, the rest folded: the items of a result with the width of their bars."""
    scale = max([abs(i["points"]) for i in items] + [threshold])
    rows = [{**item, "width": round(100 * abs(item["points"]) / scale)} for item in items]
    return {"scoring": [r for r in rows if r["points"]], "zero": [r for r in rows if not r["points"]]}


@never_cache
@require_GET
def result(request, token):
    assessment = get_object_or_404(Assessment, token=token)
    stored = assessment.result
    used = ruleset_of(assessment)
    in_force = ruleset_in_force()
    plan = plan_of(assessment)
    try_url = reverse("calculator:try", args=[assessment.token])
    # A route that asks for a higher base says what that is in yuan today: "0.8 倍" alone means little.
    wages = wage_hint(timezone.localdate())
    routes = [
        {
            "route": route,
            "try_url": f"{try_url}?{changes_as_query(route.changes)}",
            "short": max(0, stored["threshold"] - route.total),
            "base_needed": wages.amount_of(route.changes["si_base_tier"])
            if wages and route.source == "si_base_tier"
            else None,
        }
        for route in (plan.routes if plan else ())
    ]
    return render(
        request,
        "calculator/result.html",
        {
            "assessment": assessment,
            "result": stored,
            "breakdown": _breakdown(stored["items"], stored["threshold"]),
            "ruleset_from": datetime.date.fromisoformat(stored["ruleset"]["effective_from"]),
            "plan": plan,
            # Over 60 the total may pass 120 while the system does not apply: only the plan knows.
            "passes": plan.passes if plan else stored["reaches_threshold"],
            "routes": routes,
            "wages": wages,
            "routes_undated": any(r["route"].reaches and r["route"].months is None for r in routes),
            "next_steps": next_steps() if plan and plan.passes else (),
            "newer": in_force if in_force and in_force.version != assessment.ruleset_version else None,
            "stale_notice": (
                validity(used, published_rulesets(), timezone.localdate()).notice if used is not None else ""
            ),
            "share_url": request.build_absolute_uri(reverse("calculator:result", args=[assessment.token])),
            "kept_until": kept_until(timezone.localdate(assessment.created_at)),
            "contributions_notice": (
                RECENT_CONTRIBUTIONS_NOTICE if assessment.recent_contributions is False else ""
            ),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def try_change(request, token):
    """“试一试”: the result recomputed with a route's changes (from the query string). Nothing is stored
    unless the person asks for it (POST), which saves the changed answers as a new result."""
    assessment = get_object_or_404(Assessment, token=token)
    ruleset = ruleset_of(assessment) or _ruleset_or_404()
    try:
        changes = changes_from_query(ruleset, request.GET)
        answers = engine.parse_answers(ruleset, {**assessment.answers, **changes})
    except engine.InvalidAnswers:
        # A link cut short or edited by hand: the plain 400 page, not a logged exception (cheap to send).
        return render(request, "400.html", status=400)
    if not changes:
        return redirect("calculator:result", token=assessment.token)
    # A stored result describes the person today: a variation in which time has moved answers is a
    # projection and is shown, never stored as if it were true today.
    later = planner.moved_by_time(ruleset, plan_facts(), changes)
    not_today = (
        "这个设想里的{}要过一段时间才会变成这样，不是您今天的情况，所以不能存为新结果。到时请重新自测。".format(
            "、".join(f"「{label}」" for label in later)
        )
        if later
        else ""
    )
    if request.method == "POST" and not not_today:
        fresh = save_assessment(ruleset, dict(answers.values), assessment.recent_contributions)
        return redirect("calculator:result", token=fresh.token)
    tried = engine.score(ruleset, answers)
    now = assessment.result
    return render(
        request,
        "calculator/try.html",
        {
            "not_today": not_today,
            "assessment": assessment,
            "changes": [_described(ruleset, key, value) for key, value in changes.items()],
            "result": result_as_json(tried),
            "outside": tried.outside,
            "difference": _difference(tried.total - now["total"]),
            "before": now,
            "breakdown": _breakdown(result_as_json(tried)["items"], tried.threshold),
        },
        status=400 if request.method == "POST" else 200,
    )


def _difference(points: int) -> str:
    if points > 0:
        return f"多 {points} 分"
    return f"少 {-points} 分" if points < 0 else "分数不变"


def _described(ruleset, key, value) -> dict:
    """One changed answer in words: 「最高学历学位」→「大学本科学历和学士学位」."""
    indicator = ruleset.indicator(key)
    if isinstance(value, bool):
        shown = "是" if value else "否"
    elif indicator.kind == engine.CHOICE:
        shown = indicator.option(value).label
    else:
        shown = f"{value} {indicator.unit}".rstrip()
    return {"label": indicator.label, "value": shown}


@require_POST
def recompute(request, token):
    assessment = get_object_or_404(Assessment, token=token)
    ruleset = _ruleset_or_404()
    if ruleset.version == assessment.ruleset_version:
        return redirect("calculator:result", token=assessment.token)  # nothing to recompute: store nothing
    try:
        answers = engine.parse_answers(ruleset, assessment.answers)
    except engine.InvalidAnswers:
        # The new rules ask something differently: answer again rather than guess.
        return redirect("calculator:start")
    fresh = save_assessment(ruleset, dict(answers.values), assessment.recent_contributions)
    return redirect("calculator:result", token=fresh.token)


@never_cache
@require_http_methods(["GET", "POST"])
def base(request):
    """The base-tier helper: a base per 社保年度 in, the tier and the months at each multiple out, every
    month judged against its own year's average wage. Nothing is stored until "带入自测"."""
    today = timezone.localdate()
    if request.method == "POST":
        return _base_page(request, today)
    # Until bases are posted the page is the same for everyone asking about the month in its address.
    page = partial(_base_page, request, today)
    shown = (today, stamps.current(WAGES), stamps.current(RULES))
    return shared_but_for(request, page, *shown, query=("month",))


def _base_page(request, today):
    periods = wage_periods()
    month_form = ApplicationMonthForm(today, data=request.GET if "month" in request.GET else None)
    application = base_tier.Month.of(today)
    if month_form.is_bound and month_form.is_valid():
        application = month_form.application()
    result = None
    if request.method == "POST":
        posted = request.POST.get("month", "")
        allowed = {str(m): m for m in application_months(today)}
        application = allowed.get(posted, application)
        month_form = ApplicationMonthForm(today, initial={"month": str(application)})
        form = BaseHistoryForm(application, periods, data=request.POST)
        if form.is_valid():
            result = base_tier.base_tier(form.bases(), application, periods)
    else:
        form = BaseHistoryForm(application, periods)
    ruleset = ruleset_in_force()
    indicator = ruleset.indicator("si_base_tier") if ruleset else None
    years = base_tier.by_year(result) if result else []
    used = dict.fromkeys(year.wage.period for year in years if year.wage)
    return render(
        request,
        "calculator/base.html",
        {
            "month_form": month_form,
            "form": form,
            "application": application,
            "result": result,
            "years": years,
            "sources": [(period, source_of(period)) for period in used],
            "notices": base_tier.tier_notices(result) if result else [],
            "option": indicator.option(result.tier) if result and indicator else None,
            "tiers": base_tier.tier_rows(result) if result else [],
            "carry": CarryTierForm(initial={"tier": result.tier}) if result and indicator else None,
        },
    )


@require_POST
def carry_tier(request):
    """ "带入自测": the helper's tier becomes the answer to the wizard's base-tier question."""
    ruleset = _ruleset_or_404()
    form = CarryTierForm(data=request.POST)
    indicator = ruleset.indicator("si_base_tier")
    if not form.is_valid() or indicator is None or indicator.option(form.cleaned_data["tier"]) is None:
        return redirect("calculator:base")
    stored = _stored(request)
    insurance = {**stored.get("insurance", {}), "si_base_tier": form.cleaned_data["tier"]}
    request.session[SESSION_KEY] = {**stored, "insurance": insurance}
    request.session[CARRIED_KEY] = form.cleaned_data["tier"]
    return redirect("calculator:step", slug="insurance")
