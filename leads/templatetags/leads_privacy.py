"""What /privacy/ says about leads. The retention period is the one the policy version states; a system
check keeps the setting the code obeys equal to it."""

from django import template
from django.conf import settings

from leads import codes, limits
from permitsite.operator import current_operator
from permitsite.privacy import LEADS_RETENTION_DAYS_STATED

register = template.Library()


@register.simple_tag
def leads_retention_days():
    return LEADS_RETENTION_DAYS_STATED


@register.inclusion_tag("leads/privacy_section.html")
def leads_privacy_section():
    return {
        "retention_days": LEADS_RETENTION_DAYS_STATED,
        "code_minutes": int(codes.CODE_LIFETIME.total_seconds() // 60),
        "phone_daily_limit": limits.PHONE_DAILY_LIMIT,
        "operator": current_operator(),
        "notify_by_webhook": bool(settings.LEADS_NOTIFY_WEBHOOK),
    }
