"""Admin for editors, reading like the rules: a ruleset's overview (every indicator with its values,
source and review date, each linking to its own page), one page per indicator with its options or bands
inline, the difference between a draft and the ruleset in force, a preview against sample profiles,
publishing that re-scores the golden cases, wage periods, and a history that records each changed value."""

import datetime

from crispy_forms.helper import FormHelper
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

from calculator import engine, review, rulesets
from calculator.forms import STEPS, step_of
from calculator.models import (
    Assessment,
    Band,
    GoldenCase,
    Indicator,
    IndicatorGroup,
    Option,
    PlanIndicator,
    PlanOption,
    RuleSet,
    WagePeriod,
    copy_as_draft,
)
from calculator.samples import SAMPLE_PROFILES
from permitsite.admin_review import CheckedFilter, ShowsChecks, review_status

# The values each way of scoring uses; an indicator's page shows only its own kind's.
KIND_FIELDS = {
    engine.CHOICE: (),
    engine.FLAG: ("points",),
    engine.PER_UNIT: ("unit", "unit_size", "points_per_unit", "start_at", "cap", "min_value", "max_value"),
    engine.BANDED: ("unit", "min_value", "max_value"),
    engine.DEDUCTION_PER_COUNT: ("unit", "points_per_unit", "cap", "min_value", "max_value"),
    engine.VETO_FLAG: (),
    engine.CONDITION: (),
}
ALL_VALUE_FIELDS = (
    "points", "unit", "unit_size", "points_per_unit", "start_at", "cap", "min_value", "max_value",
)  # fmt: skip
CATEGORY_TITLES = dict(Indicator.Category.choices)
SAVES_AT_ONCE = (
    "这个规则集已经发布：在这里保存的修改立即生效，所有人的下一次自测和接口调用都会用新的值。"
    "只纠正错字或明显的录入错误时可以直接改；政策变了，请先“复制为新草稿”，改好、预览、核对后再发布。"
)
# Said once the ruleset has scored (RuleSet.has_scored): before its first day its parts may still be deleted.
KEEPS_CODES = (
    "已保存的自测答案和调用接口的程序按指标和选项的代码作答，所以这里不能删除指标或选项："
    "不再计分的指标请取消“启用”。"
)


def saves_at_once(ruleset) -> str:
    """The warning a published ruleset's pages carry; "" for a draft."""
    if ruleset is None or not ruleset.is_published:
        return ""
    return SAVES_AT_ONCE + (KEEPS_CODES if ruleset.has_scored else "")


def editor_name(user) -> str:
    return user.get_full_name() or user.get_username()


def shown(value) -> str:
    if value is None or value == "":
        return "空"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _where_asked(indicator: Indicator) -> dict | None:
    """The self-test step that asks this indicator, when its ruleset is the one in force and it is on."""
    in_force = rulesets.ruleset_in_force()
    if in_force is None or in_force.version != indicator.ruleset.version or not indicator.active:
        return None
    slug = step_of(rulesets.indicator_to_engine(indicator))
    number, step = next((n, s) for n, s in enumerate(STEPS, start=1) if s.slug == slug)
    return {"url": reverse("calculator:step", args=[slug]), "number": number, "title": step.title}


class IndicatorOfRulesetFilter(admin.RelatedOnlyFieldListFilter):
    """Indicators named with their ruleset: after 复制为新草稿 every indicator exists twice, and an editor
    must see which one is the published rules."""

    def field_choices(self, field, request, model_admin):
        used = model_admin.get_queryset(request).values_list(f"{self.field_path}__pk", flat=True)
        indicators = (
            Indicator.objects.filter(pk__in=used)
            .select_related("ruleset")
            .order_by("ruleset__version", "order", "id")
        )
        return [(indicator.pk, f"{indicator}（{indicator.ruleset.version}）") for indicator in indicators]


class KeepsPublishedCodes:
    """No deleting an indicator or option of a ruleset that scores today or scored before: saved self-tests
    and API callers answer by its codes, and a deletion breaks them as a rename would
    (rulesets.renamed_code_problem). A published ruleset that has not started yet can still be deleted whole
    (RuleSetAdmin), which deletes its indicators with it. For an inline, `obj` is the options' indicator;
    the bulk delete action asks this for every row too."""

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.ruleset.has_scored:
            return False
        return super().has_delete_permission(request, obj)


