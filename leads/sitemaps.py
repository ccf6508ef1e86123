from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class LeadsSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["leads:consult", "privacy_requests"]

    def location(self, item):
        return reverse(item)
