"""An edit of a site page shows on the next request in every process."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from permitsite.models import ABOUT, SitePage
from permitsite.page_cache import content_changed


@receiver(post_save, sender=SitePage)
@receiver(post_delete, sender=SitePage)
def site_page_changed(sender, **kwargs):
    content_changed(ABOUT)
