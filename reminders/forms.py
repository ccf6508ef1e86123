from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from leads.forms import CODE_BLOCK, AsksForCodeFirst, CodeField, PhoneField
from permitsite import privacy as privacy_policy
from permitsite.dates import chinese_date
from permitsite.layout import Field, Include, inside_page_form
from reminders.schedule import subscription_problem
from renewal.forms import DateField

EXPIRY_HELP = "证件上印的有效期截止日期，也就是证件有效的最后一天。"


class ExpiryField(DateField):
    """An expiry date that reminders can still be sent for (checked against today's date)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "居住证有效期至")
        kwargs.setdefault("help_text", EXPIRY_HELP)
        kwargs.setdefault("error_messages", {"required": "请填写居住证的有效期截止日期。"})
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        problem = subscription_problem(value, timezone.localdate()) if value else ""
        if problem:
            raise forms.ValidationError(problem, code="no_reminders_left")


class ReminderConsentField(forms.BooleanField):
    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"required": "请勾选同意，我们才能给您发签注提醒短信。"})
        super().__init__(**kwargs)


def consent_label(wording):
    """The tick box worded in full, with the policy it agrees to (the field's short label is what the
    error summary shows)."""
    return format_html(
        '{}（见<a href="{}#reminders">《隐私保护声明》</a>，版本 {}）',
        wording,
        reverse("privacy"),
        privacy_policy.POLICY_VERSION,
    )


class SubscribeForm(AsksForCodeFirst, forms.Form):
    """Only what the person decides: the date, the number proved by a code, and consent for these texts."""

    expiry = ExpiryField()
    phone = PhoneField()
    code = CodeField()
    consent = ReminderConsentField(
        label="同意接收签注提醒短信",
        help_text="每个有效期最多 3 条，只用于提醒签注：不发广告，号码也不交给咨询顾问。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inside_page_form(
            "expiry",
            Include(CODE_BLOCK),
            Field("consent", label_html=consent_label("我同意本站用这个手机号给我发签注提醒短信")),
        )


class StopForm(AsksForCodeFirst, forms.Form):
    phone = PhoneField()
    code = CodeField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inside_page_form(Include(CODE_BLOCK))


class RenewedForm(forms.Form):
    """我已签注: next year's expiry date, and consent to keep the reminders for it."""

    expiry = ExpiryField(
        label="签注后的新有效期",
        help_text="一般是原有效期顺延一年。请以证件或“随申办”电子居住证上显示的日期为准，不同就改过来。",
    )
    consent = ReminderConsentField(
        label="同意明年继续接收签注提醒短信", help_text="按上面的新有效期，最多 3 条，只用于提醒签注。"
    )

    def __init__(self, *args, current_expiry=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The expiry date the reminders are for now: a renewal always moves it later.
        self.current_expiry = current_expiry
        self.helper = inside_page_form(
            "expiry",
            Field("consent", label_html=consent_label("我同意明年继续用这个手机号接收签注提醒短信")),
        )

    def clean_expiry(self):
        expiry = self.cleaned_data["expiry"]
        if self.current_expiry is not None and expiry <= self.current_expiry:
            raise forms.ValidationError(
                f"签注后的新有效期应晚于现在的有效期（{chinese_date(self.current_expiry)}）。"
                "请填写签注后证件或“随申办”电子居住证上显示的新日期。",
                code="not_later",
            )
        return expiry
