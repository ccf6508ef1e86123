"""A Redis that hangs costs a process one wait, not one per call (permitsite/cache.py): after a call times
out, calls are refused at once for `skip_after_timeout` seconds, then one tries Redis again.

The hanging Redis is a socket that accepts connections and never answers; the one that comes back is the
shared Redis (db 13, keys of this test's own) behind tests/ops/proxy.py, frozen and thawed."""

import contextlib
import socket
import threading
import time

import pytest
import redis

from permitsite import cache as breaker_cache
from permitsite.cache import BreakerRedisCache, CacheSkipped
from tests.ops.proxy import freezing_proxy

TIMEOUT = 0.3


@contextlib.contextmanager
def hanging_server():
    """Accepts every connection and never sends a byte."""
    listener = socket.create_server(("127.0.0.1", 0))
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError, OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/13"
    finally:
        stop.set()
        thread.join(timeout=2)
        for sock in [*held, listener]:
            sock.close()


def backend(url, skip=0.5):
    return BreakerRedisCache(
        url,
        {
            "KEY_PREFIX": "fixcore-breaker-test",
            "OPTIONS": {
                "socket_connect_timeout": TIMEOUT,
                "socket_timeout": TIMEOUT,
                "skip_after_timeout": skip,
            },
        },
    )


@pytest.fixture(autouse=True)
def fresh_breakers():
    breaker_cache._breakers.clear()
    yield
    breaker_cache._breakers.clear()


def timed(call):
    start = time.monotonic()
    try:
        call()
    except redis.RedisError as error:
        return time.monotonic() - start, error
    return time.monotonic() - start, None


def test_after_one_timeout_the_next_calls_do_not_wait():
    with hanging_server() as url:
        cache = backend(url, skip=5)
        first, error = timed(lambda: cache.get("x"))
        assert isinstance(error, redis.TimeoutError)
        assert first >= TIMEOUT * 0.9

        for call in (lambda: cache.get("x"), lambda: cache.set("x", 1), lambda: cache.get_many(["x"])):
            elapsed, error = timed(call)
            assert isinstance(error, CacheSkipped)
            assert isinstance(error, redis.ConnectionError)  # handled everywhere as "the cache is down"
            assert elapsed < 0.05


def test_every_thread_and_every_backend_of_the_process_skips():
    with hanging_server() as url:
        timed(lambda: backend(url).get("x"))  # Django gives each thread a backend of its own
        results = []
        thread = threading.Thread(target=lambda: results.append(timed(lambda: backend(url).get("x"))))
        thread.start()
        thread.join()
        elapsed, error = results[0]
        assert isinstance(error, CacheSkipped)
        assert elapsed < 0.05


def test_once_the_skip_is_over_redis_is_tried_again():
    with hanging_server() as url:
        cache = backend(url, skip=0.5)
        timed(lambda: cache.get("x"))
        time.sleep(0.6)
        elapsed, error = timed(lambda: cache.get("x"))
        assert isinstance(error, redis.TimeoutError)  # asked again, and still hanging
        assert elapsed >= TIMEOUT * 0.9
        assert isinstance(timed(lambda: cache.get("x"))[1], CacheSkipped)  # skipped again at once


def test_while_one_call_tries_again_the_others_keep_skipping():
    with hanging_server() as url:
        cache = backend(url, skip=0.3)
        timed(lambda: cache.get("x"))
        time.sleep(0.4)
        trial = threading.Thread(target=lambda: timed(lambda: backend(url, skip=0.3).get("x")))
        trial.start()
        time.sleep(0.05)  # the trial call is waiting on Redis
        elapsed, error = timed(lambda: cache.get("x"))
        trial.join()
        assert isinstance(error, CacheSkipped)
        assert elapsed < 0.05


def test_a_redis_that_answers_again_is_used_again():
    with freezing_proxy(("127.0.0.1", 6379)) as proxy:
        cache = backend(f"redis://127.0.0.1:{proxy.port}/13", skip=0.3)
        cache.set("breaker-key", "before", timeout=60)
        proxy.freeze()
        assert isinstance(timed(lambda: cache.get("breaker-key"))[1], redis.TimeoutError)
        assert isinstance(timed(lambda: cache.get("breaker-key"))[1], CacheSkipped)
        proxy.thaw()
        time.sleep(0.4)
        cache = backend(f"redis://127.0.0.1:{proxy.port}/13", skip=0.3)  # a fresh connection pool
        assert cache.get("breaker-key") == "before"
        cache.set("breaker-key", "after", timeout=60)
        assert cache.get("breaker-key") == "after"
        cache.delete("breaker-key")


def test_a_refused_connection_is_not_skipped():
    # Refused costs no wait, and a Redis that restarts must be used again as soon as it is up.
    cache = backend("redis://127.0.0.1:9/13", skip=5)  # nothing listens on the discard port
    for _ in range(2):
        _, error = timed(lambda: cache.get("x"))
        assert isinstance(error, redis.ConnectionError)
        assert not isinstance(error, CacheSkipped)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/guides/", "/"])
def test_the_second_request_after_a_timeout_does_not_wait(settings, client, path):
    with hanging_server() as url:
        settings.CACHES = {
            **settings.CACHES,
            "default": {
                "BACKEND": "permitsite.cache.BreakerRedisCache",
                "LOCATION": url,
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1, "skip_after_timeout": 10},
            },
        }
        first, _ = timed(lambda: client.get(path))
        start = time.monotonic()
        second = client.get(path)
        elapsed = time.monotonic() - start
    assert second.status_code == 200
    assert first >= 1
    assert elapsed < 0.5
