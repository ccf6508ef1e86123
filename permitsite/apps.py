from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class PermitsiteConfig(AppConfig):
    default = True
    name = "permitsite"
    verbose_name = "站点"

    def ready(self):
        from permitsite import checks  # noqa: F401 (registers the deployment checks)


class PermitAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with our two-factor admin site as the default `admin.site`."""

    default = False
    default_site = "permitsite.admin_site.StaffAdminSite"
