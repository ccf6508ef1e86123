import logging
import re
import unicodedata

from captcha.fields import CaptchaField, CaptchaTextInput
from crispy_forms.layout import Div, Hidden
from django import forms
from django.core.validators import RegexValidator
from django.urls import reverse
from django.utils.html import format_html

from leads.models import Lead, PhoneVerification
from leads.phones import InvalidPhone, normalize_phone
from permitsite import privacy as privacy_policy
from permitsite.layout import Field, Include, inside_page_form

logger = logging.getLogger(__name__)

# Says nothing about the trap, so a bot's author learns nothing; a person never sees the hidden field.
HONEYPOT_REFUSED = "提交未成功，请刷新页面后重试。"

# Phone number, CAPTCHA, 获取验证码 and the SMS code, where a page's form asks for them.
CODE_BLOCK = "leads/_code_block.html"

# The wizard's result tokens are opaque to us; this only keeps markup and junk out of the database.
RESULT_TOKEN_RE = re.compile(r"[A-Za-z0-9_\-:.]{1,128}")


def clean_result_token(value):
    value = (value or "").strip()
    return value if RESULT_TOKEN_RE.fullmatch(value) else ""


class PhoneField(forms.CharField):
    """Accepts what people type (spaces, dashes, +86, 0086) and cleans to the 11 digits."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "手机号码")
        kwargs.setdefault("help_text", "中国大陆手机号，可带 +86")
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
    """The image, its key and the answer box. Attributes meant for the answer box (class, maxlength,
    required, aria-*) stay off the hidden key, where HTML does not allow them; the page is never cached
    (`never_cache`), so no browser restores an old key on reload."""

    template_name = "leads/widgets/captcha.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["subwidgets"][0]["attrs"] = {}
        return context


class CaptchaChineseField(CaptchaField):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            ChineseCaptchaInput(attrs={"class": "captcha-answer", "maxlength": 8}),
        )
        kwargs.setdefault("label", "图片验证码")
        kwargs.setdefault("help_text", "输入图片中的字母（不分大小写），再点“获取验证码”。")
        kwargs.setdefault(
            "error_messages",
            {"invalid": "图片验证码不正确或已过期，请看新图片重新输入。", "required": "请输入图片中的字符。"},
        )
        super().__init__(**kwargs)


class CodeRequestForm(forms.Form):
    """获取验证码: the number and the image CAPTCHA, nothing else.

    On a page the number box is the page form's own (leads/_code_block.html); this form draws the CAPTCHA
    and the purpose the page asks codes for."""

    phone = PhoneField()
    captcha = CaptchaChineseField()
    purpose = forms.ChoiceField(choices=PhoneVerification.Purpose.choices, required=False)

    def __init__(self, *args, purpose=PhoneVerification.Purpose.LEAD, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inside_page_form("captcha", Hidden("purpose", purpose))

    def clean_purpose(self):
        return self.cleaned_data.get("purpose") or PhoneVerification.Purpose.LEAD


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "短信验证码")
        kwargs.setdefault("error_messages", {"required": "请填写短信中的 6 位验证码。"})
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "class": "code-input",
                    "inputmode": "numeric",
                    "autocomplete": "one-time-code",
                    "maxlength": 6,
                    "pattern": "[0-9]{6}",
                }
            ),
        )
        kwargs.setdefault("validators", [RegexValidator(r"^[0-9]{6}$", "验证码为短信中的 6 位数字。")])
        super().__init__(**kwargs)

    def to_python(self, value):
        # Full-width digits from a Chinese input method count as the digits they look like.
        return re.sub(r"\s", "", unicodedata.normalize("NFKC", super().to_python(value)))


class HoneypotInput(forms.TextInput):
    """Never shows what was typed: a person whose browser filled it in is not refused a second time."""

    def format_value(self, value):
        return None


class LeadForm(forms.Form):
    """Only what a visitor may decide; status, assignment, due time and consent evidence are the server's."""

    name = forms.CharField(
        label="您的称呼",
        help_text="如“王先生”“李女士”，1–20 个字",
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
        # The tick box is worded in full (consent_label); this short name is what the error summary shows.
        label="同意隐私保护声明",
        error_messages={"required": "请阅读并勾选同意隐私政策，我们才能保存您的信息并回电。"},
    )
    # Honeypot: hidden from people by CSS, filled in by bots that complete every field.
    website = forms.CharField(
        label="网址（请勿填写）",
        required=False,
        widget=HoneypotInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, result_token="", **kwargs):
        super().__init__(*args, **kwargs)
        attachment = []
        if result_token:
            result_link = format_html(
                '把<a href="{}">我的积分自测结果</a>一并发给顾问（选填，不勾选则不附带）',
                reverse("calculator:result", args=[result_token]),
            )
            attachment = [Field("attach_result", label_html=result_link), Hidden("result", result_token)]
        consent_label = format_html(
            '我已阅读并同意<a href="{}">《隐私保护声明》</a>（版本 {}），'
            "同意顾问为回复本次咨询使用我的称呼和手机号",
            reverse("privacy"),
            privacy_policy.POLICY_VERSION,
        )
        self.helper = inside_page_form(
            "name",
            Include(CODE_BLOCK),
            "service",
            "message",
            *attachment,
            Field("consent", label_html=consent_label),
            Div(Field("website"), css_class="d-none", aria_hidden="true"),
        )

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
        label="我确认删除这个手机号的全部咨询记录，删除后无法恢复",
        error_messages={"required": "请勾选确认后再删除。"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inside_page_form(Include(CODE_BLOCK), "confirm")
