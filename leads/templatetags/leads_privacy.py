"""What /privacy/ says about leads comes from the same settings the code obeys."""

from django import template
from django.conf import settings

from leads import codes, limits

register = template.Library()


@register.simple_tag
def leads_retention_days():
    return settings.LEADS_RETENTION_DAYS


@register.inclusion_tag("leads/privacy_section.html")
def leads_privacy_section():
    return {
        "retention_days": settings.LEADS_RETENTION_DAYS,
        "code_minutes": int(codes.CODE_LIFETIME.total_seconds() // 60),
        "phone_daily_limit": limits.PHONE_DAILY_LIMIT,
    }
