from django.urls import path

from renewal import feeds, views

app_name = "renewal"

urlpatterns = [
    path("guides/", views.guide_list, name="guide_list"),
    path("guides/feed/", feeds.LatestGuidesFeed(), name="guide_feed"),
    path("guides/<slug:slug>/", views.guide_detail, name="guide_detail"),
    path("renewal/check/", views.check, name="check"),
    path("renewal/check/calendar.ics", views.check_calendar, name="check_calendar"),
    path("renewal/processing/", views.processing, name="processing"),
]
