"""The admin site: staff sign in with password plus a TOTP code (django-otp)."""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_totp.models import TOTPDevice


class ChineseOTPAdminAuthenticationForm(OTPAdminAuthenticationForm):
    otp_device = forms.CharField(required=False, widget=forms.Select, label="验证设备")
    otp_token = forms.CharField(
        required=False,
        label="动态验证码",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_error_messages = {
        "token_required": "请输入身份验证器应用中的 6 位动态验证码。",
        "challenge_exception": "无法生成验证挑战：{0}",
        "not_interactive": "所选设备不支持发送验证码。",
        "challenge_message": "验证挑战：{0}",
        "invalid_token": "动态验证码不正确或已过期，请重新输入。",
        "n_failed_attempts": "动态验证码错误次数过多，请稍后再试。",
        "verification_not_allowed": "暂时无法验证，请稍后再试。",
        "device_required": "该账号尚未绑定身份验证器，请联系管理员绑定后再登录。",
    }

    def _verify_token(self, user, token, device=None):
        # Each staff member has exactly one authenticator (enrol_totp), so there is nothing to choose.
        if device is None:
            device = TOTPDevice.objects.devices_for_user(user).first()
        return super()._verify_token(user, token, device)


class StaffAdminSite(AdminSite):
    """Requires a verified OTP device for every staff member when settings.ADMIN_REQUIRE_OTP is on.

    The switch exists for the test suite only (settings_test turns it off so that admin tests can use
    force_login; the OTP tests turn it back on); production settings always require OTP.
    """

    site_header = "上海居住证助手 · 管理后台"
    site_title = "上海居住证助手管理"
    index_title = "内容与线索管理"

    @property
    def login_form(self):
        return ChineseOTPAdminAuthenticationForm if settings.ADMIN_REQUIRE_OTP else AdminAuthenticationForm

    @property
    def login_template(self):
        return "admin/otp_login.html" if settings.ADMIN_REQUIRE_OTP else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return request.user.is_verified() if settings.ADMIN_REQUIRE_OTP else True
