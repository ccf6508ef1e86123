import logging
import re
import unicodedata

from captcha.conf import settings as captcha_settings
from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore
from crispy_forms.layout import Div, Hidden
from django import forms
from django.core.validators import RegexValidator
from django.forms.renderers import get_default_renderer
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from leads import captchas
from leads.callback import CALLBACK_TIMES, DEFAULT_CALLBACK_TIME, WORKING_DAYS_ONLY
from leads.models import PhoneVerification, offered_services
from leads.phones import InvalidPhone, normalize_phone
from permitsite import privacy as privacy_policy
from permitsite.layout import Field, Include, inside_page_form
from permitsite.shared_pages import Own

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
    required, aria-*) stay off the hidden key, where HTML does not allow them. Browsers never keep the page
    (`never_cache`), so none restores an old key on reload; the server's kept copy gets a new key for each
    visitor (CAPTCHA_KEY)."""

    template_name = "leads/widgets/captcha.html"

    def fetch_captcha_store(self, name, value, attrs=None, generator=None):
        """The package's own, with the challenge from this process's batch (leads/captchas.py)."""
        self._key = captchas.fresh_key()
        self._value = [self._key, ""]
        self.id_ = self.build_attrs(attrs).get("id", None)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["subwidgets"][0]["attrs"] = {}
        return context

    def _render(self, template_name, context, renderer=None):
        """The key and the answer box are printed by the form renderer (permitsite/form_renderer.py),
        not included one by one by the template."""
        renderer = renderer or get_default_renderer()
        parts = context["widget"]["subwidgets"]
        context["widget"]["parts"] = mark_safe(  # noqa: S308 - the renderer escapes what it prints
            "".join(renderer.render(part["template_name"], {"widget": part}) for part in parts)
        )
        return super()._render(template_name, context, renderer)


# The challenge's key as the widget prints it (in the image's address and the hidden input): a page shared by
# many visitors (leads/code_flow.py) gets a new challenge for each of them.
CAPTCHA_KEY = Own(
    re.compile(r'name="captcha_0" value="([0-9a-f]{40})"'),
    lambda request: captchas.fresh_key(),
    lambda request, content: 'name="captcha_0"' in content,
)


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

    def clean(self, value):
        """A solved challenge is good for one use, however many requests race with it.

        The package reads the challenge and then deletes it, so requests arriving together (on PostgreSQL,
        on two servers) could all pass before any delete. Here the DELETE that matches the answer decides:
        the database lets exactly one of them remove the row. A wrong answer spends the challenge too.
        """
        if captcha_settings.CAPTCHA_TEST_MODE:
            return super().clean(value)
        forms.MultiValueField.clean(self, value)  # required and per-part checks
        hashkey, answer = value[0], (value[1] or "").strip().lower()
        value[1] = ""  # never drawn back into the page
        live = CaptchaStore.objects.filter(hashkey=hashkey, expiration__gt=timezone.now())
        solved, _ = live.filter(response=answer).delete() if answer else (0, None)
        if not solved:
            CaptchaStore.objects.filter(hashkey=hashkey).delete()
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return value


class CodeRequestForm(forms.Form):
    """获取验证码: the number and the image CAPTCHA, nothing else.

    On a page the number box is the page form's own (leads/_code_block.html); this form draws the CAPTCHA
    and the purpose the page asks codes for."""

    phone = PhoneField()
    captcha = CaptchaChineseField()
    purpose = forms.ChoiceField(
        choices=PhoneVerification.Purpose.choices,
        required=False,
        error_messages={"invalid_choice": "验证码用途不对，请刷新页面后重新获取验证码。"},
    )

    def __init__(self, *args, purpose=PhoneVerification.Purpose.LEAD, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inside_page_form("captcha", Hidden("purpose", purpose))

    def clean_purpose(self):
        return self.cleaned_data.get("purpose") or PhoneVerification.Purpose.LEAD


CODE_NOT_REQUESTED = "请先获取验证码，再填写短信中的 6 位数字。"
CODE_MISSING = "请填写短信中的 6 位验证码。"


class CodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "短信验证码")
        kwargs.setdefault("error_messages", {"required": CODE_MISSING})
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


class AsksForCodeFirst:
    """A form with an SMS code: an empty code means "get one first" until this browser has asked for one."""

    def __init__(self, *args, code_requested=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not code_requested:
            self.fields["code"].error_messages = {
                **self.fields["code"].error_messages,
                "required": CODE_NOT_REQUESTED,
            }


class ServiceField(forms.ChoiceField):
    """The services editors list as offered (leads.models.Service), without a query to draw the form."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.RadioSelect, **kwargs)
        self._services = {}

    def offer(self, services):
        self._services = {service.slug: service for service in services}
        self.choices = [(service.slug, service.choice_label) for service in services]

    def clean(self, value):
        return self._services[super().clean(value)]


