from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from calculator.sitemaps import CalculatorSitemap


class StaticPagesSitemap(Sitemap):
    """Public pages that are not database rows."""

    changefreq = "monthly"

    def items(self):
        return ["home", "privacy"]

    def location(self, item):
        return reverse(item)


# Each app adds its own sitemap here.
SITEMAPS = {"pages": StaticPagesSitemap, "calculator": CalculatorSitemap}
