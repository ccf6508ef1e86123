from django.conf import settings
from django.core.checks import Error, Warning, register

from reminders.texts import ONE_SMS, longest_text, stop_link

EXAMPLE_TOKEN = "x" * 8


@register()
def check_reminder_links(app_configs, **kwargs):
    """The texts link to SITE_URL: in production the public https address, short enough for one SMS."""
    if not getattr(settings, "HTTPS", False):
        return []
    errors = []
    if not settings.SITE_URL.startswith("https://"):
        errors.append(
            Error(
                f"SITE_URL is {settings.SITE_URL!r}; the 签注 reminder texts would link there.",
                hint="Set SITE_URL to the public address, e.g. https://jzz.example.cn (docs/deploy.md).",
                id="reminders.E001",
            )
        )
    longest = len(longest_text(stop_link(settings.SITE_URL, EXAMPLE_TOKEN)))
    if longest > ONE_SMS:
        errors.append(
            Warning(
                f"With SITE_URL={settings.SITE_URL} the longest reminder has {longest} characters: "
                f"each would be billed as two SMS (one holds {ONE_SMS}).",
                hint="Use a shorter host name for SITE_URL (reminders/texts.py, LONGEST_HOST).",
                id="reminders.W001",
            )
        )
    if settings.SMS_BACKEND == "leads.sms.AliyunBackend":
        missing = [kind for kind, code in settings.SMS_ALIYUN_REMINDER_TEMPLATES.items() if not code]
        if missing:
            errors.append(
                Error(
                    f"No Aliyun template for the reminders: {', '.join(missing)}.",
                    hint="Set the three SMS_ALIYUN_TEMPLATE_* variables of docs/deploy.md.",
                    id="reminders.E002",
                )
            )
    return errors
