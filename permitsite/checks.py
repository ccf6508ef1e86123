"""Deployment checks (`manage.py check --deploy`) for mistakes Django's own checks cannot see.

A public site must also say who runs it and how to reach them (个人信息保护法 第十七条; the footer, /about/
and /privacy/ show both): in production `manage.py check` refuses to run without them."""

import stat
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

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


@register(Tags.security, deploy=True)
def check_forwarded_allow_ips(app_configs, **kwargs):
    # Behind the TLS proxy every connection comes from the proxy: unless it is trusted to name the
    # client, every visitor has the proxy's address, and per-address limits act on the whole site.
    if not getattr(settings, "HTTPS", False) or settings.FORWARDED_ALLOW_IPS:
        return []
    return [
        Warning(
            "DJANGO_HTTPS=1 but FORWARDED_ALLOW_IPS is empty: every visitor appears to come from the proxy's "
            "address, so admin lockouts and SMS limits would act on everyone at once.",
            hint="Set FORWARDED_ALLOW_IPS to the address of the proxy in front of gunicorn, e.g. 127.0.0.1 "
            "(docs/deploy.md).",
            id="permitsite.W001",
        )
    ]


@register(Tags.security, deploy=True)
def check_private_files(app_configs, **kwargs):
    # Installs made before var/ was created private keep their old permissions until someone fixes them.
    private = [settings.VAR_DIR, settings.VAR_DIR / "secret_key"]
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        private.append(Path(database["NAME"]))
    readable = [
        str(path) for path in private if path.exists() and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO)
    ]
    if not readable:
        return []
    return [
        Warning(
            f"Readable by other accounts on this host: {', '.join(readable)} "
            "(they hold names, phone numbers and the secret key).",
            hint="chmod 700 the directory and 600 the files in it (docs/deploy.md).",
            id="permitsite.W002",
        )
    ]