CALLBACK_TIME_CHOICES = [
    (key, f"{label}（{hours}）" if hours else label) for key, (label, hours, _) in CALLBACK_TIMES.items()
]


class LeadForm(AsksForCodeFirst, forms.Form):
    """Only what a visitor may decide; status, assignment, due time and consent evidence are the server's.

    operator: who calls back (permitsite.operator.Operator), named in the consent; when another company does
    (`lead_recipient`), a separate, required consent names it (个人信息保护法 第二十三条).
    result_token / result_summary: the stored self-test result the visitor came from, offered as an
    attachment in a separate, unticked box that says what would go.
    code_requested: whether this browser has asked for a code yet (an empty code then means "get one first").
    """

    name = forms.CharField(
        label="您的称呼",
        help_text="如“王先生”“李女士”，1–20 个字",
        max_length=20,
        error_messages={"required": "请填写您的称呼。", "max_length": "称呼最多 20 个字。"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = PhoneField()
    code = CodeField()
    service = ServiceField(
        label="您需要的服务",
        error_messages={"required": "请选择您需要的服务。", "invalid_choice": "请从列出的服务中选择一项。"},
    )
    # Preselected 尽快; a form sent without it (no preference) means the same.
    callback_time = forms.ChoiceField(
        label="希望什么时候回电",
        choices=CALLBACK_TIME_CHOICES,
        initial=DEFAULT_CALLBACK_TIME,
        required=False,
        widget=forms.RadioSelect,
        help_text=WORKING_DAYS_ONLY,
        error_messages={"invalid_choice": "请从列出的时间中选择一项。"},
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
        error_messages={"required": "请阅读并勾选同意《隐私保护声明》，我们才能保存您的信息并回电。"},
    )
    # 依据: 个人信息保护法 第二十三条: passing the lead to another company needs its own, separate consent.
    recipient_consent = forms.BooleanField(
        label="同意提供给回电的公司",
        error_messages={
            "required": "回电由另一家公司负责，请勾选同意把您的信息提供给它，否则我们无法安排回电。"
        },
    )
    # Honeypot: hidden from people by CSS, filled in by bots that complete every field.
    website = forms.CharField(
        label="网址（请勿填写）",
        required=False,
        widget=HoneypotInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, operator, result_token="", result_summary=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].offer(offered_services.get())
        self.recipient = operator.lead_recipient
        attachment = []
        if result_token and result_summary is not None:
            result_link = format_html(
                '把<a href="{}">我的积分自测结果</a>一并发给顾问（选填，不勾选则不附带）',
                reverse("calculator:result", args=[result_token]),
            )
            self.fields["attach_result"].help_text = (
                f"将附上：{result_summary}。顾问会看到您自测时的全部回答，其中包括是否受过行政拘留、"
                "刑事处罚的回答，这类信息可能属于敏感个人信息，只用于核实您的积分；不勾选则什么都不附带。"
            )
            attachment = [Field("attach_result", label_html=result_link), Hidden("result", result_token)]
        else:
            del self.fields["attach_result"]
        consent_label = format_html(
            '我已阅读并同意<a href="{}">《隐私保护声明》</a>（版本 {}），'
            "同意{}为回复本次咨询使用我的称呼、手机号和留言",
            reverse("privacy"),
            privacy_policy.POLICY_VERSION,
            operator.name,
        )
        recipient = []
        if self.recipient:
            recipient_label = format_html(
                "我单独同意把我的称呼、手机号、所选服务、希望回电的时间和留言（以及我勾选附带的自测结果）"
                "提供给{}（联系方式：{}），由它的顾问按本次咨询给我回电",
                operator.lead_recipient,
                operator.lead_recipient_contact,
            )
            recipient = [Field("recipient_consent", label_html=recipient_label)]
        else:
            del self.fields["recipient_consent"]
        self.helper = inside_page_form(
            "name",
            Include(CODE_BLOCK),
            "service",
            "callback_time",
            "message",
            *attachment,
            Field("consent", label_html=consent_label),
            *recipient,
            Div(Field("website"), css_class="d-none", aria_hidden="true"),
        )

    def clean_result(self):
        return clean_result_token(self.cleaned_data.get("result"))

    def clean_callback_time(self):
        return self.cleaned_data.get("callback_time") or DEFAULT_CALLBACK_TIME

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


class DeletionRequestForm(AsksForCodeFirst, forms.Form):
    phone = PhoneField()
    code = CodeField()
    confirm = forms.BooleanField(
        label="我确认删除这个手机号的全部咨询记录和签注提醒，删除后无法恢复",
        error_messages={"required": "请勾选确认后再删除。"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inside_page_form(Include(CODE_BLOCK), "confirm")
