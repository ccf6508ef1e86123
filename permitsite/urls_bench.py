"""The production URLs plus a bare view: the ceiling that `make bench` compares every page with.

It runs through the same middleware in the same gunicorn, so the ratio to it shows what a page's own
work costs. Never mounted in production (permitsite/settings_bench.py is the only user).
"""

from django.http import HttpResponse
from django.urls import path

from permitsite.urls import *  # noqa: F403
from permitsite.urls import urlpatterns as site_urlpatterns


def ceiling(request):
    return HttpResponse(b"ok\n", content_type="text/plain")


urlpatterns = [path("__bench__/ceiling", ceiling), *site_urlpatterns]