class MarksReviewed(ShowsChecks):
    """The 核对 column and an action that marks rows with verified_on / verified_by checked today."""

    @admin.action(description="标记为今天已对照原文核对", permissions=["change"])
    def mark_verified(self, request, queryset):
        today, name = timezone.localdate(), editor_name(request.user)
        count = 0
        for obj in queryset:
            obj.verified_on, obj.verified_by = today, name
            obj.save(update_fields=["verified_on", "verified_by"])  # a save, so every process reloads
            self.log_change(request, obj, f"核对日期：{today}（{name}）")
            count += 1
        messages.success(request, f"已将 {count} 项标记为今天核对。")


def fill_reviewer(request, obj):
    """A review date entered without a name is the current editor's."""
    if getattr(obj, "verified_on", None) and not obj.verified_by:
        obj.verified_by = editor_name(request.user)


# --- a ruleset: settings, groups and golden cases; its indicators on their own pages --------------------


class GroupInline(admin.TabularInline):
    model = IndicatorGroup
    extra = 0


class GoldenCaseForm(forms.ModelForm):
    class Meta:
        model = GoldenCase
        fields = ("description", "answers", "expected_total")
        widgets = {"answers": forms.Textarea(attrs={"rows": 2, "cols": 60})}

    def clean_answers(self):
        answers = self.cleaned_data["answers"]
        if not isinstance(answers, dict):
            raise ValidationError('请填写一个 JSON 对象，例如 {"age": 30, "education": "master"}。')
        ruleset = getattr(self, "ruleset", None)
        if ruleset is not None:
            try:
                engine.parse_answers(ruleset, answers)
            except engine.InvalidAnswers as invalid:
                raise ValidationError(
                    [f"{key}：{'、'.join(errors)}" for key, errors in invalid.errors.items()]
                ) from None
        return answers


class GoldenCaseInline(admin.TabularInline):
    model = GoldenCase
    form = GoldenCaseForm
    extra = 0
    fields = ("description", "answers", "expected_total", "total_now")
    readonly_fields = ("total_now",)

    def get_formset(self, request, obj=None, **kwargs):
        self.candidate = None
        if obj is not None:
            self.candidate = rulesets.to_engine(rulesets.with_rules(RuleSet.objects.filter(pk=obj.pk)).get())
        formset = super().get_formset(request, obj, **kwargs)
        candidate = self.candidate

        class Checked(formset.form):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, **form_kwargs)
                self.ruleset = candidate

        formset.form = Checked
        return formset

    @admin.display(description="按本规则集现在算")
    def total_now(self, obj):
        if obj.pk is None or self.candidate is None:
            return "—"
        try:
            total = engine.score(self.candidate, engine.parse_answers(self.candidate, obj.answers)).total
        except engine.InvalidAnswers:
            return "答案不适用于这个规则集"
        if total == obj.expected_total:
            return f"{total} 分，一致"
        return format_html('<strong class="review-missing">{} 分，与预期不同</strong>', total)


