"""An edit of a site page shows on the next request in every process (permitsite/stamps.py)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from permitsite import stamps
from permitsite.models import ABOUT, SitePage


@receiver(post_save, sender=SitePage)
@receiver(post_delete, sender=SitePage)
def site_page_changed(sender, **kwargs):
    stamps.changed(ABOUT)
