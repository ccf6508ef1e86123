from django.conf import settings
from django.db import models
from django.utils import timezone

from leads.phones import mask_phone

OPEN_STATUSES = ("new", "contacted", "following")


class LeadQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now=None):
        return self.open().filter(due_by__lt=now or timezone.now())


class Lead(models.Model):
    class Service(models.TextChoices):
        CHECK_SCORE = "check_score", "积分自测核实"
        SETTLEMENT_GUIDE = "settlement_guide", "落户指南"
        PLANNING = "planning", "一对一规划"
        NEWS = "news", "政策资讯"

    class Status(models.TextChoices):
        NEW = "new", "新线索"
        CONTACTED = "contacted", "已联系"
        FOLLOWING = "following", "跟进中"
        CONVERTED = "converted", "已转化"
        INVALID = "invalid", "无效"

    name = models.CharField("称呼", max_length=20)
    phone = models.CharField("手机号", max_length=11, db_index=True)
    service = models.CharField("咨询服务", max_length=20, choices=Service)
    message = models.TextField("留言", max_length=1000, blank=True)
    # The opaque token of a /jifen/result/<token>/ page, stored only when the person ticked the second
    # consent box. The wizard owns the token's format; we keep it verbatim and link to the page.
    result_token = models.CharField("附带的自测结果", max_length=128, blank=True)

    status = models.CharField("状态", max_length=20, choices=Status, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="负责顾问",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_leads",
    )
    due_by = models.DateTimeField("回电期限")
    notes = models.TextField("跟进记录", blank=True)
    submissions = models.PositiveIntegerField("提交次数", default=1)
    created_at = models.DateTimeField("提交时间", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("最近更新", auto_now=True)

    # Consent evidence. 依据: 个人信息保护法 第十四条 (informed, explicit consent that we can show later).
    consent_privacy_version = models.CharField("同意的隐私政策版本", max_length=40)
    consent_at = models.DateTimeField("同意时间")
    consent_ip_hash = models.CharField("IP 摘要", max_length=64)
    consent_user_agent_hash = models.CharField("浏览器摘要", max_length=64)
    result_consent_at = models.DateTimeField("同意附带结果时间", null=True, blank=True)

    objects = LeadQuerySet.as_manager()

    class Meta:
        verbose_name = "咨询线索"
        verbose_name_plural = "咨询线索"
        ordering = ("-created_at",)
        permissions = (
            ("reveal_phone", "可以查看完整手机号"),
            ("export_leads", "可以导出线索 CSV"),
        )

    def __str__(self):
        # No name: the admin copies this into django_admin_log.object_repr on every edit.
        return f"线索 #{self.pk}（{self.masked_phone}）"

    @property
    def masked_phone(self):
        return mask_phone(self.phone)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, now=None):
        return self.is_open and self.due_by < (now or timezone.now())


class PhoneVerification(models.Model):
    """One SMS code sent to one number for one browser session. The code itself is never stored."""

    class Purpose(models.TextChoices):
        LEAD = "lead", "咨询登记"
        DELETION = "deletion", "删除请求"
        REMINDER = "reminder", "签注短信提醒"

    phone_hash = models.CharField(max_length=64, db_index=True)
    session_hash = models.CharField(max_length=64)
    purpose = models.CharField(max_length=10, choices=Purpose)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField()
    wrong_tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "短信验证"
        verbose_name_plural = "短信验证"

    def __str__(self):
        return f"{self.get_purpose_display()} {self.created_at:%Y-%m-%d %H:%M}"


class SmsSend(models.Model):
    """One SMS handed to the provider or tried: a refused send counts for the limits and the budget too."""

    phone_hash = models.CharField(max_length=64, db_index=True)
    ip_hash = models.CharField(max_length=64, db_index=True)
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "短信发送记录"
        verbose_name_plural = "短信发送记录"

    def __str__(self):
        return f"短信 {self.sent_at:%Y-%m-%d %H:%M}"


class LeadAccessLog(models.Model):
    class Action(models.TextChoices):
        REVEAL = "reveal", "查看完整号码"
        EXPORT = "export", "导出 CSV"
        SEARCH = "search", "按完整号码搜索"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, on_delete=models.SET_NULL
    )
    username = models.CharField("操作人账号", max_length=150)
    lead = models.ForeignKey(Lead, verbose_name="线索", null=True, on_delete=models.SET_NULL)
    # Kept after the lead is purged, so the log still says which lead was seen.
    lead_number = models.PositiveIntegerField("线索编号")
    action = models.CharField("操作", max_length=10, choices=Action)
    at = models.DateTimeField("时间", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "线索访问记录"
        verbose_name_plural = "线索访问记录"
        ordering = ("-at",)

    def __str__(self):
        return f"{self.username} {self.get_action_display()} #{self.lead_number}"
