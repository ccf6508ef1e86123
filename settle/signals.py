"""Any saved or deleted condition, from admin or anywhere else, reaches every process on its next request."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from permitsite import stamps
from settle.conditions import CONDITIONS
from settle.models import SettleCondition


@receiver(post_save, sender=SettleCondition)
@receiver(post_delete, sender=SettleCondition)
def conditions_changed(sender, **kwargs):
    stamps.changed(CONDITIONS)
