"""Every edit of a guide drops the cached guide pages and the next steps of points results on all processes
and hosts."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from permitsite import stamps
from permitsite.page_cache import content_changed
from renewal.models import GUIDES, Article
from renewal.next_steps import NEXT_STEPS


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
@receiver(m2m_changed, sender=Article.related.through)
def guides_changed(sender, **kwargs):
    content_changed(GUIDES)
    stamps.changed(NEXT_STEPS)
