import logging
import re
import unicodedata

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.core.validators import RegexValidator

from leads.models import Lead, PhoneVerification
from leads.phones import InvalidPhone, normalize_phone
from permitsite.forms import MarksFieldsInError

logger = logging.getLogger(__name__)

# Says nothing about the trap, so a bot's author learns nothing; a person never sees the hidden field.
HONEYPOT_REFUSED = "提交未成功，请刷新页面后重试。"

# The wizard's result tokens are opaque to us; this only keeps markup and junk out of the database.
RESULT_TOKEN_RE = re.compile(r"[A-Za-z0-9_\-:.]{1,128}")


def clean_result_token(value):
    value = (value or "").strip()
    return value if RESULT_TOKEN_RE.fullmatch(value) else ""


class PhoneField(forms.CharField):
    """Accepts what people type (spaces, dashes, +86, 0086) and cleans to the 11 digits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "手机号码")
        kwargs.setdefault("error_messages", {"required": "请填写手机号码。"})
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "maxlength": 24}),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return normalize_phone(value)
        except InvalidPhone as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None


class ChineseCaptchaInput(CaptchaTextInput):
    template_name = "leads/widgets/captcha.html"


class CaptchaChineseField(CaptchaField):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            ChineseCaptchaInput(attrs={"class": "form-control captcha-answer", "maxlength": 8}),
        )
        kwargs.setdefault("label", "图片验证码")
        kwargs.setdefault(
            "error_messages",
            {"invalid": "图片验证码不正确或已过期，请看新图片重新输入。", "required": "请输入图片中的字符。"},
        )
        super().__init__(**kwargs)


class CodeRequestForm(MarksFieldsInError, forms.Form):
    """获取验证码: the number and the image CAPTCHA, nothing else."""

    phone = PhoneField()
    captcha = CaptchaChineseField()
    purpose = forms.ChoiceField(choices=PhoneVerification.Purpose.choices, required=False)

    def clean_purpose(self):
        return self.cleaned_data.get("purpose") or PhoneVerification.Purpose.LEAD


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "短信验证码")
        kwargs.setdefault("error_messages", {"required": "请填写短信中的 6 位验证码。"})
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": 6}),
        )
        kwargs.setdefault("validators", [RegexValidator(r"^[0-9]{6}$", "验证码为短信中的 6 位数字。")])
        super().__init__(**kwargs)

    def to_python(self, value):
        # Full-width digits from a Chinese input method count as the digits they look like.
        return re.sub(r"\s", "", unicodedata.normalize("NFKC", super().to_python(value)))


class LeadForm(forms.Form):
    """Only what a visitor may decide; status, assignment, due time and consent evidence are the server's."""

    name = forms.CharField(
        label="您的称呼",
        max_length=20,
        error_messages={"required": "请填写您的称呼。", "max_length": "称呼最多 20 个字。"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = PhoneField()
    code = CodeField()
    service = forms.ChoiceField(
        label="您需要的服务",
        choices=Lead.Service.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择您需要的服务。", "invalid_choice": "请从列出的服务中选择一项。"},
    )
    message = forms.CharField(
        label="想咨询的问题（选填）",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "留言最多 500 字，请精简后再提交。"},
    )
    attach_result = forms.BooleanField(label="把我的积分自测结果一并发给顾问", required=False)
    result = forms.CharField(required=False, widget=forms.HiddenInput)
    consent = forms.BooleanField(
        # consult.html words the tick box in full; this short name is what the error summary shows.
        label="同意隐私保护声明",
        error_messages={"required": "请阅读并勾选同意隐私政策，我们才能保存您的信息并回电。"},
    )
    # Honeypot: hidden from people by CSS, filled in by bots that complete every field.
    website = forms.CharField(label="网址（请勿填写）", required=False)

    def clean_result(self):
        return clean_result_token(self.cleaned_data.get("result"))

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            logger.info("Consultation form refused: the hidden honeypot field was filled in")
            raise forms.ValidationError(HONEYPOT_REFUSED, code="honeypot")
        return cleaned_data

    @property
    def result_token(self):
        """The result to attach: only when the visitor ticked the second, separate consent box."""
        if self.cleaned_data.get("attach_result"):
            return self.cleaned_data.get("result", "")
        return ""


class DeletionRequestForm(forms.Form):
    phone = PhoneField()
    code = CodeField()
    confirm = forms.BooleanField(
        label="我确认删除这个手机号的全部咨询记录和签注提醒，删除后无法恢复",
        error_messages={"required": "请勾选确认后再删除。"},
    )
