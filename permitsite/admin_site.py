"""The admin site: staff sign in with password plus a TOTP code (django-otp), always.

- One answer for every failed sign-in (unknown user, wrong password, not staff, wrong or missing code),
  and every failure is counted by django-axes (permitsite/lockout.py), so the page never tells an
  attacker that the password was right.
- The code box itself never fails validation: a code that is too long or holds control characters is
  the same wrong code as any other (`CodeField`), so it too gets the one answer and is counted, whether
  or not the password was right.
- The code is only looked at once the password is right, and it is spent in the same transaction that
  stores the signed-in session: a sign-in that cannot complete leaves the code usable.
- Staff sessions end after STAFF_SESSION_IDLE_TIMEOUT without a request to the admin.
- Revealing a phone number or exporting leads asks for a fresh code when the last one is older than
  STAFF_CODE_FRESH_FOR (`code_is_fresh`, `confirm_code`).
"""

import time
from functools import update_wrapper

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME, user_login_failed
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django_otp import match_token

from permitsite.outage import is_outage, maintenance_response

SIGN_IN_FAILED = "用户名、密码或动态验证码不正确，请重新输入（区分大小写）。"
CODE_REFUSED = "动态验证码不正确或已过期，请输入身份验证器上当前显示的 6 位数字。"
# Session keys: when a code was last confirmed, and when the staff member was last active in the admin.
CODE_CONFIRMED_AT = "staff_code_confirmed_at"
ACTIVE_AT = "staff_active_at"
# Activity is written to the session at most this often: each write also moves the idle deadline.
ACTIVITY_RESOLUTION_SECONDS = 5 * 60


class CodeInput(forms.TextInput):
    """A code is typed afresh each time: after a failed sign-in the box is empty, whatever was typed."""

    def format_value(self, value):
        return None


# Longer than any code an authenticator shows; the browser stops typing here (maxlength).
CODE_MAX_LENGTH = 16


class CodeField(forms.CharField):
    """A code box that is never invalid on its own: whatever was sent is either a code to try or, when it
    cannot be one (too long, control characters such as NUL), the empty code, which matches no device.

    A field error would answer differently from a wrong code and skip the failure count; the password
    check would then tell whether the password was right (finding: 17 characters or a "\\x00")."""

    def __init__(self, **kwargs):
        attrs = {"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": str(CODE_MAX_LENGTH)}
        super().__init__(required=False, widget=CodeInput(attrs=attrs), **kwargs)
        self.validators = []  # no max-length, no null-character error: see the docstring

    def to_python(self, value):
        token = super().to_python(value)  # a str, stripped
        if len(token) > CODE_MAX_LENGTH or not token.isprintable():
            return ""
        return token


class StaffAuthenticationForm(AdminAuthenticationForm):
    otp_token = CodeField(label="动态验证码")  # a missing code is one more wrong answer, not a different one
    error_messages = {**AdminAuthenticationForm.error_messages, "invalid_login": SIGN_IN_FAILED}

    def confirm_login_allowed(self, user):
        if not (user.is_active and user.is_staff):
            self.count_failure()
            raise self.get_invalid_login_error()

    def confirm_code(self) -> bool:
        """Check the code against the signed-in user's authenticator; a wrong one is a counted failure."""
        device = match_token(self.user_cache, self.cleaned_data.get("otp_token", ""))
        if device is None:
            self.count_failure()
            self.add_error(None, self.get_invalid_login_error())
            return False
        # django-otp marks the session verified with this device when the user is logged in.
        self.user_cache.otp_device = device
        return True

    def count_failure(self):
        """A failure after the password was accepted, told to django-axes like a wrong password."""
        user_login_failed.send(
            sender=__name__, credentials={"username": self.cleaned_data.get("username")}, request=self.request
        )


class StaffLoginView(LoginView):
    def get_default_redirect_url(self):
        # When `next` is missing or points off the site: the admin's index, not Django's /accounts/profile/.
        return reverse("admin:index")

    def form_valid(self, form):
        session = self.request.session
        before = dict(session.items())
        try:
            with transaction.atomic():
                if not form.confirm_code():
                    return self.form_invalid(form)
                response = super().form_valid(form)
                session[CODE_CONFIRMED_AT] = session[ACTIVE_AT] = time.time()
                session.set_expiry(idle_timeout_seconds())
                # Stored now, inside the transaction: if the session cannot be stored, the code stays unused.
                session.save()
        except Exception as error:
            if not is_outage(error):
                raise
            # Not signed in: leave the visitor's session as it was, and the middleware nothing to store.
            session.clear()
            session.update(before)
            session.modified = False
            return maintenance_response(self.request)
        return response


def idle_timeout_seconds() -> int:
    return int(settings.STAFF_SESSION_IDLE_TIMEOUT.total_seconds())


def keep_staff_session_alive(request):
    """Each admin request moves the idle deadline (to within ACTIVITY_RESOLUTION_SECONDS)."""
    if not request.user.is_authenticated:
        return
    last_active = request.session.get(ACTIVE_AT, 0)
    if time.time() - last_active > ACTIVITY_RESOLUTION_SECONDS:
        request.session[ACTIVE_AT] = time.time()
        request.session.set_expiry(idle_timeout_seconds())


class FreshCodeForm(forms.Form):
    """The code again, before a sensitive action, when the last one is older than STAFF_CODE_FRESH_FOR."""

    otp_token = forms.CharField(
        label="动态验证码",
        max_length=16,
        widget=CodeInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
        error_messages={"required": "请输入身份验证器上当前显示的 6 位动态验证码。"},
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    @property
    def fresh_for_minutes(self) -> int:
        return int(settings.STAFF_CODE_FRESH_FOR.total_seconds() // 60)

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"]
        if not confirm_code(self.request, token):
            raise forms.ValidationError(CODE_REFUSED)
        return token


def code_is_fresh(request) -> bool:
    confirmed_at = request.session.get(CODE_CONFIRMED_AT, 0)
    return time.time() - confirmed_at <= settings.STAFF_CODE_FRESH_FOR.total_seconds()


def confirm_code(request, token: str) -> bool:
    """A fresh code for a sensitive action (reveal, export); django-otp throttles repeated wrong ones."""
    if match_token(request.user, (token or "").strip()) is None:
        return False
    request.session[CODE_CONFIRMED_AT] = time.time()
    return True


class StaffAdminSite(AdminSite):
    """Every admin page requires a staff member signed in with password and code (a verified device)."""

    site_header = "上海居住证助手 · 管理后台"
    site_title = "上海居住证助手管理"
    index_title = "内容与线索管理"
    login_form = StaffAuthenticationForm
    login_template = "admin/otp_login.html"

    def has_permission(self, request):
        return super().has_permission(request) and request.user.is_verified()

    def admin_view(self, view, cacheable=False):
        protected = super().admin_view(view, cacheable)

        def inner(request, *args, **kwargs):
            keep_staff_session_alive(request)
            return protected(request, *args, **kwargs)

        return update_wrapper(inner, protected)

    def login(self, request, extra_context=None):
        """AdminSite.login with our view: the same context, the code checked as described above."""
        redirect_url = LoginView().get_redirect_url(request) or reverse("admin:index", current_app=self.name)
        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(redirect_url)
        context = {
            **self.each_context(request),
            "title": "登录",
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
            REDIRECT_FIELD_NAME: redirect_url,
            **(extra_context or {}),
        }
        request.current_app = self.name
        view = StaffLoginView.as_view(
            extra_context=context, authentication_form=self.login_form, template_name=self.login_template
        )
        return view(request)
