from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from renewal.models import Article


class LatestGuidesFeed(Feed):
    feed_type = Atom1Feed
    title = "上海居住证助手 · 签注指南"
    subtitle = "居住证签注、办理条件、地址变更和积分政策的最新指南。"
    link = reverse_lazy("renewal:guide_list")

    def items(self):
        return Article.objects.published().order_by("-updated_at")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_category_display()]
