"""A subscription to measure and check the pages behind a text's link (tests/public_pages.py, scripts/)."""

from django.utils import timezone

SAMPLE_PHONE = "13800000000"  # a number no one is reached at in a measurement database


def example_link_path():
    """The /r/<token> page of a sample subscription whose reminders are all still ahead."""
    from reminders.models import Subscription
    from reminders.schedule import next_year_expiry
    from reminders.services import new_token

    today = timezone.localdate()
    subscription, _ = Subscription.objects.get_or_create(
        phone=SAMPLE_PHONE,
        defaults={
            "expiry": next_year_expiry(today),
            "subscribed_on": today,
            "token": new_token(),
            "consent_privacy_version": "sample",
            "consent_at": timezone.now(),
            "consent_ip_hash": "",
            "consent_user_agent_hash": "",
        },
    )
    return f"/r/{subscription.token}"
