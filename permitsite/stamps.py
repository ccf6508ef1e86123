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

An edit is never turned into an error by the cache: the save has committed by the time the stamp is
written, so a stamp that cannot be written (the cache is down or does not answer) is logged and kept as
pending in this process. It is written as soon as the cache answers again: on this process's next read of
any stamp, and by a retry every RETRY_SECONDS in the background, and when gunicorn stops the worker. Until
then other processes may serve what they held before the edit (the stamp they read has not moved); if this
process ends before the cache is back the bump is lost, and the bound is how long anything is held without
looking at the stamp: Stamped values are reloaded at least every MAX_AGE_SECONDS, shared pages are kept at
most permitsite/shared_pages.PAGE_SECONDS (an hour). docs/decisions.md, "When the shared cache is down".
"""

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

# A stamp that could not be written is tried again this often while it is pending.
RETRY_SECONDS = 5.0
# However a stamp fares, a Stamped value is reloaded at least this often (the bound on staleness above).
MAX_AGE_SECONDS = 10 * 60

_pending: set[str] = set()
_pending_lock = threading.Lock()
_retrying: threading.Timer | None = None


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
    if _pending:
        write_pending()  # the cache answers again: the edits it missed move their stamps now
    return stamp or uuid.uuid4().hex


def changed(topic: str) -> None:
    """Tell every process to re-read `topic` once the current transaction (if any) has committed."""

    def move():
        read = getattr(_request, "stamps", None)
        if read is not None:
            read.pop(topic, None)  # the rest of this request reads the new stamp
        bump(topic)

    transaction.on_commit(move)


def bump(topic: str) -> bool:
    """Replace the topic's stamp; when the cache cannot take it, log, keep it pending and retry. Never raises:
    it runs after the edit committed, and a committed edit is not an error."""
    try:
        cache.set(cache_key(topic), uuid.uuid4().hex, timeout=None)
    except Exception as error:  # whatever the cache backend raises
        logger.warning(
            "shared cache unavailable: stamp %s not moved, other processes may serve it unchanged "
            "until it is (retried every %s s): %s",
            topic,
            RETRY_SECONDS,
            type(error).__name__,
        )
        with _pending_lock:
            _pending.add(topic)
        _schedule_retry()
        return False
    with _pending_lock:
        _pending.discard(topic)
    return True


def pending() -> set[str]:
    with _pending_lock:
        return set(_pending)


def write_pending() -> None:
    """Write the stamps this process could not write; stops at the first the cache still refuses."""
    with _pending_lock:
        topics = sorted(_pending)
    for topic in topics:
        try:
            cache.set(cache_key(topic), uuid.uuid4().hex, timeout=None)
        except Exception:
            _schedule_retry()
            return
        with _pending_lock:
            _pending.discard(topic)
        logger.info("shared cache back: stamp %s moved", topic)


def forget_pending() -> None:
    """Drop the stamps still to write and their retry (tests: one test's failing cache is not the next's)."""
    global _retrying
    with _pending_lock:
        _pending.clear()
        if _retrying is not None:
            _retrying.cancel()
        _retrying = None


def _schedule_retry() -> None:
    global _retrying
    with _pending_lock:
        if _retrying is not None and _retrying.is_alive():
            return
        _retrying = threading.Timer(RETRY_SECONDS, _retry)
        _retrying.daemon = True
        _retrying.start()


def _retry() -> None:
    global _retrying
    with _pending_lock:
        _retrying = None
    if _pending:
        write_pending()


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
        self._loaded_at = 0.0

    def get(self) -> T:
        stamp = current(self.topic)
        if self._stamp != stamp or self._too_old():
            with self._lock:
                if self._stamp != stamp or self._too_old():
                    self._value = self._load()
                    self._stamp = stamp
                    self._loaded_at = time.monotonic()
        return self._value  # type: ignore[return-value]

    def _too_old(self) -> bool:
        # A stamp whose move was lost (see the module's docstring) cannot keep a value longer than this.
        return time.monotonic() - self._loaded_at > MAX_AGE_SECONDS
