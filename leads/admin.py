"""Consultants' workflow: a masked list, status, assignment, due-by, notes; reveal and export are logged."""

import csv
import unicodedata
from typing import ClassVar

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Q, Value, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.debug import sensitive_variables

from leads import services
from leads.models import CALL_DUE_STATUSES, Lead, LeadAccessLog, Service
from leads.phones import InvalidPhone, normalize_phone, scrub
from permitsite.admin_lookups import OfferedFiltersOnly
from permitsite.admin_site import FreshCodeForm, code_is_fresh

CONSULTANT_GROUP = "顾问"
# A cell that starts with one of these is a formula to Excel and WPS (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The masked number already shows the last four digits; searching by more would confirm hidden ones.
VISIBLE_TRAILING_DIGITS = 4
LONG_SEARCH_REFUSED = "按手机号搜索时只能输入尾号 4 位；按完整号码搜索需要“可以查看完整手机号”权限。"


class OverdueFilter(admin.SimpleListFilter):
    title = "是否逾期"
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", "已逾期（新线索或跟进中）"), ("no", "未逾期")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "yes":
            return queryset.overdue(now)
        if self.value() == "no":
            return queryset.exclude(pk__in=Lead.objects.overdue(now).values("pk"))
        return queryset


def _searched_digits(term):
    """The digits of a phone search (a full number as people type it, or trailing digits), else None."""
    try:
        return normalize_phone(term)
    except InvalidPhone:
        pass
    text = "".join(unicodedata.normalize("NFKC", term).split()).replace("-", "")
    return text if text.isascii() and text.isdigit() else None


