"""Pages that every visitor shares, kept by Django's cache framework under the stamps of what they show.

`@shared_page(GUIDES)` is Django's `cache_page` on the "pages" cache (settings.CACHES: per process), keyed
per URL under the current version stamps of the topics the page shows (permitsite/stamps.py). An edit
moves a stamp once it commits, so every process on every host misses on its next request and renders
afresh; a deploy or a restart with another environment starts with an empty cache. While the shared cache
is down every stamp is new on every request, so pages are rendered afresh.

Only what many visitors share is stored: a response whose rendering asked for a CSRF token, read the
session or set a cookie goes out `Cache-Control: private`, which Django's cache middleware never stores.
Browsers are told to check their copy every time (`max-age=0`), and Django's conditional GET answers 304
against an ETag of the page's own bytes, so a 304 is right whatever changed: an edit, a deploy, a setting.
"""

from functools import wraps

from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_response_headers, set_response_etag
from django.views.decorators.cache import cache_page
from django.views.decorators.http import conditional_page

from permitsite import stamps

# An edit replaces pages at once through its stamp; this only bounds how long an entry that nobody asks
# for any more keeps its space.
PAGE_SECONDS = 60 * 60


def shared_page(*topics: str):
    """Keep the view's pages per URL for up to PAGE_SECONDS, or until a stamp of `topics` moves."""

    def decorator(view):
        @wraps(view)
        def marked(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if used_anything_personal(request, response):
                patch_cache_control(response, private=True)
            else:
                patch_response_headers(response, cache_timeout=0)
                set_response_etag(response)  # hashed once, kept with the page
            return response

        @wraps(view)
        def cached(request, *args, **kwargs):
            # The footer prints the year.
            version = ".".join([str(timezone.localdate().year), *map(stamps.current, topics)])
            page = cache_page(PAGE_SECONDS, cache="pages", key_prefix=version)(marked)
            return page(request, *args, **kwargs)

        return conditional_page(cached)

    return decorator


def used_anything_personal(request, response) -> bool:
    session = getattr(request, "session", None)
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and session.accessed)
    )
