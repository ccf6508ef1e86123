"""签注 reminders in admin: masked numbers only, nothing to type in, each subscription's sent reminders."""

from django.contrib import admin
from django.utils import timezone

from permitsite.admin_lookups import OfferedFiltersOnly
from reminders import schedule
from reminders.models import ReminderSent, Subscription


class ReminderSentInline(admin.TabularInline):
    model = ReminderSent
    fields = ("kind", "expiry", "claimed_at", "outcome")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="结果")
    def outcome(self, reminder):
        if reminder.sent_at:
            return "服务商已接收"
        # Claimed but never confirmed: the run stopped between the two, or the provider did not answer in
        # time (the text may have gone out). Either way it is not sent again.
        return "结果未知（发送中断或服务商未应答，可能已发出，不会重发）"


@admin.register(Subscription)
class SubscriptionAdmin(OfferedFiltersOnly, admin.ModelAdmin):
    list_display = ("__str__", "masked_phone", "expiry", "next_reminder", "reminders_sent", "created_at")
    date_hierarchy = "expiry"
    fields = (
        "masked_phone",
        "expiry",
        "subscribed_on",
        "next_reminder",
        "created_at",
        "updated_at",
        "consent_privacy_version",
        "consent_at",
    )
    readonly_fields = fields
    inlines = (ReminderSentInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("reminders_sent")

    def has_add_permission(self, request):
        # Only the person, with an SMS code and a tick of consent, starts reminders.
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="手机号")
    def masked_phone(self, subscription):
        return subscription.masked_phone

    @admin.display(description="下一条提醒")
    def next_reminder(self, subscription):
        today = timezone.localdate()
        sent = {
            reminder.kind
            for reminder in subscription.reminders_sent.all()
            if reminder.expiry == subscription.expiry
        }
        for reminder in schedule.upcoming_reminders(subscription.expiry, today):
            if reminder.kind not in sent:
                return f"{reminder.day:%Y-%m-%d} {schedule.KIND_LABELS[reminder.kind]}"
        return "无（提醒已全部发出）"

    @admin.display(description="已发提醒")
    def reminders_sent(self, subscription):
        return len(subscription.reminders_sent.all())
