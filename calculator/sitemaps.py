from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class CalculatorSitemap(Sitemap):
    """The self-test's start page; steps and personal results are not for search engines."""

    changefreq = "monthly"

    def items(self):
        return ["calculator:start"]

    def location(self, item):
        return reverse(item)
