from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django_otp.plugins.otp_totp.apps import DefaultConfig as TotpAppConfig


class PermitsiteConfig(AppConfig):
    default = True
    name = "permitsite"
    verbose_name = "站点"

    def ready(self):
        from permitsite import checks, signals  # noqa: F401  (registers checks and receivers)


class PermitAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with our two-factor admin site as the default `admin.site`."""

    default = False
    default_site = "permitsite.admin_site.StaffAdminSite"


# The two third-party apps the admin index lists by their labels ("Axes", "Otp_Totp"): named in Chinese.
class LoginProtectionConfig(AxesAppConfig):
    default = False
    verbose_name = "登录保护（Axes）"


class TotpDevicesConfig(TotpAppConfig):
    default = False
    verbose_name = "动态验证码设备（TOTP）"
