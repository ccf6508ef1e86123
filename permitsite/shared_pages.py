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
from itertools import chain

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import (
    patch_cache_control,
    patch_response_headers,
    patch_vary_headers,
    set_response_etag,
)
from django.views.decorators.cache import cache_page
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import conditional_page

from permitsite import stamps
from permitsite.slotted_gzip import SlottedGzip

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


@dataclass(frozen=True)
class KeptPage:
    """A page kept by shared_but_for: its fixed parts, which `own` value goes between each two, and the
    parts compressed once (permitsite/slotted_gzip.py)."""

    parts: tuple[bytes, ...]
    between: tuple[int, ...]  # an index into `own` for each gap
    compressed: SlottedGzip
    content_type: str

    def response(self, request, own) -> HttpResponse:
        made = {index: own[index].fresh(request) for index in set(self.between)}  # one of each kind
        values = [made[index].encode() for index in self.between]
        gzipped = ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if gzipped and [len(value) for value in values] == list(self.compressed.lengths):
            response = HttpResponse(self.compressed.fill(values), content_type=self.content_type)
            response["Content-Encoding"] = "gzip"
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
        # GZipMiddleware compresses it, when the browser asks.
        page = b"".join(chain.from_iterable(zip(self.parts, [*values, b""], strict=True)))
        return HttpResponse(page, content_type=self.content_type)


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
    identity = "\n".join([request.build_absolute_uri(), *map(str, shown)])
    key = "shared-but-for:" + hashlib.sha256(identity.encode()).hexdigest()
    kept = caches["pages"].get(key)
    if kept is not None:
        return kept.response(request, own)
    response = render_page()
    if response.status_code != 200 or response.cookies:
        return response
    content = response.content.decode()
    if "\x00" in content:
        return response  # a NUL marks a visitor's own value below
    replaced = {}
    for index, value in enumerate(own):
        printed = set(value.printed.findall(content))
        if len(printed) > 1 or (not printed and value.carried(request, content)):
            return response  # not exactly one value where it can be replaced: sent, never kept
        for each in printed:
            content = content.replace(each, _slot(index))
            replaced[index] = each
    pieces = SLOT.split(content)  # part, slot index, part, slot index, …, part
    fixed = tuple(part.encode() for part in pieces[0::2])
    between = tuple(int(index) for index in pieces[1::2])
    lengths = [len(replaced[index].encode()) for index in between]
    kept = KeptPage(fixed, between, SlottedGzip.of(list(fixed), lengths), response["Content-Type"])
    caches["pages"].set(key, kept, PAGE_SECONDS)
    return response


# As GZipMiddleware reads Accept-Encoding.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Where a visitor's own value goes in a kept page (one with a NUL of its own is not kept).
SLOT = re.compile("\x00([0-9]+)\x00")


def _slot(index: int) -> str:
    return f"\x00{index}\x00"