def _local(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _csv_safe(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@admin.register(Lead)
class LeadAdmin(OfferedFiltersOnly, admin.ModelAdmin):
    list_display = (
        "name",
        "phone_masked",
        "service",
        "callback_time",
        "status",
        "assigned_to",
        "due_column",
        "created_at",
        "has_result",
    )
    list_filter = ("status", OverdueFilter, "service", ("assigned_to", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("assigned_to", "service")
    # The day's work first: leads whose next call is ours (新线索, 跟进中), soonest due first; then the rest.
    ordering = (
        Case(When(status__in=CALL_DUE_STATUSES, then=Value(0)), default=Value(1)).asc(),
        "due_by",
    )
    # Phone searches are handled in get_search_results: up to 4 trailing digits for everyone, more only with
    # the reveal permission and then logged like a reveal.
    search_fields = ("name",)
    search_help_text = "按称呼或手机号尾号 4 位搜索；有查看完整号码权限的顾问可按完整号码搜索（会被记录）"
    date_hierarchy = "created_at"
    actions = ("assign_to_me", "remove_result", "export_csv")
    fieldsets = (
        (
            "联系人",
            # A number typed into the message is masked for everyone here; the reveal page, which is logged,
            # shows the message as written.
            {
                "fields": (
                    "name",
                    "phone_with_reveal",
                    "service",
                    "callback_time",
                    "message_masked",
                    "result_link",
                )
            },
        ),
        ("跟进", {"fields": ("status", "assigned_to", "due_by", "notes")}),
        (
            "记录",
            {
                "fields": (
                    "created_at",
                    "updated_at",
                    "submissions",
                    "consent_privacy_version",
                    "consent_at",
                    "result_consent_at",
                    "recipient",
                    "recipient_consent_at",
                )
            },
        ),
    )
    readonly_fields = (
        "phone_masked",
        "phone_with_reveal",
        "callback_time",
        "message_masked",
        "result_link",
        "created_at",
        "updated_at",
        "submissions",
        "consent_privacy_version",
        "consent_at",
        "result_consent_at",
        "recipient",
        "recipient_consent_at",
    )

    class Media:
        css: ClassVar = {"all": ("css/leads-admin.css",)}

    def has_add_permission(self, request):
        # Leads come from people who consented on /consult/, never typed in by staff.
        return False

    def has_reveal_permission(self, request):
        return request.user.has_perm("leads.reveal_phone")

    def has_export_permission(self, request):
        return request.user.has_perm("leads.export_leads")

    def fresh_code_form(self, request):
        """None when the staff member's code is recent enough for a full number; otherwise the form
        asking for it again (with the error, when a wrong one was posted)."""
        if code_is_fresh(request):
            return None
        form = FreshCodeForm(request, data=request.POST if "otp_token" in request.POST else None)
        return None if form.is_valid() else form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(Q(groups__name=CONSULTANT_GROUP) | Q(is_superuser=True), is_active=True)
                .distinct()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="回电期限", ordering="due_by")
    def due_column(self, lead):
        if lead.is_overdue():
            return format_html('<span class="lead-overdue">{}（已逾期）</span>', _local(lead.due_by))
        return _local(lead.due_by)

    @admin.display(description="自测结果", boolean=True)
    def has_result(self, lead):
        return bool(lead.result_token)

    @admin.display(description="手机号")
    def phone_masked(self, lead):
        return lead.masked_phone

    @admin.display(description="手机号")
    def phone_with_reveal(self, lead):
        url = reverse("admin:leads_lead_reveal", args=[lead.pk])
        return format_html('{} <a class="button" href="{}">查看完整号码</a>', lead.masked_phone, url)

    def get_search_results(self, request, queryset, search_term):
        digits = _searched_digits(search_term)
        if digits is None:
            return super().get_search_results(request, queryset, search_term)
        if len(digits) <= VISIBLE_TRAILING_DIGITS:
            return queryset.filter(phone__endswith=digits), False
        if not self.has_reveal_permission(request):
            self.message_user(request, LONG_SEARCH_REFUSED, messages.WARNING)
            return queryset.none(), False
        found = queryset.filter(phone__endswith=digits)
        services.log_access(request.user, list(found), LeadAccessLog.Action.SEARCH)
        return found, False

    def get_fieldsets(self, request, obj=None):
        if self.has_reveal_permission(request):
            return self.fieldsets
        # Without the permission, not even a link to the reveal page.
        without_reveal = {"phone_with_reveal": "phone_masked"}
        contact_fields = tuple(without_reveal.get(name, name) for name in self.fieldsets[0][1]["fields"])
        return ((self.fieldsets[0][0], {"fields": contact_fields}), *self.fieldsets[1:])

    @admin.display(description="留言")
    def message_masked(self, lead):
        return scrub(lead.message)

    def delete_model(self, request, obj):
        # As a deletion request does: the admin's history of the lead and its attached result go with it.
        services.delete_leads(Lead.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        services.delete_leads(queryset)

    @admin.display(description="附带的自测结果")
    def result_link(self, lead):
        if not lead.result_token:
            return "未附带"
        return format_html('<a href="/jifen/result/{}/">查看自测结果</a>', lead.result_token)

    def get_urls(self):
        reveal = path(
            "<int:pk>/reveal/", self.admin_site.admin_view(self.reveal_view), name="leads_lead_reveal"
        )
        return [reveal, *super().get_urls()]

    @method_decorator(sensitive_variables())
    def reveal_view(self, request, pk):
        """GET asks for confirmation; POST shows the number and logs who saw it, so a link preview
        or a prefetch can never count as someone looking."""
        if not (self.has_view_permission(request) and self.has_reveal_permission(request)):
            raise PermissionDenied
        lead = get_object_or_404(Lead, pk=pk)
        code_form = self.fresh_code_form(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "lead": lead,
            "title": f"查看完整号码：{lead}",
            "revealed": None,
            "code_form": code_form,
        }
        if request.method == "POST" and code_form is None:
            services.log_access(request.user, [lead], LeadAccessLog.Action.REVEAL)
            context["revealed"] = lead.phone
            context["message_as_written"] = lead.message if scrub(lead.message) != lead.message else ""
        response = TemplateResponse(request, "admin/leads/lead/reveal.html", context)
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description="分配给我", permissions=["change"])
    def assign_to_me(self, request, queryset):
        # A lead a colleague already has stays theirs: reassigning is done on the lead's page, on purpose.
        taken = list(queryset.filter(assigned_to__isnull=True))
        for lead in taken:
            lead.assigned_to = request.user
            lead.save(update_fields=["assigned_to", "updated_at"])
            self.log_change(request, lead, [{"changed": {"fields": ["负责顾问"]}}])
        skipped = queryset.exclude(assigned_to=request.user).count()  # what is taken is the user's now
        message = f"已把 {len(taken)} 条线索分配给您。"
        if skipped:
            message += (
                f"另有 {skipped} 条已由其他顾问负责，没有改动；需要转交的，请在线索页面修改“负责顾问”。"
            )
        self.message_user(request, message, messages.WARNING if skipped else messages.SUCCESS)

    @admin.action(description="去掉附带的自测结果（本人撤回这项同意时）", permissions=["change"])
    def remove_result(self, request, queryset):
        leads = list(queryset.exclude(result_token=""))
        for lead in leads:
            lead.result_token, lead.result_consent_at = "", None
            lead.save(update_fields=["result_token", "result_consent_at", "updated_at"])
            self.log_change(request, lead, [{"changed": {"fields": ["附带的自测结果"]}}])
        self.message_user(request, f"已从 {len(leads)} 条线索中去掉附带的自测结果。", messages.SUCCESS)

    @admin.action(description="导出所选线索为 CSV（含完整手机号，会被记录）", permissions=["export"])
    @method_decorator(sensitive_variables())
    def export_csv(self, request, queryset):
        code_form = self.fresh_code_form(request)
        if code_form is not None:
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": "导出线索：请先输入动态验证码",
                "leads": queryset,
                "code_form": code_form,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/leads/lead/export_code.html", context)
        leads = list(queryset.select_related("assigned_to", "service").order_by("created_at"))
        services.log_access(request.user, leads, LeadAccessLog.Action.EXPORT)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="leads-{stamp}.csv"'
        response["Cache-Control"] = "no-store"
        response.write("\ufeff")  # so Excel and WPS open UTF-8 Chinese correctly
        writer = csv.writer(response)
        writer.writerow(
            [
                "编号",
                "称呼",
                "手机号",
                "服务",
                "状态",
                "负责顾问",
                "提交时间",
                "回电期限",
                "留言",
                "跟进记录",
                "自测结果",
                "希望回电",
            ]
        )
        for lead in leads:
            writer.writerow(
                [
                    lead.pk,
                    _csv_safe(lead.name),
                    lead.phone,
                    lead.service.name,
                    lead.get_status_display(),
                    lead.assigned_to.get_username() if lead.assigned_to else "",
                    _local(lead.created_at),
                    _local(lead.due_by),
                    _csv_safe(lead.message),
                    _csv_safe(lead.notes),
                    f"/jifen/result/{lead.result_token}/" if lead.result_token else "",
                    lead.get_callback_time_display(),
                ]
            )
        return response


@admin.register(LeadAccessLog)
class LeadAccessLogAdmin(OfferedFiltersOnly, admin.ModelAdmin):
    list_display = ("at", "username", "action", "lead_number")
    list_filter = ("action", "username")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    """Editors list only the consultations the operator really provides, each with what it costs."""

    list_display = ("name", "fee", "is_offered", "position", "slug")
    list_editable = ("is_offered", "position")
    ordering = ("position", "pk")

    def get_readonly_fields(self, request, obj=None):
        # Links such as /consult/?service=renewal rely on the code, so it is fixed once chosen.
        return ("slug",) if obj is not None else ()
