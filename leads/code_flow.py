"""The SMS-code step every form with a phone number shares: /consult/, /privacy/requests/, /renewal/remind/
and /renewal/remind/stop/. One place for the 获取验证码 / 换一张 / 重新获取 buttons (with and without
JavaScript), the session's memory of where a code went, and the JSON answer of POST /consult/code/.

A view asks `CodeFlow.start(request, purpose, FormClass, ...)` and gets the page's form, the code block's
form and its notice; it handles only its own submit (`flow.submitted`), then `flow.done()` and a redirect
to its done page (`keep_for_done_page`), and otherwise answers with `flow.page(...)`.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial

from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from leads import services, sms
from leads.codes import CHECK_MESSAGES, CODE_LIFETIME, CodeCheck
from leads.forms import CAPTCHA_KEY, CodeRequestForm
from leads.limits import RESEND_COOLDOWN
from leads.phones import mask_phone
from permitsite import privacy as privacy_policy
from permitsite.client_ip import client_ip
from permitsite.operator import current_operator
from permitsite.shared_pages import CSRF_TOKEN, shared_but_for

PROVIDER_FAILED = "短信暂时发送失败，请稍后再试。您填写的内容已保留。"
NOT_SAVED = "系统繁忙，您的信息这次没有保存成功，请再点一次“提交”。"
# What Django's error reports leave out of a post to one of these forms.
SENSITIVE_FIELDS = ("name", "phone", "code", "message", "captcha_1")
# Per purpose: the masked number a code was last sent to from this browser, and when.
CODES_SENT_SESSION_KEY = "leads_codes_sent"
CODE_STEP_ACTIONS = ("send_code", "new_captcha", "new_code")


def session_key(request):
    """Codes are bound to the browser session that asked for them: make sure there is one. The session is
    loaded first: a cookie whose session has expired keeps its dead key until then, and a code bound to that
    key could never be checked once the session is saved under a new one."""
    request.session.keys()
    if request.session.session_key is None:
        request.session.modified = True
        request.session.save()
    return request.session.session_key


def consent_evidence(request):
    """What is kept with a consent given on one of these forms: the privacy policy shown, and where from."""
    return services.ConsentEvidence(
        privacy_version=privacy_policy.POLICY_VERSION,
        ip=client_ip(request),
        user_agent=request.headers.get("User-Agent", ""),
    )


def code_sent_to(request, purpose):
    """The masked number this browser was sent a code for `purpose` while that code can still be used."""
    sent = request.session.get(CODES_SENT_SESSION_KEY, {}).get(purpose)
    if not sent or time.time() - sent[1] > CODE_LIFETIME.total_seconds():
        return ""
    return sent[0]


def _remember_code_sent(request, purpose, phone, sent_at=None):
    request.session[CODES_SENT_SESSION_KEY] = {
        **request.session.get(CODES_SENT_SESSION_KEY, {}),
        purpose: [mask_phone(phone), sent_at or time.time()],
    }


def forget_code_sent(request, purpose):
    sent = dict(request.session.get(CODES_SENT_SESSION_KEY, {}))
    if sent.pop(purpose, None) is not None:
        request.session[CODES_SENT_SESSION_KEY] = sent


@sensitive_variables()
def send_code(request, form):
    """Returns (status, body) for the JSON API; the HTML pages turn the same outcome into form messages."""
    phone = form.cleaned_data["phone"]
    try:
        outcome = services.request_code(
            phone, session_key(request), client_ip(request), form.cleaned_data["purpose"]
        )
    except sms.SmsSendError:
        return 503, {"error": PROVIDER_FAILED}
    except services.DatabaseBusy:
        return 503, {"error": "系统繁忙，验证码没有发出，请稍后再试。"}
    if outcome.refused:
        message = outcome.decision.message_for(current_operator().phone)
        return 429, {"error": message, "retry_after": outcome.decision.retry_after}
    _remember_code_sent(request, form.cleaned_data["purpose"], phone)
    return 200, {
        "sent": True,
        "resend_after": int(RESEND_COOLDOWN.total_seconds()),
        "message": f"验证码已发送到 {mask_phone(phone)}，5 分钟内有效。",
    }


def typed_values(post, form_class):
    """What the visitor typed, shown again after 获取验证码 without judging fields not yet finished."""
    return {name: post.get(name) for name in form_class.base_fields if name in post and name != "website"}


def code_step(request, purpose):
    """The no-JavaScript 获取验证码, 换一张 and 重新获取 buttons: act; the page shows its form again, filled
    in."""
    notice = ""
    typed_phone = {"phone": request.POST.get("phone", "")}
    if request.POST.get("action") in ("new_captcha", "new_code"):
        return CodeRequestForm(initial=typed_phone, purpose=purpose), notice
    code_form = CodeRequestForm(request.POST, purpose=purpose)
    if not code_form.is_valid() and _just_sent(request, purpose, code_form):
        # A second tap (or a reload) of the 获取验证码 that sent it: its challenge is spent, and within the
        # cooldown no new code could go anyway. Show the code on its way (code_block), not a CAPTCHA error.
        return CodeRequestForm(initial=typed_phone, purpose=purpose), notice
    if code_form.is_valid():
        status, body = send_code(request, code_form)
        if status == 200:
            notice = body["message"]
            code_form = CodeRequestForm(initial=typed_phone, purpose=purpose)
        else:
            code_form.add_error(None, body["error"])
    return code_form, notice


@sensitive_variables()
def _just_sent(request, purpose, code_form):
    """Whether only the CAPTCHA stands between this request and a code that this browser was sent for the
    number within the resend cooldown. The database says so (not the session): the first request's session
    is saved only when it ends, and the SMS provider may still be holding it when the second tap arrives.
    The session then learns of the code here, as the first request's would have."""
    if set(code_form.errors) != {"captcha"}:
        return False
    phone = code_form.cleaned_data["phone"]
    sent_at = services.code_sent_within(phone, session_key(request), purpose, RESEND_COOLDOWN)
    if sent_at is None:
        return False
    _remember_code_sent(request, purpose, phone, sent_at.timestamp())
    return True


