"""permitsite/sessions.py: the database row is the record; the shared cache's copy must never outlive it,
outlast CACHED_FOR, or be read back once the session has expired."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from permitsite.sessions import CACHED_FOR, SessionStore

pytestmark = pytest.mark.django_db


def test_signing_out_ends_the_session_for_a_copied_cookie_too(editor_client, settings):
    assert editor_client.get("/admin/").status_code == 200
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = editor_client.cookies[settings.SESSION_COOKIE_NAME].value
    assert stolen.get("/admin/").status_code == 200
    editor_client.post("/admin/logout/")
    assert stolen.get("/admin/").status_code == 302  # to the sign-in page: the cached copy went too


def stored(data):
    store = SessionStore()
    store.update(data)
    store.save()
    return store.session_key


def test_an_expired_copy_in_the_cache_is_not_read_back():
    key = stored({"who": "row"})
    past = timezone.now() - timedelta(seconds=1)
    cache.set(SessionStore.cache_key_prefix + key, {"data": {"who": "stale"}, "expires": past}, 60)
    assert SessionStore(key).load() == {"who": "row"}


def test_the_cached_copy_lasts_cached_for_at_most_however_long_the_session(monkeypatch):
    # Asked of the cache itself (Redis keeps its own clock, so no time travel here): the lifetime given.
    lifetimes = []
    real_set = cache.set

    def recording_set(key, value, timeout=None, **kwargs):
        lifetimes.append(timeout)
        return real_set(key, value, timeout, **kwargs)

    monkeypatch.setattr(cache, "set", recording_set)
    stored({"who": "first"})  # a session of two weeks
    assert lifetimes and set(lifetimes) == {CACHED_FOR}
    lifetimes.clear()
    store = SessionStore()
    store["who"] = "second"
    store.set_expiry(60)  # a session with a minute left
    store.save()
    assert lifetimes and all(0 < lifetime <= 60 for lifetime in lifetimes)
