from importlib.util import find_spec
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register

from permitsite.privacy import LEADS_RETENTION_DAYS_STATED

DEVELOPMENT_BACKENDS = {"leads.sms.ConsoleBackend", "leads.sms.LocmemBackend"}
ALIYUN_SETTINGS = (
    "SMS_ALIYUN_ACCESS_KEY_ID",
    "SMS_ALIYUN_ACCESS_KEY_SECRET",
    "SMS_ALIYUN_SIGN_NAME",
    "SMS_ALIYUN_TEMPLATE_CODE",
)


@register()
def check_sms_backend(app_configs, **kwargs):
    backend = settings.SMS_BACKEND
    errors = []
    if getattr(settings, "HTTPS", False) and backend in DEVELOPMENT_BACKENDS:
        # A public site on these would never deliver a code: every visitor would be stuck at 验证码.
        errors.append(
            Error(
                f"SMS_BACKEND is {backend}, which sends no real SMS, but DJANGO_HTTPS=1 means production.",
                hint="Set SMS_BACKEND=leads.sms.AliyunBackend and SMS_ALIYUN_* (docs/leads.md).",
                id="leads.E001",
            )
        )
    if backend == "leads.sms.AliyunBackend":
        missing = [name for name in ALIYUN_SETTINGS if not getattr(settings, name, "")]
        if missing:
            errors.append(
                Error(
                    f"The Aliyun SMS backend needs {', '.join(missing)}.",
                    hint="Set these environment variables (docs/leads.md).",
                    id="leads.E002",
                )
            )
        if find_spec("alibabacloud_dysmsapi20170525") is None:
            errors.append(
                Error(
                    "The Aliyun SMS SDK is not installed.",
                    hint="pip install -r requirements-aliyun.txt",
                    id="leads.E003",
                )
            )
    return errors


@register()
def check_retention_matches_policy(app_configs, **kwargs):
    # Consents record the policy version, so the retention a person agreed to must be the one enforced.
    if settings.LEADS_RETENTION_DAYS == LEADS_RETENTION_DAYS_STATED:
        return []
    return [
        Error(
            f"LEADS_RETENTION_DAYS is {settings.LEADS_RETENTION_DAYS}, but the privacy policy states "
            f"{LEADS_RETENTION_DAYS_STATED} days.",
            hint="Change the policy text (permitsite/privacy.py LEADS_RETENTION_DAYS_STATED) and bump "
            "POLICY_VERSION together, or unset LEADS_RETENTION_DAYS.",
            id="leads.E004",
        )
    ]


@register()
def check_lead_recipient_and_notifications(app_configs, **kwargs):
    errors = []
    if settings.LEADS_RECIPIENT and not settings.LEADS_RECIPIENT_CONTACT:
        # 依据: 个人信息保护法 第二十三条: the person must be told the recipient's name and how to reach it.
        errors.append(
            Error(
                "LEADS_RECIPIENT is set without LEADS_RECIPIENT_CONTACT.",
                hint="The consent must name the company that receives leads and how to contact it.",
                id="leads.E005",
            )
        )
    webhook = settings.LEADS_NOTIFY_WEBHOOK
    if webhook and urlsplit(webhook).scheme not in ("http", "https"):
        errors.append(
            Error(
                "LEADS_NOTIFY_WEBHOOK must be an http(s) address.",
                hint="Copy the group robot's webhook address from 企业微信 or 钉钉.",
                id="leads.E006",
            )
        )
    if getattr(settings, "HTTPS", False) and settings.LEADS_NOTIFY_EMAILS and not settings.SMTP_HOST:
        errors.append(
            Error(
                "LEADS_NOTIFY_EMAILS is set but SMTP_HOST is not: mails would only be printed to the log.",
                hint="Set SMTP_HOST, SMTP_PORT, SMTP_USER and SMTP_PASSWORD (docs/leads.md).",
                id="leads.E007",
            )
        )
    return errors
