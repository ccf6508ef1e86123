"""Admin for editors: a ruleset with its groups, indicators, options and bands on one page, in
questionnaire order; copy as draft, preview against sample profiles, publish with checks, and a
history that records each changed value."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models as db_models
from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from calculator import engine, rulesets
from calculator.models import (
    Assessment,
    Band,
    Indicator,
    IndicatorGroup,
    Option,
    PlanIndicator,
    PlanOption,
    RuleSet,
    copy_as_draft,
)
from calculator.samples import SAMPLE_PROFILES


class _RulesetChildInline(admin.TabularInline):
    extra = 0
    # Limits the indicator/group pickers to this ruleset (and to the indicator kinds that fit).
    indicator_kinds: tuple[str, ...] = ()

    def get_formset(self, request, obj=None, **kwargs):
        self.parent_ruleset = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        model = {"indicator": Indicator, "group": IndicatorGroup}.get(db_field.name)
        if model is not None:
            queryset = (
                model.objects.filter(ruleset=self.parent_ruleset)
                if self.parent_ruleset
                else model.objects.none()
            )
            if model is Indicator and self.indicator_kinds:
                queryset = queryset.filter(kind__in=self.indicator_kinds)
            kwargs["queryset"] = queryset
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class GroupInline(_RulesetChildInline):
    model = IndicatorGroup


class IndicatorFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if not self.instance.is_published:
            return
        kept = [f.cleaned_data for f in self.forms if f.cleaned_data and not self._should_delete_form(f)]
        active = {d["key"] for d in kept if d.get("active")}
        missing = [key for key in engine.REQUIRED_KEYS if key not in active]
        if missing:
            raise ValidationError(f"已发布的规则集必须保留并启用这些指标：{'、'.join(missing)}。")


class IndicatorInline(_RulesetChildInline):
    model = Indicator
    formset = IndicatorFormSet
    fields = (
        "order", "key", "label", "category", "kind", "active", "group", "points", "unit_size",
        "points_per_unit", "start_at", "cap", "min_value", "max_value", "unit", "help_text", "basis",
    )  # fmt: skip

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, db_models.TextField):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 24})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class OptionInline(_RulesetChildInline):
    model = Option
    fk_name = "ruleset"
    indicator_kinds = (engine.CHOICE,)
    fields = ("indicator", "order", "code", "label", "points", "requires")


class BandFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        by_indicator = {}
        for form in self.forms:
            data = form.cleaned_data
            if data and not self._should_delete_form(form) and data.get("indicator"):
                by_indicator.setdefault(data["indicator"], []).append(
                    engine.Band(data["low"], data["high"], data["points"])
                )
        problems = []
        for indicator, bands in by_indicator.items():
            problems += engine.band_problems(
                engine.Indicator(
                    key=indicator.key,
                    label=indicator.label,
                    category=indicator.category,
                    kind=indicator.kind,
                    bands=tuple(bands),
                    min_value=indicator.min_value,
                    max_value=indicator.max_value,
                )
            )
        if problems:
            raise ValidationError(problems)


class BandInline(_RulesetChildInline):
    model = Band
    formset = BandFormSet
    fk_name = "ruleset"
    indicator_kinds = (engine.BANDED,)
    fields = ("indicator", "low", "high", "points", "notice")


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    list_display = ("version", "name", "effective_from", "status", "in_force_today", "updated_at")
    list_filter = ("status",)
    search_fields = ("version", "name")
    readonly_fields = ("status", "published_at", "updated_at")
    fields = ("version", "name", "effective_from", "threshold", "floor", "notes", *readonly_fields)
    inlines = (GroupInline, IndicatorInline, OptionInline, BandInline)
    actions = ("copy_as_draft_action",)
    change_form_template = "admin/calculator/ruleset/change_form.html"

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        # Bulk delete would bypass the per-ruleset check below.
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        # A ruleset that scores today or scored in the past stays: as_of results must stay reproducible.
        if obj is not None and obj.is_published and obj.effective_from <= timezone.localdate():
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="今天生效")
    def in_force_today(self, obj):
        in_force = rulesets.ruleset_in_force()
        return "✔ 正在使用" if in_force and in_force.version == obj.version else ""

    def get_urls(self):
        own = [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="calculator_ruleset_preview",
            ),
            path(
                "<int:pk>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="calculator_ruleset_publish",
            ),
            path(
                "<int:pk>/copy/", self.admin_site.admin_view(self.copy_view), name="calculator_ruleset_copy"
            ),
        ]
        return own + super().get_urls()

    # --- copy, publish, preview --------------------------------------------------------------------

    @admin.action(description="复制为新的草稿版本", permissions=["add"])
    def copy_as_draft_action(self, request, queryset):
        for ruleset in queryset:
            copy = self._copy(request, ruleset)
        if len(queryset) == 1:
            return redirect(reverse("admin:calculator_ruleset_change", args=[copy.pk]))
        return None

    def _copy(self, request, ruleset):
        copy = copy_as_draft(ruleset)
        self.log_addition(request, copy, f"复制自 {ruleset.version}")
        messages.success(request, f"已复制为草稿“{copy.version}”。修改后请先预览，再填写生效日期并发布。")
        return copy

    def copy_view(self, request, pk):
        if request.method != "POST" or not self.has_add_permission(request):
            raise PermissionDenied
        copy = self._copy(request, get_object_or_404(RuleSet, pk=pk))
        return redirect(reverse("admin:calculator_ruleset_change", args=[copy.pk]))

    def has_publish_permission(self, request):
        return request.user.has_perm("calculator.publish_ruleset")

    def publish_view(self, request, pk):
        if request.method != "POST" or not self.has_publish_permission(request):
            raise PermissionDenied
        ruleset = get_object_or_404(RuleSet, pk=pk)
        if ruleset.is_published:
            messages.info(request, f"“{ruleset.version}”已经发布。")
        elif problems := rulesets.publish(ruleset):
            messages.error(request, format_html("未发布，请先修改：{}", "；".join(problems)))
        else:
            self.log_change(request, ruleset, f"发布，{ruleset.effective_from} 起生效")
            messages.success(request, f"已发布“{ruleset.version}”，{ruleset.effective_from} 起生效。")
        return redirect(reverse("admin:calculator_ruleset_change", args=[ruleset.pk]))

    def preview_view(self, request, pk):
        ruleset = get_object_or_404(rulesets.with_rules(RuleSet.objects.all()), pk=pk)
        if not self.has_view_permission(request, ruleset):
            raise PermissionDenied
        candidate = rulesets.to_engine(ruleset)
        in_force = rulesets.ruleset_in_force()
        rows = []
        for description, answers in SAMPLE_PROFILES:
            mine = engine.score(candidate, engine.Answers(answers))
            current = engine.score(in_force, engine.Answers(answers)) if in_force else None
            changed = [
                (item, current.item(item.key).points if current and current.item(item.key) else None)
                for item in mine.items
                if not current or not current.item(item.key) or current.item(item.key).points != item.points
            ]
            rows.append({"description": description, "mine": mine, "current": current, "changed": changed})
        context = {
            **self.admin_site.each_context(request),
            "opts": RuleSet._meta,
            "original": ruleset,
            "title": f"预览“{ruleset.version}”",
            "in_force": in_force,
            "rows": rows,
            "problems": rulesets.publication_problems(ruleset) if not ruleset.is_published else [],
            "can_publish": self.has_publish_permission(request) and not ruleset.is_published,
        }
        return TemplateResponse(request, "admin/calculator/ruleset/preview.html", context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_publish"] = (
            obj is not None and not obj.is_published and self.has_publish_permission(request)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        ruleset = form.instance
        if ruleset.is_published and (problems := rulesets.publication_problems(ruleset)):
            messages.warning(request, "已保存，但这个已发布的规则集现在有问题：" + "；".join(problems))

    # --- history: who changed which value when ------------------------------------------------------

    def construct_change_message(self, request, form, formsets, add=False):
        if add:
            return super().construct_change_message(request, form, formsets, add)
        return "；".join(_describe_changes(form, formsets)) or "未修改任何值"


def _describe_changes(form, formsets) -> list[str]:
    changes = [_field_change(form, name) for name in form.changed_data]
    for formset in formsets:
        kind = formset.model._meta.verbose_name
        for child in formset.forms:
            if not child.has_changed():
                continue
            obj = child.instance
            if formset._should_delete_form(child):
                if child.initial:
                    changes.append(f"删除{kind}“{obj}”")
            elif not child.initial:
                changes.append(f"新增{kind}“{obj}”")
            else:
                changes += [f"{kind}“{obj}”的{_field_change(child, name)}" for name in child.changed_data]
    return changes


def _field_change(form, name) -> str:
    field = form.fields[name]
    old = form.initial.get(name)
    if isinstance(field, forms.ModelChoiceField) and old is not None:
        old = field.queryset.filter(pk=old).first()
    return f"{field.label}：{_shown(old)} → {_shown(form.cleaned_data.get(name))}"


def _shown(value) -> str:
    if value is None or value == "":
        return "空"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Anonymous self-test records, read-only, with a weekly summary above the list."""

    list_display = ("created_at", "total", "reaches_threshold", "ruleset_version", "result_link")
    list_filter = ("reaches_threshold", "ruleset_version", "created_at")
    date_hierarchy = "created_at"
    change_list_template = "admin/calculator/assessment/change_list.html"
    weeks_shown = 12

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="结果页")
    def result_link(self, obj):
        return format_html('<a href="{}">查看</a>', reverse("calculator:result", args=[obj.token]))

    def changelist_view(self, request, extra_context=None):
        since = timezone.now() - datetime.timedelta(weeks=self.weeks_shown)
        weeks = (
            Assessment.objects.filter(created_at__gte=since)
            .annotate(week=TruncWeek("created_at"))
            .values("week")
            .annotate(count=Count("id"), reached=Count("id", filter=Q(reaches_threshold=True)))
            .order_by("-week")
        )
        summary = [{**w, "share": round(100 * w["reached"] / w["count"])} for w in weeks]
        return super().changelist_view(request, {**(extra_context or {}), "weekly_summary": summary})


