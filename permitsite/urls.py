from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from leads import views as leads_views
from permitsite import views
from permitsite.sitemaps import SITEMAPS

api_v1 = [
    path("", include("calculator.api")),
    path("", include("renewal.api")),
    path("", include("settle.api")),
    path("", include("schooling.api")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("about/", views.about, name="about"),
    path("privacy/requests/", leads_views.deletion_request, name="privacy_requests"),
    path("privacy/requests/done/", leads_views.deletion_done, name="privacy_requests_done"),
    path("jifen/", include("calculator.urls")),
    path("", include("renewal.urls")),
    path("consult/", include("leads.urls")),
    path("juzhuanhu/", include("settle.urls")),
    path("shengxue/", include("schooling.urls")),
    path("", include("reminders.urls")),
    path("api/v1/", include(api_v1)),
    path("captcha/", include("captcha.urls")),
    path("ping", views.ping, name="ping"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(settings.ADMIN_URL, admin.site.urls),
]

handler400 = "permitsite.views.bad_request"
handler403 = "permitsite.views.permission_denied"
handler404 = "permitsite.views.page_not_found"
handler500 = "permitsite.views.server_error"
