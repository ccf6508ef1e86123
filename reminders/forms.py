from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Layout
from django import forms
from django.utils import timezone

from leads.forms import CodeField, PhoneField
from permitsite.forms import MarksFieldsInError
from reminders.schedule import subscription_problem
from renewal.forms import DateField

EXPIRY_HELP = "证件上印的有效期截止日期，也就是证件有效的最后一天。"
# The consultation's phone number, CAPTCHA, 获取验证码 and SMS code, as its own forms include them.
CODE_BLOCK = HTML('{% include "leads/_code_block.html" %}')


def inside_page_form(*fields):
    """A helper for a form whose page writes the <form>, its CSRF token and its buttons."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*fields)
    return helper


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


class SubscribeForm(MarksFieldsInError, forms.Form):
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
        self.helper = inside_page_form("expiry", CODE_BLOCK, "consent")


class StopForm(MarksFieldsInError, forms.Form):
    phone = PhoneField()
    code = CodeField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inside_page_form(CODE_BLOCK)


class RenewedForm(MarksFieldsInError, forms.Form):
    """ "我已签注": next year's expiry date, and consent to keep the reminders for it."""

    expiry = ExpiryField(
        label="签注后的新有效期",
        help_text="一般是原有效期顺延一年。请以证件或“随申办”电子居住证上显示的日期为准，不同就改过来。",
    )
    consent = ReminderConsentField(
        label="同意明年继续接收签注提醒短信", help_text="按上面的新有效期，最多 3 条，只用于提醒签注。"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inside_page_form("expiry", "consent")
