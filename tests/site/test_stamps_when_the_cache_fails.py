"""An editor's save commits whatever the shared cache does: a stamp that cannot be written is logged and
written once the cache answers again (permitsite/stamps.py), and the editor never sees an error page."""

import logging
import time

import pytest
import redis
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from permitsite import stamps
from permitsite.models import ABOUT, SitePage

pytestmark = pytest.mark.django_db


class SwitchableCache(LocMemCache):
    """A local cache that can be made to fail as Redis does when it is down."""

    down = False

    def _fail_if_down(self):
        if SwitchableCache.down:
            raise redis.ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    def get(self, *args, **kwargs):
        self._fail_if_down()
        return super().get(*args, **kwargs)

    def set(self, *args, **kwargs):
        self._fail_if_down()
        return super().set(*args, **kwargs)

    def add(self, *args, **kwargs):
        self._fail_if_down()
        return super().add(*args, **kwargs)

    def has_key(self, *args, **kwargs):
        self._fail_if_down()
        return super().has_key(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._fail_if_down()
        return super().delete(*args, **kwargs)


@pytest.fixture
def switchable_cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": f"{__name__}.SwitchableCache", "LOCATION": "stamps-when-the-cache-fails"},
    }
    cache.clear()
    yield SwitchableCache
    SwitchableCache.down = False
    stamps.forget_pending()


def stamp(topic):
    return cache.get(stamps.cache_key(topic))


def test_a_stamp_the_cache_refuses_is_logged_not_raised(
    switchable_cache, caplog, django_capture_on_commit_callbacks
):
    switchable_cache.down = True
    with (
        caplog.at_level(logging.WARNING, logger="permitsite.stamps"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        stamps.changed(ABOUT)  # raised redis.ConnectionError before
    assert "stamp about not moved" in caplog.text
    assert stamps.pending() == {ABOUT}


def test_the_stamp_moves_on_the_next_read_once_the_cache_is_back(
    switchable_cache, django_capture_on_commit_callbacks
):
    before = stamps.current(ABOUT)
    switchable_cache.down = True
    with django_capture_on_commit_callbacks(execute=True):
        stamps.changed(ABOUT)
    switchable_cache.down = False
    assert stamp(ABOUT) == before  # nothing has written it yet

    stamps.current("rules")  # any read of any stamp in this process

    assert stamp(ABOUT) not in (before, None)
    assert stamps.pending() == set()


def test_the_stamp_moves_by_itself_once_the_cache_is_back(
    switchable_cache, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(stamps, "RETRY_SECONDS", 0.05)
    before = stamps.current(ABOUT)
    switchable_cache.down = True
    with django_capture_on_commit_callbacks(execute=True):
        stamps.changed(ABOUT)
    time.sleep(0.2)  # a few retries while still down
    assert stamps.pending() == {ABOUT}
    switchable_cache.down = False

    deadline = time.monotonic() + 5
    while stamps.pending() and time.monotonic() < deadline:
        time.sleep(0.02)

    assert stamps.pending() == set()
    assert stamp(ABOUT) not in (before, None)


def test_a_value_whose_stamp_never_moves_is_still_reloaded_after_the_bound(monkeypatch):
    loads = []
    value = stamps.Stamped("bound-test", lambda: loads.append(1) or len(loads))
    assert value.get() == 1
    assert value.get() == 1
    now = time.monotonic()
    monkeypatch.setattr(stamps.time, "monotonic", lambda: now + stamps.MAX_AGE_SECONDS + 1)
    assert value.get() == 2


@pytest.mark.django_db(transaction=True)
def test_an_editor_who_saves_while_the_cache_is_down_sees_the_save_succeed(switchable_cache, admin_client):
    # Created by a migration, gone after another transactional test's flush: made here either way.
    page, _ = SitePage.objects.get_or_create(
        slug=ABOUT, defaults={"title": "关于", "description": "关于本站"}
    )
    switchable_cache.down = True

    fields = {"title": page.title, "description": page.description, "body": "缓存故障时保存的正文"}
    saved = admin_client.post(f"/admin/permitsite/sitepage/{page.pk}/change/", fields)

    assert saved.status_code == 302, saved.content.decode()[:500]
    page.refresh_from_db()
    assert page.body == "缓存故障时保存的正文"
    assert stamps.pending() == {ABOUT}
