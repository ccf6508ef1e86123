from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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
    "renewal": RenewalPagesSitemap,
    "guides": GuideSitemap,
    "leads": LeadsSitemap,
}
