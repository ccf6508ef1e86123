"""Version stamps: "this changed; every process re-reads it".

Editor data that every request reads (the rules, guides, wage figures, …) is kept per process and tagged
with a stamp in the shared cache (Redis, or the file cache every worker on a host shares). An edit calls
`changed(topic)`; once its transaction commits the stamp is replaced, so the next request in any worker on
any host sees a different stamp and reloads. One behaviour when the shared cache is down: `current()`
answers a fresh random stamp, so callers reload from the database on every request until it is back
(no process could otherwise learn of an edit made elsewhere).

Within one request (`one_reading_per_request()`, entered by permitsite.middleware.OutageMiddleware) each
topic's stamp is read from the shared cache once: a page reads the same few topics many times, and one
request should see one version of each.
"""

import contextlib
import logging
import threading
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)


def cache_key(topic: str) -> str:
    return f"stamp:{topic}"


_request = threading.local()


@contextlib.contextmanager
def one_reading_per_request():
    """Inside the block, `current(topic)` asks the shared cache once per topic."""
    _request.stamps = {}
    try:
        yield
    finally:
        _request.stamps = None


def current(topic: str) -> str:
    """The topic's stamp; a fresh one (so: reload) when it is missing or the shared cache is down."""
    read = getattr(_request, "stamps", None)
    if read is None:
        return _read(topic)
    if topic not in read:
        read[topic] = _read(topic)
    return read[topic]


def _read(topic: str) -> str:
    try:
        stamp = cache.get(cache_key(topic))
        if stamp is None:
            # Evicted or never set: a new stamp makes every process reload, which is always safe.
            cache.add(cache_key(topic), uuid.uuid4().hex, timeout=None)
            stamp = cache.get(cache_key(topic))
    except Exception as error:  # whatever the cache backend raises (redis.ConnectionError, OSError, …)
        logger.warning("shared cache unavailable, reloading %s per request: %s", topic, type(error).__name__)
        return uuid.uuid4().hex
    return stamp or uuid.uuid4().hex


def changed(topic: str) -> None:
    """Tell every process to re-read `topic` once the current transaction (if any) has committed."""

    def move():
        read = getattr(_request, "stamps", None)
        if read is not None:
            read.pop(topic, None)  # the rest of this request reads the new stamp
        cache.set(cache_key(topic), uuid.uuid4().hex, timeout=None)

    transaction.on_commit(move)


class Stamped[T]:
    """A value loaded from the database once per process and reloaded whenever `topic`'s stamp moves.

    wage_periods = Stamped("wages", load_wage_periods)
    wage_periods.get()
    """

    def __init__(self, topic: str, load: Callable[[], T]):
        self.topic = topic
        self._load = load
        self._lock = threading.Lock()
        self._stamp: str | None = None
        self._value: T | None = None

    def get(self) -> T:
        stamp = current(self.topic)
        if self._stamp != stamp:
            with self._lock:
                if self._stamp != stamp:
                    self._value = self._load()
                    self._stamp = stamp
        return self._value  # type: ignore[return-value]
