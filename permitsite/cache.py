"""Django's RedisCache, except that a Redis that stops answering costs a process one wait, not one per call.

A Redis that hangs (it accepts connections, or has them open, and never answers) makes every cache call wait
its full `socket_timeout` (2 s, permitsite/envconfig.py), and a request makes several: the session, a stamp
per topic, … So after a call times out, this process skips Redis for `skip_after_timeout` seconds: every call
raises `CacheSkipped` (a redis.ConnectionError) at once, which every caller already handles as "the cache is
down" (sessions read the database, stamps reload, permitsite/outage.py answers the 503 page for the rest).
Then one call tries Redis again while the others keep skipping until it returns: an answer (even an error
such as "connection refused", which costs no wait) closes the breaker, another timeout opens it again.

Only timeouts open it: a refused connection or one reset by a restarted Redis fails at once, and skipping
then would only keep a Redis that is back unused for longer.
"""

import logging
import threading
import time
from functools import wraps

import redis
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

DEFAULT_SKIP_SECONDS = 10.0


class CacheSkipped(redis.ConnectionError):
    """Redis was not asked: it timed out recently (in this process)."""


class Breaker:
    def __init__(self, name: str, skip_seconds: float, probe_seconds: float):
        self.name = name
        self.skip_seconds = skip_seconds
        self.probe_seconds = probe_seconds  # the longest a trial call can take (connect + answer)
        self._lock = threading.Lock()
        self._open = False
        self._skip_until = 0.0

    def before_call(self) -> None:
        if not self._open:
            return
        with self._lock:
            now = time.monotonic()
            if not self._open:
                return
            if now < self._skip_until:
                wait = self._skip_until - now
                raise CacheSkipped(f"{self.name} timed out recently: not asked for {wait:.1f} s")
            # This call tries Redis; until it is back (at most probe_seconds) the others keep skipping.
            self._skip_until = now + self.probe_seconds

    def timed_out(self) -> None:
        with self._lock:
            if not self._open:
                logger.warning(
                    "shared cache %s timed out: skipped for %s s in this process",
                    self.name,
                    self.skip_seconds,
                )
            self._open = True
            self._skip_until = time.monotonic() + self.skip_seconds

    def answered(self) -> None:
        if not self._open:
            return
        with self._lock:
            if self._open:
                logger.info("shared cache %s answers again", self.name)
            self._open = False
            self._skip_until = 0.0


# One breaker per server and process, shared by every thread (Django gives each thread its own backend).
_breakers: dict[str, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(name: str, skip_seconds: float, probe_seconds: float) -> Breaker:
    """The process's breaker for the server `name` (the first configuration to ask sets its timings)."""
    with _breakers_lock:
        if name not in _breakers:
            _breakers[name] = Breaker(name, skip_seconds, probe_seconds)
        return _breakers[name]


class BreakerRedisCache(RedisCache):
    """settings.CACHES: "BACKEND": "permitsite.cache.BreakerRedisCache", and in OPTIONS, besides redis-py's
    own, `skip_after_timeout` (seconds, default DEFAULT_SKIP_SECONDS)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        skip_seconds = float(options.pop("skip_after_timeout", DEFAULT_SKIP_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        connect = options.get("socket_connect_timeout") or options.get("socket_timeout") or 5
        probe_seconds = float(connect) + float(options.get("socket_timeout") or 5) + 1
        self._breaker = breaker_for(str(server), skip_seconds, probe_seconds)


def _guarded(name):
    call = getattr(RedisCache, name)

    @wraps(call)
    def guarded(self, *args, **kwargs):
        self._breaker.before_call()
        try:
            result = call(self, *args, **kwargs)
        except redis.TimeoutError:
            self._breaker.timed_out()
            raise
        except Exception:
            self._breaker.answered()  # failed at once: not hanging
            raise
        self._breaker.answered()
        return result

    return guarded


# Every call RedisCache sends to Redis; BaseCache's others (get_or_set, decr, the async ones) use these.
CALLS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)
for _name in CALLS:
    setattr(BreakerRedisCache, _name, _guarded(_name))
