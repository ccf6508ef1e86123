"""Whole public pages kept as HTML in the shared cache (Redis, or the file cache every worker shares).

Only pages that print nothing about the visitor are stored: the key holds what the shared part of a page
does depend on (scheme and host for the canonical and share URLs, the path for the navigation's current
item, the year in the footer, the deployed templates and static files) and a topic's generation, which an
edit bumps so that every process and host misses on its next request. A page whose rendering asked for a
CSRF token or touched the session is served but never stored, so one visitor's token or session never
reaches another; only the HTML is stored, never cookies or other headers. The CSP has no nonce, so a stored
page stays valid under it (DESIGN.md §4).
"""

import hashlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

logger = logging.getLogger(__name__)

# A day: an edit invalidates at once through the generation; the timeout only bounds the space that
# pages nobody asks for any more keep.
PAGE_SECONDS = 24 * 60 * 60


def _release_fingerprint() -> str:
    """This deploy's templates, static manifest (hashed URLs) and Python code (navigation, limits the privacy
    page states): a deploy that changes any of them starts with empty pages, even when the cache outlives
    the processes. Read once per process, a few milliseconds."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    files = [
        path
        for directory in settings.TEMPLATES[0]["DIRS"]
        for path in sorted(Path(directory).rglob("*.html"))
    ]
    files += [
        path
        for package in sorted(base.iterdir())
        if (package / "__init__.py").is_file()
        for path in sorted(package.rglob("*.py"))
    ]
    files.append(Path(settings.STATIC_ROOT) / "staticfiles.json")
    for path in files:
        if path.is_file():
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


RELEASE = _release_fingerprint()

# Pages this process has read or stored, by the same key: the key changes with every edit, so an entry here
# is never stale, and a warm request reads no page from the shared cache (a file read and unpickling
# there). Bounded by starting over; a page is about 10 KB.
_recent = {}
RECENT_LIMIT = 200


def _remember(key, page):
    if len(_recent) >= RECENT_LIMIT:
        _recent.clear()
    _recent[key] = page


@receiver(setting_changed)
def _forget_recent(**kwargs):
    _recent.clear()  # tests that change settings (static storage, hosts) render pages afresh


def _generation_key(topic):
    return f"pages:generation:{topic}"


def _unless_cache_down(operation, fallback):
    """The shared cache only speeds pages up: while it is unreachable, pages are rendered afresh."""
    try:
        return operation()
    except Exception as error:  # whatever the backend raises (redis.ConnectionError, OSError, …)
        logger.warning("shared cache unavailable, serving pages uncached: %s", type(error).__name__)
        return fallback


def generation(topic) -> int:
    """When the topic last changed, in nanoseconds; the first reader after a cache loss starts one."""

    def read():
        current = cache.get(_generation_key(topic))
        if current is None:
            cache.add(_generation_key(topic), time.time_ns(), timeout=None)
            current = cache.get(_generation_key(topic), 0)
        return current

    # With the cache down, "now" keys nothing that could be found again: every request renders afresh.
    return _unless_cache_down(read, fallback=time.time_ns())


def content_changed(topic):
    """Call on every edit of what the topic's pages show.

    Bumped now, so later reads in this request miss; and again once the transaction commits, because a
    request that read the new generation before the commit may have stored a page rendered from the
    old rows under it.
    """
    cache.set(_generation_key(topic), time.time_ns(), timeout=None)
    transaction.on_commit(lambda: cache.set(_generation_key(topic), time.time_ns(), timeout=None))


@dataclass(frozen=True)
class StoredPage:
    html: bytes
    etag: str
    last_modified: float
    extra: dict

    def response(self, request):
        """The page, or a 304 when the visitor's copy is current."""
        response = get_conditional_response(request, etag=self.etag, last_modified=int(self.last_modified))
        if response is None:
            response = HttpResponse(self.html)
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        # Browsers revalidate every time (a 304 is cheap): an editor's fix shows on the next request, and
        # a guide's view is counted on its server.
        patch_cache_control(response, no_cache=True)
        return response


class PageCache:
    """One page of `topic` (None: a page that changes only with a deploy) for this request.

    `varies_on`: anything else the page prints that a deploy can change without changing a template, such as
    a setting read from the environment.
    """

    def __init__(self, request, topic=None, *, varies_on=()):
        self.request = request
        parts = [
            RELEASE,
            request.scheme,
            request.get_host(),
            request.path,
            str(timezone.localdate().year),
            str(generation(topic)) if topic else "-",
            # Every footer names the operator and its ICP number, both set by the environment.
            settings.SITE_OPERATOR,
            settings.SITE_ICP_RECORD,
            *map(str, varies_on),
        ]
        self.key = "pages:" + hashlib.sha256("|".join(parts).encode()).hexdigest()

    def get(self):
        page = _recent.get(self.key)
        if page is None:
            page = _unless_cache_down(lambda: cache.get(self.key), fallback=None)
            if page is not None:
                _remember(self.key, page)
        return page

    def store(self, response, *, last_modified=None, **extra) -> StoredPage:
        """Keep a rendered 200 unless its rendering used anything of this visitor's."""
        html = response.content
        page = StoredPage(
            html=html,
            etag='"' + hashlib.sha256(html).hexdigest()[:32] + '"',
            last_modified=last_modified if last_modified is not None else time.time(),
            extra=extra,
        )
        if response.status_code == 200 and not response.cookies and not self._rendered_per_visitor():
            _unless_cache_down(lambda: cache.set(self.key, page, PAGE_SECONDS), fallback=None)
            _remember(self.key, page)
        return page

    def _rendered_per_visitor(self):
        session = getattr(self.request, "session", None)
        return bool(self.request.META.get("CSRF_COOKIE_NEEDS_UPDATE")) or bool(
            session is not None and session.accessed
        )
