"""The one sitemap: every public page search engines should know, and each published guide.

A new public page joins `PAGES` by its URL name; the self-test's steps and personal results stay out.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from renewal.models import Article

PAGES = [
    "home",
    "calculator:start",
    "calculator:base",
    "calculator:rules",
    "renewal:guide_list",
    "renewal:check",
    "renewal:processing",
    "leads:consult",
    "schooling:timeline",
    "settle:check",
    "privacy",
    "privacy_requests",
    "reminders:subscribe",
    "reminders:stop",
    "about",
]


class PagesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return PAGES

    def location(self, item):
        return reverse(item)


class GuideSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"pages": PagesSitemap, "guides": GuideSitemap}