# --- the route finder's editor data -------------------------------------------------------------------


def _indicator_in_force(key):
    ruleset = rulesets.ruleset_in_force()
    return ruleset.indicator(key) if ruleset else None


class PlanOptionForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        indicator = _indicator_in_force(self.instance.indicator.key) if self.instance.indicator_id else None
        if indicator is not None:
            codes = {o.code for o in indicator.options}
            for name in ("code", "counted_from"):
                if cleaned.get(name) and cleaned[name] not in codes:
                    self.add_error(
                        name, f"“{indicator.label}”没有这个选项代码，可选：{'、'.join(sorted(codes))}。"
                    )
        return cleaned


class PlanOptionInline(admin.TabularInline):
    model = PlanOption
    form = PlanOptionForm
    extra = 0
    fields = ("code", "typical_months", "counted_from", "effort", "effort_note", "basis", "verified_on")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, db_models.TextField):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 2, "cols": 30})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PlanIndicatorForm(forms.ModelForm):
    def clean_key(self):
        key = self.cleaned_data["key"]
        if rulesets.ruleset_in_force() is not None and _indicator_in_force(key) is None:
            raise ValidationError("正在使用的积分规则集里没有这个答案代码，请检查拼写。")
        return key


@admin.register(PlanIndicator)
class PlanIndicatorAdmin(admin.ModelAdmin):
    """How each answer moves with time, whether it is a route, and how long each option usually takes:
    what the result page's “怎样达到 120 分” is built from. Blank means unknown (shown as 待核实)."""

    form = PlanIndicatorForm
    list_display = (
        "key",
        "indicator_label",
        "over_time",
        "lapse_years",
        "route",
        "typical_months",
        "verified_on",
    )
    list_filter = ("route", "over_time")
    search_fields = ("key", "basis")
    fieldsets = (
        (None, {"fields": ("key", "over_time", "lapse_years", "route")}),
        ("是/否项或前提条件所需的时间", {"fields": ("typical_months", "effort", "effort_note")}),
        ("来源", {"fields": ("basis", "verified_on")}),
    )
    inlines = (PlanOptionInline,)

    @admin.display(description="指标")
    def indicator_label(self, obj):
        indicator = _indicator_in_force(obj.key)
        return indicator.label if indicator else "（正在使用的规则集里没有）"
