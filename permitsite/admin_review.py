"""The 核对 column and filter for every fact editors keep with a check date (calculator, settle, schooling):
one look everywhere, so a fact 待核实 or checked over twelve months ago stands out on whichever list an editor
opens."""

import datetime

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html

from calculator.review import review_cutoff


def review_status(verified_on: datetime.date | None, today: datetime.date) -> str:
    """ "recent", "old" (over twelve months) or "missing" (待核实)."""
    if verified_on is None:
        return "missing"
    return "recent" if verified_on >= review_cutoff(today) else "old"


def checked_cell(verified_on: datetime.date | None, verified_by: str = ""):
    """A check as the lists show it; rules-admin.css colours the missing and the old ones."""
    if verified_on is None:
        return format_html('<strong class="review-missing">{}</strong>', "待核实")
    css = "review-old" if review_status(verified_on, timezone.localdate()) == "old" else ""
    return format_html(
        '<span class="{}">{}{}</span>', css, verified_on, f"（{verified_by}）" if verified_by else ""
    )


class CheckedFilter(admin.SimpleListFilter):
    """What an editor checks next: facts 待核实, checked over twelve months ago, or checked since."""

    title = "核对"
    parameter_name = "checked"

    def lookups(self, request, model_admin):
        return [("missing", "待核实"), ("old", "超过 12 个月"), ("recent", "12 个月内核对过")]

    def queryset(self, request, queryset):
        cutoff = review_cutoff(timezone.localdate())
        return {
            "missing": lambda: queryset.filter(verified_on__isnull=True),
            "old": lambda: queryset.filter(verified_on__lt=cutoff),
            "recent": lambda: queryset.filter(verified_on__gte=cutoff),
        }.get(self.value(), lambda: queryset)()


class ShowsChecks:
    """For an admin of rows with verified_on (and perhaps verified_by): the "verified" column and the
    stylesheet that colours it."""

    class Media:
        css = {"all": ("css/rules-admin.css",)}

    @admin.display(description="核对", ordering="verified_on")
    def verified(self, obj):
        return checked_cell(obj.verified_on, getattr(obj, "verified_by", ""))
