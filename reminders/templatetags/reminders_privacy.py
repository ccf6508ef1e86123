"""What /privacy/ says about the 签注 SMS reminders, with the figures the code uses."""

from django import template

from reminders import schedule
from renewal.deadlines import GRACE_DAYS_AFTER_EXPIRY

register = template.Library()


@register.inclusion_tag("reminders/privacy_section.html")
def reminders_privacy_section():
    return {
        "texts_per_year": len(schedule.Kind),
        "kept_until_day": GRACE_DAYS_AFTER_EXPIRY + 1,
        "sending_starts": schedule.SENDING_STARTS,
        "sending_ends": schedule.SENDING_ENDS,
    }


@register.simple_tag
def reminders_kept_until_day():
    """The day after expiry from which a subscription is deleted (the retention list and the rights table)."""
    return GRACE_DAYS_AFTER_EXPIRY + 1
