"""An edit of the services reaches the form and the fees on /about/ in every process (stamps)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from leads.models import SERVICES_TOPIC, Service
from permitsite import stamps


@receiver(post_save, sender=Service)
@receiver(post_delete, sender=Service)
def services_changed(sender, **kwargs):
    stamps.changed(SERVICES_TOPIC)