def code_block(request, purpose, code_form, notice):
    """What the shared phone-and-code block shows. Once a code is on its way the CAPTCHA stays away, even when
    the form comes back with another error; 重新获取 (or a refused send) brings it back."""
    sent_to = code_sent_to(request, purpose)
    asked_again = request.method == "POST" and request.POST.get("action") in ("new_captcha", "new_code")
    return {
        "code_form": code_form,
        "notice": notice,
        "purpose": purpose,
        "code_sent_to": sent_to,
        "show_captcha": not sent_to or asked_again or bool(code_form.errors),
    }


@dataclass
class CodeFlow:
    """One request to a page whose form takes a phone number and its SMS code. The forms are made when first
    used: a page shared by many visitors (`page`) is served without them."""

    request: object
    purpose: str
    form_class: type
    make_form: Callable[[], object]
    make_code_form: Callable[[], CodeRequestForm]
    notice: str = ""
    submitted: bool = False  # the page's own submit (not a code-step button): the view checks `form`

    @cached_property
    def form(self):
        return self.make_form()

    @cached_property
    def code_form(self) -> CodeRequestForm:
        return self.make_code_form()

    @classmethod
    def start(cls, request, purpose, form_class, *, initial=None, **form_kwargs):
        """The page's form (bound on its own submit, refilled after a code-step button, else unbound with
        `initial`) and the code block's form. `form_kwargs` go to the page's form, with `code_requested`."""
        form_kwargs["code_requested"] = bool(code_sent_to(request, purpose))
        posted = request.method == "POST"
        if posted and request.POST.get("action") in CODE_STEP_ACTIONS:
            form = partial(form_class, initial=typed_values(request.POST, form_class), **form_kwargs)
            code_form, notice = code_step(request, purpose)
            return cls(request, purpose, form_class, form, lambda: code_form, notice)
        if posted:
            form = partial(form_class, request.POST, **form_kwargs)
            typed_phone = {"phone": request.POST.get("phone", "")}
            code_form = partial(CodeRequestForm, initial=typed_phone, purpose=purpose)
            return cls(request, purpose, form_class, form, code_form, submitted=True)
        form = partial(form_class, initial=initial, **form_kwargs)
        return cls(request, purpose, form_class, form, partial(CodeRequestForm, purpose=purpose))

    @sensitive_variables()
    def form_is_valid(self) -> bool:
        """The page's form, judged whole. When another field is wrong, a code that is wrong too is said at
        once, so nobody fixes one mistake only to be told of the next; a right code is not spent."""
        if self.form.is_valid():
            return True
        data = self.form.cleaned_data
        if "phone" in data and "code" in data:
            try:
                outcome = services.check_code_unspent(
                    data["phone"], session_key(self.request), data["code"], self.purpose
                )
            except services.DatabaseBusy:
                return False
            if outcome is not CodeCheck.OK:
                self.form.add_error("code", CHECK_MESSAGES[outcome])
        return False

    def done(self):
        """The code was used: forget where it went."""
        forget_code_sent(self.request, self.purpose)

    def page(self, render_page, *shown, query=()):
        """The page. Until the visitor posts or is sent a code it is the same for everyone asking for its
        address (`shown`: whatever else it prints; `query`: the parameters it reads), and is shared but for
        their own CSRF token and CAPTCHA (permitsite/shared_pages.py)."""
        if self.request.method != "GET" or code_sent_to(self.request, self.purpose):
            return render_page()
        own = (CSRF_TOKEN, CAPTCHA_KEY)
        return shared_but_for(self.request, render_page, *shown, timezone.localdate(), own=own, query=query)

    def context(self):
        return {"form": self.form, **code_block(self.request, self.purpose, self.code_form, self.notice)}


def keep_for_done_page(request, key, phone, outcome, **shown):
    """What a done page shows after the redirect (Post/Redirect/Get, so a reload or 返回 posts nothing):
    `shown` and the masked number, in the session under `key`. A second tap (CodeCheck.REPEATED) keeps what
    the first left for the same number: the browser shows only the second answer, and it should say what
    the first did; the repeat's own `shown` (what is true now) is for when the first's session write was
    lost to the second's, which began before it ended."""
    masked = mask_phone(phone)
    kept = request.session.get(key) or {}
    if outcome is CodeCheck.REPEATED and kept.get("phone") == masked:
        return
    request.session[key] = {"phone": masked, **shown}
