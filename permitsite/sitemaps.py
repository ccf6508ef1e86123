from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from calculator.sitemaps import CalculatorSitemap
from leads.sitemaps import LeadsSitemap
from renewal.sitemaps import GuideSitemap, RenewalPagesSitemap


class StaticPagesSitemap(Sitemap):
    """Public pages that are not database rows."""

    changefreq = "monthly"

    def items(self):
        return ["home", "privacy"]

    def location(self, item):
        return reverse(item)


# Each app adds its own sitemap here.
SITEMAPS = {
    "pages": StaticPagesSitemap,
    "calculator": CalculatorSitemap,
    "renewal": RenewalPagesSitemap,
    "guides": GuideSitemap,
    "leads": LeadsSitemap,
}
