"""Who asked for 签注 reminders by SMS, and which reminders went out.

A subscription holds the full number because we must text it; it is kept only until the last reminder's
deadline is past (services.purge), or until the person stops the reminders or asks for deletion.
"""

from django.db import models
from django.utils import timezone

from leads.phones import mask_phone
from reminders.schedule import KIND_LABELS, Kind


class Subscription(models.Model):
    phone = models.CharField("手机号", max_length=11, unique=True)
    expiry = models.DateField("居住证有效期至", db_index=True)
    # Reminders meant for an earlier day are never sent: signing up late must not bring old news.
    subscribed_on = models.DateField("从这天起的提醒才发送")
    # The bearer token of the link in every text (/r/<token>): stops the reminders or moves them to next year.
    token = models.CharField("短链接", max_length=16, unique=True)
    created_at = models.DateTimeField("订阅时间", default=timezone.now)
    updated_at = models.DateTimeField("最近更新", auto_now=True)

    # Consent evidence, as for leads. 依据: 个人信息保护法 第十四条.
    consent_privacy_version = models.CharField("同意的隐私政策版本", max_length=40)
    consent_at = models.DateTimeField("同意时间")
    consent_ip_hash = models.CharField("IP 摘要", max_length=64)
    consent_user_agent_hash = models.CharField("浏览器摘要", max_length=64)

    class Meta:
        verbose_name = "签注短信提醒"
        verbose_name_plural = "签注短信提醒"
        ordering = ("expiry", "pk")

    def __str__(self):
        # Never the number: the admin copies this into django_admin_log.object_repr.
        return f"签注提醒 #{self.pk}（{self.masked_phone}）"

    @property
    def masked_phone(self):
        return mask_phone(self.phone)


class ReminderSent(models.Model):
    """One reminder for one expiry date. The row is written (claimed) before the text goes to the provider,
    so a run that crashes in between never sends it again; `sent_at` stays empty when the outcome is
    unknown."""

    subscription = models.ForeignKey(
        Subscription, verbose_name="订阅", on_delete=models.CASCADE, related_name="reminders_sent"
    )
    expiry = models.DateField("针对的有效期")
    kind = models.CharField(
        "提醒", max_length=20, choices=[(kind.value, label) for kind, label in KIND_LABELS.items()]
    )
    claimed_at = models.DateTimeField("开始发送")
    sent_at = models.DateTimeField("服务商已接收", null=True, blank=True)

    class Meta:
        verbose_name = "已发送的提醒"
        verbose_name_plural = "已发送的提醒"
        ordering = ("claimed_at",)
        constraints = [
            models.UniqueConstraint(
                fields=("subscription", "expiry", "kind"), name="one_reminder_per_kind_and_expiry"
            )
        ]

    def __str__(self):
        return f"{Kind(self.kind).value} {self.expiry:%Y-%m-%d}"
