"""Every edit of a guide drops the cached guide pages on all processes and hosts."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from permitsite.page_cache import content_changed
from renewal.models import GUIDES, Article, ArticleSource


@receiver(post_save, sender=Article)
@receiver(post_delete, sender=Article)
@receiver(m2m_changed, sender=Article.related.through)
@receiver(post_save, sender=ArticleSource)
@receiver(post_delete, sender=ArticleSource)
def guides_changed(sender, **kwargs):
    content_changed(GUIDES)
