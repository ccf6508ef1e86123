"""Every edit of a guide or of the holiday calendar, from admin or anywhere else, reaches every process and
host on its next request (permitsite/stamps.py)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from permitsite import stamps
from renewal.models import GUIDES, HOLIDAYS, Article, HolidayOverride, HolidayYear


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
@receiver(m2m_changed, sender=Article.related.through)
def guides_changed(sender, **kwargs):
    stamps.changed(GUIDES)


@receiver(post_save, sender=HolidayOverride)
@receiver(post_delete, sender=HolidayOverride)
@receiver(post_save, sender=HolidayYear)
@receiver(post_delete, sender=HolidayYear)
def holidays_changed(sender, **kwargs):
    stamps.changed(HOLIDAYS)