class RuleSetForm(forms.ModelForm):
    def clean_effective_from(self):
        effective_from = self.cleaned_data["effective_from"]
        if problem := rulesets.effective_date_problem(self.instance, effective_from):
            raise ValidationError(problem)
        return effective_from


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    form = RuleSetForm
    list_display = (
        "version", "name", "effective_from", "valid_until", "status", "in_force_today", "overview_link",
        "updated_at",
    )  # fmt: skip
    list_filter = ("status",)
    search_fields = ("version", "name")
    readonly_fields = ("status", "published_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("version", "name", "effective_from", "threshold", "floor")}),
        ("有效期", {"fields": ("valid_until", "valid_until_basis")}),
        (None, {"fields": ("notes", *readonly_fields)}),
    )
    inlines = (GroupInline, GoldenCaseInline)
    actions = ("copy_as_draft_action",)
    change_form_template = "admin/calculator/ruleset/change_form.html"

    class Media:
        css = {"all": ("css/rules-admin.css",)}

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        # Bulk delete would bypass the per-ruleset check below.
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        # A ruleset that scores today or scored in the past stays: as_of results must stay reproducible.
        # One published without a date, or for a day still ahead, never scored, so nothing depends on it.
        if obj is not None and obj.has_scored:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description="今天生效")
    def in_force_today(self, obj):
        in_force = rulesets.ruleset_in_force()
        return "✔ 正在使用" if in_force and in_force.version == obj.version else ""

    @admin.display(description="规则")
    def overview_link(self, obj):
        return format_html(
            '<a href="{}">概览</a>', reverse("admin:calculator_ruleset_overview", args=[obj.pk])
        )

    def get_urls(self):
        def view(name, function):
            return path(
                f"<int:pk>/{name}/", self.admin_site.admin_view(function), name=f"calculator_ruleset_{name}"
            )

        own = [
            view("overview", self.overview_view),
            view("diff", self.diff_view),
            view("preview", self.preview_view),
            view("publish", self.publish_view),
            view("copy", self.copy_view),
        ]
        return own + super().get_urls()

    def _page(self, request, ruleset, title, template, **context):
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": RuleSet._meta,
                "original": ruleset,
                "title": title,
                "saves_at_once": saves_at_once(ruleset),
                "can_publish": self.has_publish_permission(request) and not ruleset.is_published,
                "can_change": self.has_change_permission(request, ruleset),
                "has_add_permission": self.has_add_permission(request),
                **context,
            },
        )

    def _get_viewable(self, request, pk):
        ruleset = get_object_or_404(rulesets.with_rules(RuleSet.objects.all()), pk=pk)
        if not self.has_view_permission(request, ruleset):
            raise PermissionDenied
        return ruleset

    # --- the overview: the ruleset as RULES.md reads ----------------------------------------------------

    def overview_view(self, request, pk):
        ruleset = self._get_viewable(request, pk)
        today = timezone.localdate()
        conditions = {}
        rows = []
        for indicator in ruleset.indicators.all():
            as_engine = rulesets.indicator_to_engine(indicator)
            for option in indicator.options.all():
                if option.requires:
                    conditions.setdefault(option.requires, []).append(f"{indicator.label} › {option.label}")
            rows.append(
                {
                    "indicator": indicator,
                    "summary": review.value_summary(as_engine),
                    "review": review_status(indicator.verified_on, today),
                    "options": [
                        {"option": o, "review": review_status(o.verified_on, today) if o.verified_on else ""}
                        for o in indicator.options.all()
                    ],
                }
            )
        for row in rows:
            row["gates"] = conditions.get(row["indicator"].key, [])
        sections = [
            {"title": title, "rows": [r for r in rows if r["indicator"].category == category]}
            for category, title in CATEGORY_TITLES.items()
        ]
        in_force = rulesets.ruleset_in_force()
        return self._page(
            request,
            ruleset,
            f"“{ruleset.version}”规则概览",
            "admin/calculator/ruleset/overview.html",
            sections=sections,
            groups=ruleset.groups.all(),
            golden_count=ruleset.golden_cases.count(),
            is_in_force=in_force is not None and in_force.version == ruleset.version,
            add_indicator_url=reverse("admin:calculator_indicator_add") + f"?ruleset={ruleset.pk}",
        )

    # --- the difference between this ruleset and the one in force ----------------------------------------

    def diff_view(self, request, pk):
        ruleset = self._get_viewable(request, pk)
        in_force = rulesets.ruleset_in_force()
        indicators = {i.key: i.pk for i in ruleset.indicators.all()}
        rows = []
        if in_force is not None and in_force.version != ruleset.version:
            for difference in review.differences(in_force, rulesets.to_engine(ruleset)):
                rows.append(
                    {
                        "difference": difference,
                        "old": _shown_value(difference.field, difference.old),
                        "new": _shown_value(difference.field, difference.new),
                        "edit_pk": indicators.get(difference.indicator_key),
                    }
                )
        return self._page(
            request,
            ruleset,
            f"“{ruleset.version}”与正在使用的规则集对比",
            "admin/calculator/ruleset/diff.html",
            in_force=in_force,
            rows=rows,
        )

    # --- copy, publish, preview -------------------------------------------------------------------------

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
        """GET: what publishing would do (problems, golden-case differences to confirm, values not
        reviewed in twelve months). POST: publish once nothing stops it."""
        if not self.has_publish_permission(request):
            raise PermissionDenied
        ruleset = get_object_or_404(RuleSet, pk=pk)
        if ruleset.is_published:
            messages.info(request, f"“{ruleset.version}”已经发布。")
            return redirect(reverse("admin:calculator_ruleset_change", args=[ruleset.pk]))
        golden = rulesets.golden_case_differences(ruleset)
        confirm = GoldenConfirmForm(golden, data=request.POST if request.method == "POST" else None)
        refused = []
        if request.method == "POST":
            confirmed = confirm.confirmed() if confirm.is_valid() else []
            refused = rulesets.publish(ruleset, confirmed_cases=confirmed)
            if not refused:
                for row, difference in golden:
                    self.log_change(
                        request,
                        ruleset,
                        f"核对样例“{row.description}”的预期总分："
                        f"{row.expected_total} → {difference.actual}（发布时确认）",
                    )
                self.log_change(request, ruleset, f"发布，{ruleset.effective_from} 起生效")
                messages.success(request, f"已发布“{ruleset.version}”，{ruleset.effective_from} 起生效。")
                return redirect(reverse("admin:calculator_ruleset_change", args=[ruleset.pk]))
        fresh = rulesets.with_rules(RuleSet.objects.filter(pk=ruleset.pk)).get()
        return self._page(
            request,
            ruleset,
            f"发布“{ruleset.version}”",
            "admin/calculator/ruleset/publish.html",
            refused=refused,
            problems=rulesets.publication_problems(ruleset),
            golden=golden,
            confirm=confirm,
            unverified=review.unverified_values(rulesets.to_engine(fresh), timezone.localdate()),
        )

    def preview_view(self, request, pk):
        ruleset = self._get_viewable(request, pk)
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
        return self._page(
            request,
            ruleset,
            f"预览“{ruleset.version}”",
            "admin/calculator/ruleset/preview.html",
            in_force=in_force,
            rows=rows,
            problems=rulesets.publication_problems(ruleset) if not ruleset.is_published else [],
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["can_publish"] = (
            obj is not None and not obj.is_published and self.has_publish_permission(request)
        )
        context["saves_at_once"] = saves_at_once(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_change(self, request, obj):
        if "_continue" in request.POST or "_addanother" in request.POST or "_saveasnew" in request.POST:
            return super().response_change(request, obj)
        messages.success(request, f"已保存“{obj}”。")
        return redirect(reverse("admin:calculator_ruleset_overview", args=[obj.pk]))

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


class GoldenConfirmForm(forms.Form):
    """One tick per golden case whose total changed: the editor confirms each new total before publishing.

    Nothing posted is a total: the server scores every case again on each request, and a tick's name
    carries the total it was shown with ("case_<id>_<total>"), so a tick given before the rules changed
    again matches no field and confirms nothing."""

    def __init__(self, golden, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page's own form also holds the publish button
        for row, difference in golden:
            if difference.actual is None:
                continue
            self.fields[f"case_{row.pk}_{difference.actual}"] = forms.BooleanField(
                label=f"“{row.description}”：{row.expected_total} 分 → {difference.actual} 分，以新总分为准",
                required=False,
            )

    def confirmed(self) -> list[int]:
        return [int(name.split("_")[1]) for name, ticked in self.cleaned_data.items() if ticked]


def _shown_value(field: str, value) -> str:
    if field == "类别":
        return CATEGORY_TITLES.get(value, shown(value))
    if field == "计算方式":
        return dict(Indicator.Kind.choices).get(value, shown(value))
    return shown(value)


# --- one page per indicator, with its own options or bands ---------------------------------------------


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = (
            "ruleset", "order", "key", "label", "category", "kind", "active", "group", *ALL_VALUE_FIELDS,
            "help_text", "basis", "verified_on", "verified_by",
        )  # fmt: skip
        widgets = {
            "help_text": forms.Textarea(attrs={"rows": 2}),
            "basis": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_key(self):
        key = self.cleaned_data["key"]
        # Until the form is valid the instance holds the stored key.
        if self.instance.pk and (
            problem := rulesets.renamed_code_problem(
                self.instance.ruleset, "答案代码", self.instance.key, key
            )
        ):
            raise ValidationError(problem)
        return key

    def clean(self):
        cleaned = super().clean()
        ruleset = cleaned.get("ruleset") or getattr(self.instance, "ruleset", None)
        key = cleaned.get("key", self.instance.key)
        switched_off = "active" in cleaned and not cleaned["active"]
        if ruleset is not None and ruleset.is_published and key in engine.REQUIRED_KEYS and switched_off:
            raise ValidationError(f"已发布的规则集必须保留并启用这些指标：{key}。")
        return cleaned


class OptionForm(forms.ModelForm):
    def clean_code(self):
        code = self.cleaned_data["code"]
        # Until the form is valid the instance holds the stored code.
        if self.instance.pk and (
            problem := rulesets.renamed_code_problem(
                self.instance.ruleset, "选项代码", self.instance.code, code
            )
        ):
            raise ValidationError(problem)
        return code


class OptionInline(KeepsPublishedCodes, admin.TabularInline):
    model = Option
    form = OptionForm
    fk_name = "indicator"
    extra = 0
    fields = ("order", "code", "label", "points", "requires", "basis", "verified_on", "verified_by")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, db_models.TextField):
            kwargs["widget"] = forms.Textarea(attrs={"rows": 1, "cols": 24})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class BandFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        bands = tuple(
            engine.Band(f.cleaned_data["low"], f.cleaned_data["high"], f.cleaned_data["points"])
            for f in self.forms
            if f.cleaned_data and not self._should_delete_form(f)
        )
        indicator = self.instance
        problems = engine.band_problems(
            engine.Indicator(
                key=indicator.key,
                label=indicator.label,
                category=indicator.category,
                kind=indicator.kind,
                bands=bands,
                min_value=indicator.min_value,
                max_value=indicator.max_value,
            )
        )
        if problems:
            raise ValidationError(problems)


class BandInline(admin.TabularInline):
    model = Band
    fk_name = "indicator"
    formset = BandFormSet
    extra = 0
    fields = ("low", "high", "points", "notice")


@admin.register(Indicator)
class IndicatorAdmin(KeepsPublishedCodes, MarksReviewed, admin.ModelAdmin):
    form = IndicatorForm
    list_display = ("label", "key", "ruleset", "category", "kind", "value", "active", "verified")
    list_filter = (("ruleset", admin.RelatedOnlyFieldListFilter), "category", "kind", "active", CheckedFilter)
    list_select_related = ("ruleset", "group")
    search_fields = ("label", "key")
    ordering = ("ruleset", "order", "id")
    actions = ("mark_verified",)
    change_form_template = "admin/calculator/indicator/change_form.html"

    class Media:
        css = {"all": ("css/rules-admin.css",)}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("options", "bands")

    @admin.display(description="分值")
    def value(self, obj):
        return review.value_summary(rulesets.indicator_to_engine(obj))

    def get_fieldsets(self, request, obj=None):
        values = ALL_VALUE_FIELDS if obj is None else KIND_FIELDS.get(obj.kind, ())
        fieldsets = [
            (None, {"fields": ("ruleset", "order", "key", "label", "category", "kind", "active", "group")})
        ]
        if values:
            description = "" if obj else "保存后，这里只显示所选计算方式用到的值。"
            fieldsets.append(("计分", {"fields": values, "description": description}))
        fieldsets.append(
            ("问卷说明、依据与核对", {"fields": ("help_text", "basis", "verified_on", "verified_by")})
        )
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return ("ruleset",) if obj is not None else ()

    def get_inlines(self, request, obj):
        if obj is None:
            return ()
        return {engine.CHOICE: (OptionInline,), engine.BANDED: (BandInline,)}.get(obj.kind, ())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "group":
            ruleset_pk = request.GET.get("ruleset") or getattr(self._editing(request), "ruleset_id", None)
            kwargs["queryset"] = IndicatorGroup.objects.filter(ruleset_id=ruleset_pk or 0)
            kwargs["empty_label"] = "不属于任何取高组"
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _editing(self, request):
        match = request.resolver_match
        object_id = match.kwargs.get("object_id") if match else None
        return Indicator.objects.filter(pk=object_id).first() if object_id and object_id.isdigit() else None

    def save_model(self, request, obj, form, change):
        fill_reviewer(request, obj)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for child in formset.save(commit=False):
            child.ruleset = form.instance.ruleset  # kept on options and bands for whole-ruleset queries
            fill_reviewer(request, child)
            child.save()
        for deleted in formset.deleted_objects:
            deleted.delete()
        formset.save_m2m()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        ruleset = obj.ruleset if obj else RuleSet.objects.filter(pk=request.GET.get("ruleset") or 0).first()
        context["ruleset"] = ruleset
        context["saves_at_once"] = saves_at_once(ruleset)
        context["on_site"] = _where_asked(obj) if obj is not None else None
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _back_to_overview(self, request, obj, default):
        if "_continue" in request.POST or "_addanother" in request.POST:
            return default
        url = reverse("admin:calculator_ruleset_overview", args=[obj.ruleset_id])
        return redirect(f"{url}#indicator-{obj.key}")

    def response_change(self, request, obj):
        return self._back_to_overview(request, obj, super().response_change(request, obj))

    def response_add(self, request, obj, post_url_continue=None):
        return self._back_to_overview(request, obj, super().response_add(request, obj, post_url_continue))

    def construct_change_message(self, request, form, formsets, add=False):
        if add:
            return super().construct_change_message(request, form, formsets, add)
        return "；".join(_describe_changes(form, formsets)) or "未修改任何值"

    def log_change(self, request, obj, message):
        # The ruleset's history lists every value changed in it, whichever page it was changed on.
        entry = super().log_change(request, obj, message)
        if isinstance(message, str) and message:
            super().log_change(request, obj.ruleset, f"指标“{obj}”的{message}")
        return entry

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        super().log_change(request, obj.ruleset, f"新增指标“{obj}”")
        return entry

    def log_deletions(self, request, queryset):
        for obj in queryset:
            super().log_change(request, obj.ruleset, f"删除指标“{obj}”")
        return super().log_deletions(request, queryset)


@admin.register(Option)
class OptionAdmin(KeepsPublishedCodes, MarksReviewed, admin.ModelAdmin):
    """Every option at a glance with its review date; options are added on their indicator's page."""

    form = OptionForm
    list_display = ("label", "code", "indicator", "points", "requires", "verified")
    list_filter = (
        ("ruleset", admin.RelatedOnlyFieldListFilter),
        ("indicator", IndicatorOfRulesetFilter),
        CheckedFilter,
    )
    list_select_related = ("indicator", "ruleset")
    search_fields = ("label", "code", "indicator__label")
    fields = (
        "indicator",
        "order",
        "code",
        "label",
        "points",
        "requires",
        "basis",
        "verified_on",
        "verified_by",
    )
    readonly_fields = ("indicator",)
    actions = ("mark_verified",)

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        fill_reviewer(request, obj)
        super().save_model(request, obj, form, change)


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
    return f"{field.label}：{shown(old)} → {shown(form.cleaned_data.get(name))}"


# --- wage periods ----------------------------------------------------------------------------------------


@admin.register(WagePeriod)
class WagePeriodAdmin(MarksReviewed, admin.ModelAdmin):
    list_display = ("__str__", "monthly_average", "base_floor", "base_ceiling", "verified", "updated_at")
    list_filter = (CheckedFilter,)
    fields = (
        "period_from", "period_to", "monthly_average", "base_floor", "base_ceiling", "source", "source_url",
        "verified_on", "verified_by",
    )  # fmt: skip
    actions = ("mark_verified",)
    change_form_template = "admin/calculator/wageperiod/change_form.html"

    class Media:
        css = {"all": ("css/rules-admin.css",)}

    def save_model(self, request, obj, form, change):
        fill_reviewer(request, obj)
        super().save_model(request, obj, form, change)


# --- anonymous self-test records ---------------------------------------------------------------------


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Anonymous self-test records as counts: a list of totals with a weekly summary above it.

    A record's answers (detention, crime: sensitive, /privacy/#sensitive) are shown to nobody here, nor its
    result page: only a consultant sees them, through a consultation the person attached them to."""

    list_display = ("created_at", "total", "reaches_threshold", "ruleset_version")
    list_display_links = None
    list_filter = ("reaches_threshold", "ruleset_version", "created_at")
    date_hierarchy = "created_at"
    change_list_template = "admin/calculator/assessment/change_list.html"
    weeks_shown = 12

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return obj is None and super().has_view_permission(request)

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
