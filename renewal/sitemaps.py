from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from renewal.models import Article


class RenewalPagesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["renewal:guide_list", "renewal:check", "renewal:processing"]

    def location(self, item):
        return reverse(item)


class GuideSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at
