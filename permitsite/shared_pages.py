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

`shared_but_for` is for a page with a form that every visitor at the same point sees alike (a wizard step
nobody has answered yet, an empty consultation form): the view names what the page shows, the page is
rendered once per process for it, and each visitor gets it with a CSRF token (and CAPTCHA) of their own.
"""

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_response_headers, set_response_etag
from django.views.decorators.cache import cache_page
from django.views.decorators.gzip import gzip_page
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
            set_response_etag(response)  # of the page's own bytes, before gzip adds random ones
            return response

        @wraps(view)
        def cached(request, *args, **kwargs):
            # The footer prints the year.
            version = ".".join([str(timezone.localdate().year), *map(stamps.current, topics)])
            # Compressed before it is kept, once per Accept-Encoding (cache_page keys on Vary): a page
            # without a token or anything a visitor typed has nothing for BREACH to find.
            page = cache_page(PAGE_SECONDS, cache="pages", key_prefix=version)(gzip_page(marked))
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


@dataclass(frozen=True)
class Own:
    """Something a shared page prints that must be each visitor's own: `printed` finds it in a rendered
    page (its one group), `fresh` makes one for this request, and `carried` tells whether the page has one
    at all, so that a page whose value `printed` cannot find is never kept."""

    printed: re.Pattern
    fresh: Callable[[HttpRequest], str]
    carried: Callable[[HttpRequest, str], bool]


# What {% csrf_token %} prints; the token is 64 letters and digits (django.middleware.csrf). A page that
# asked for a token (get_token flags the cookie for sending) carries one.
CSRF_TOKEN = Own(
    re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"'),
    get_token,
    lambda request, content: bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE")),
)


def shared_but_for(
    request, render_page: Callable[[], HttpResponse], *shown, own=(CSRF_TOKEN,), query=()
) -> HttpResponse:
    """The page `render_page` makes, kept per process for every visitor of this URL whose page would show
    the same `shown` (the stamps, the date and anything else the page prints), served with this visitor's
    `own` values (their CSRF token, by default). The view answers for `shown`: nothing in the page may
    depend on anything else. An address with a query parameter other than those in `query` (a campaign's
    utm_*, a share's ?from=) is rendered and not kept, so strangers' links cannot fill the cache."""
    if any(name not in query for name in request.GET):
        return render_page()
    parts = "\n".join([request.build_absolute_uri(), *map(str, shown)])
    key = "shared-but-for:" + hashlib.sha256(parts.encode()).hexdigest()
    kept = caches["pages"].get(key)
    if kept is not None:
        content, content_type = kept
        for slot, value in zip(_slots(own), own, strict=True):
            if slot in content:
                content = content.replace(slot, value.fresh(request))
        return HttpResponse(content, content_type=content_type)
    response = render_page()
    if response.status_code != 200 or response.cookies:
        return response
    content = response.content.decode()
    for slot, value in zip(_slots(own), own, strict=True):
        printed = set(value.printed.findall(content))
        if len(printed) > 1 or (not printed and value.carried(request, content)):
            return response  # not exactly one value where it can be replaced: sent, never kept
        for each in printed:
            content = content.replace(each, slot)
    caches["pages"].set(key, (content, response["Content-Type"]), PAGE_SECONDS)
    return response


def _slots(own) -> list[str]:
    # A NUL is never part of a page the templates print.
    return [f"\x00{number}\x00" for number in range(len(own))]
