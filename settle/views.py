"""The 居转户 self-check page. The judging is settle/rules.py; the conditions come from settle/conditions.py.

The form is posted rather than put in the address: its answers (a bad record, for one) should not end up
in browser history or server logs.
"""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from permitsite import stamps
from permitsite.shared_pages import shared_but_for
from settle import rules
from settle.conditions import CONDITIONS, settle_rules
from settle.forms import SettleForm
from settle.selftest import answers_from_self_test


@never_cache  # the verdict and the prefilled answers are the visitor's own
@require_http_methods(["GET", "HEAD", "POST"])
def check(request):
    conditions = settle_rules()

    def page(form, result=None):
        context = {
            "form": form,
            "result": result,
            "prefilled": bool(form.initial),
            "conditions": [c for c in conditions.conditions if c.active and c.kind != rules.NOTE],
            "notes": {c.key: c for c in conditions.conditions if c.active and c.kind == rules.NOTE},
        }
        return render(request, "settle/check.html", context)

    if request.method == "POST":
        form = SettleForm(conditions, request.POST)
        if form.is_valid():
            return page(form, rules.check(conditions, form.answers(), timezone.localdate()))
        return page(form)
    initial = answers_from_self_test(request.GET.get("result", ""))
    if initial:
        return page(SettleForm(conditions, initial=initial))
    # The empty form is the same for everyone, under the conditions' stamp.
    shown = (stamps.current(CONDITIONS), timezone.localdate())
    return shared_but_for(request, lambda: page(SettleForm(conditions)), *shown)
