"""An edit of the services reaches the form on every process, and the fees on /about/."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from leads.models import SERVICES_TOPIC, Service
from permitsite import stamps
from permitsite.models import ABOUT
from permitsite.page_cache import content_changed


@receiver(post_save, sender=Service)
@receiver(post_delete, sender=Service)
def services_changed(sender, **kwargs):
    stamps.changed(SERVICES_TOPIC)
    content_changed(ABOUT)
