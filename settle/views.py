"""The 居转户 self-check page. The judging is settle/rules.py; the conditions come from settle/conditions.py.

The form is posted rather than put in the address: its answers (a bad record, for one) should not end up
in browser history or server logs.
"""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from calculator.models import Assessment
from calculator.results import is_token
from permitsite import stamps
from settle import rules
from settle.conditions import CONDITIONS, settle_rules
from settle.forms import SettleForm


@require_http_methods(["GET", "HEAD", "POST"])
def check(request):
    conditions = settle_rules()
    result, prefilled = None, False
    if request.method == "POST":
        form = SettleForm(conditions, request.POST)
        if form.is_valid():
            result = rules.check(conditions, form.answers(), timezone.localdate())
    else:
        initial = _from_self_test(request.GET.get("result", ""))
        prefilled = bool(initial)
        form = SettleForm(conditions, initial=initial)
    return render(
        request,
        "settle/check.html",
        {
            "form": form,
            # The empty form is the same for everyone: rendered once per process under the conditions' stamp.
            "shared_form_key": None if form.is_bound or prefilled else stamps.current(CONDITIONS),
            "result": result,
            "prefilled": prefilled,
            "conditions": [c for c in conditions.conditions if c.active and c.kind != rules.NOTE],
            "notes": {c.key: c for c in conditions.conditions if c.active and c.kind == rules.NOTE},
        },
    )


def _from_self_test(token: str) -> dict:
    """What the person's own 积分 self-test already says: their title and years of social insurance."""
    assessment = Assessment.objects.filter(token=token).only("answers").first() if is_token(token) else None
    if assessment is None:
        return {}
    answers = assessment.answers
    initial = {}
    if answers.get("title_skill") in rules.TITLE_CODES:
        initial["title"] = answers["title_skill"]
    if isinstance(answers.get("social_insurance_years"), int):
        initial["si_years"] = answers["social_insurance_years"]
    return initial
