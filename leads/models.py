from django.conf import settings
from django.db import models
from django.utils import timezone

from leads.callback import CALLBACK_TIMES, DEFAULT_CALLBACK_TIME
from leads.phones import mask_phone
from permitsite.stamps import Stamped

OPEN_STATUSES = ("new", "contacted", "following")
# The statuses in which the next call is ours and due by `due_by`: the first callback, or a follow-up a
# consultant has set a date for. 已联系 waits on the person, so it is never overdue.
CALL_DUE_STATUSES = ("new", "following")
CALLBACK_TIME_CHOICES = [(key, label) for key, (label, _, _) in CALLBACK_TIMES.items()]


class ServiceQuerySet(models.QuerySet):
    def offered(self):
        return self.filter(is_offered=True)


class Service(models.Model):
    """A kind of consultation the operator really provides: editors list only those (a service nobody
    delivers must not be offered), and say what each costs."""

    slug = models.SlugField(
        "代号",
        max_length=30,
        unique=True,
        help_text="网址里使用的名字，例如 check_score；站内链接靠它预选服务，创建后不能修改。",
    )
    name = models.CharField("名称", max_length=30)
    description = models.CharField("说明", max_length=80, blank=True, help_text="显示在选项下方的一句话。")
    fee = models.CharField(
        "费用",
        max_length=60,
        default="免费",
        help_text="如实填写，例如“免费”或“首次 30 分钟免费，之后每小时 200 元”；"
        "会显示在咨询表单和“关于本站”页面。",
    )
    is_offered = models.BooleanField(
        "正在提供", default=True, help_text="不再提供的服务取消勾选，表单里就不再出现。"
    )
    position = models.PositiveSmallIntegerField("排序", default=0, help_text="数字小的排在前面。")

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = "咨询服务"
        verbose_name_plural = "咨询服务"
        ordering = ("position", "pk")

    def __str__(self):
        return self.name

    @property
    def choice_label(self):
        return f"{self.name}（{self.fee}）" if self.fee else self.name


# The services the form offers, read once per process and again after every edit (leads/signals.py).
SERVICES_TOPIC = "leads.services"
offered_services = Stamped(SERVICES_TOPIC, lambda: list(Service.objects.offered()))


class LeadQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, now=None):
        return self.filter(status__in=CALL_DUE_STATUSES, due_by__lt=now or timezone.now())


class Lead(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "新线索"
        CONTACTED = "contacted", "已联系"
        FOLLOWING = "following", "跟进中"
        CONVERTED = "converted", "已转化"
        INVALID = "invalid", "无效"

    name = models.CharField("称呼", max_length=20)
    phone = models.CharField("手机号", max_length=11, db_index=True)
    service = models.ForeignKey(
        Service, verbose_name="咨询服务", on_delete=models.PROTECT, related_name="leads"
    )
    callback_time = models.CharField(
        "希望回电时间", max_length=10, choices=CALLBACK_TIME_CHOICES, default=DEFAULT_CALLBACK_TIME
    )
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
    due_by = models.DateTimeField(
        "回电期限",
        help_text=(
            "新线索：最晚回电时间（1 个工作日内）。跟进中：下次跟进的时间。已联系的线索在等对方，不算逾期。"
        ),
    )
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
    # 依据: 个人信息保护法 第二十三条. When another company calls people back, the person's separate consent
    # names it; the name is kept as it was agreed to, even if the setting changes later.
    recipient = models.CharField("同意提供给", max_length=100, blank=True)
    recipient_consent_at = models.DateTimeField("同意提供时间", null=True, blank=True)
    overdue_reminded_at = models.DateTimeField("逾期提醒时间", null=True, blank=True)

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
    def callback_window(self):
        """The preferred time in words: 上午（9:00–12:00）, or 尽快."""
        label, hours, _ = CALLBACK_TIMES[self.callback_time]
        return f"{label}（{hours}）" if hours else label

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, now=None):
        return self.status in CALL_DUE_STATUSES and self.due_by < (now or timezone.now())


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
    # The network around the address (an IPv6 /48, an IPv4 /24): no network may spend more than a tenth of
    # the day's budget, or one household or office could stop the form for everyone.
    network_hash = models.CharField(max_length=64, db_index=True, default="")
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


class LeadNotification(models.Model):
    """One message telling the consultants about a new lead, through one channel. Kept until it is sent,
    so a failed delivery is tried again (leads/notify.py) instead of being lost."""

    class Channel(models.TextChoices):
        MAIL = "mail", "邮件"
        WEBHOOK = "webhook", "群机器人"

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="notifications")
    channel = models.CharField("渠道", max_length=10, choices=Channel)
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    sent_at = models.DateTimeField("发出时间", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    last_error = models.CharField("最近一次错误", max_length=200, blank=True)

    class Meta:
        verbose_name = "新线索通知"
        verbose_name_plural = "新线索通知"
        constraints = [
            models.UniqueConstraint(fields=["lead", "channel"], name="one_notification_per_channel")
        ]

    def __str__(self):
        return f"{self.get_channel_display()} #{self.lead_id}"
