"""Version stamps (permitsite/stamps.py) read once per request: one request sees one version of each topic,
and an edit it commits itself is seen at once."""

import pytest
from django.core.cache import cache

from permitsite import stamps


class CountingCache:
    def __init__(self):
        self.reads = 0

    def __call__(self, key, *args, **kwargs):
        self.reads += 1
        return cache_get(key, *args, **kwargs)


cache_get = cache.get


@pytest.fixture
def counted(monkeypatch):
    counter = CountingCache()
    monkeypatch.setattr(stamps.cache, "get", counter)
    return counter


def test_outside_a_request_every_reading_asks_the_shared_cache():
    first = stamps.current("guides")
    cache.set(stamps.cache_key("guides"), "moved elsewhere")
    assert stamps.current("guides") == "moved elsewhere" != first


def test_a_request_reads_each_topic_once_and_sees_one_version(counted):
    with stamps.one_reading_per_request():
        first = stamps.current("guides")
        reads = counted.reads
        cache.set(stamps.cache_key("guides"), "moved by another process")
        assert [stamps.current("guides") for _ in range(5)] == [first] * 5
        assert counted.reads == reads
    with stamps.one_reading_per_request():
        assert stamps.current("guides") == "moved by another process"


@pytest.mark.django_db
def test_an_edit_committed_in_the_request_is_seen_by_the_rest_of_it(django_capture_on_commit_callbacks):
    with stamps.one_reading_per_request():
        before = stamps.current("rules")
        with django_capture_on_commit_callbacks(execute=True):
            stamps.changed("rules")
        assert stamps.current("rules") != before


def test_with_the_shared_cache_down_a_request_reloads_once_not_per_reading(monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("redis is away")

    monkeypatch.setattr(stamps.cache, "get", down)
    with stamps.one_reading_per_request():
        first = stamps.current("rules")
        assert stamps.current("rules") == first
    with stamps.one_reading_per_request():
        assert stamps.current("rules") != first
