"""A public site must say who runs it and how to reach them (个人信息保护法 第十七条; the footer, /about/ and
/privacy/ show both). In production `manage.py check` refuses to run without them."""

from django.conf import settings
from django.core.checks import Error, register

from permitsite.operator import current_operator

# What settings.py falls back to for SITE_OPERATOR: fine for development, not a legal name.
DEVELOPMENT_OPERATOR = "上海居住证助手运营团队"


@register(deploy=True)
def check_operator_is_named(app_configs, **kwargs):
    if not getattr(settings, "HTTPS", False):
        return []
    errors = []
    if settings.SITE_OPERATOR.strip() in ("", DEVELOPMENT_OPERATOR):
        errors.append(
            Error(
                "SITE_OPERATOR is not set to the operator's legal name, which /privacy/ and /about/ show.",
                hint="Set SITE_OPERATOR to the name on the business licence, e.g. 上海某某信息科技有限公司.",
                id="permitsite.E101",
            )
        )
    if not current_operator().has_contact:
        errors.append(
            Error(
                "No contact is configured: people must be able to reach the operator about their data.",
                hint="Set SITE_CONTACT_PHONE and/or SITE_CONTACT_EMAIL (PRIVACY_CONTACT_EMAIL for a separate "
                "privacy mailbox).",
                id="permitsite.E102",
            )
        )
    return errors
