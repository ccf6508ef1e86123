"""A URLconf for error-page tests: views that fail the ways real views can."""

from django.contrib.auth.models import User
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import path


def reads_the_database(request):
    return HttpResponse(f"{User.objects.count()} users")


def needs_the_cache(request):
    return HttpResponse(f"counter {cache.incr('counter')}")


def has_a_bug(request):
    raise ZeroDivisionError("a programming error")


urlpatterns = [
    path("reads-db/", reads_the_database),
    path("needs-cache/", needs_the_cache),
    path("bug/", has_a_bug),
]
