import contextlib

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connections
from django.dispatch import receiver
from django.test.signals import setting_changed

from renewal import view_counts


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, plus a snapshot of what the data migrations stored in it (seed guides, the
    default ruleset, groups), taken before any transactional test's flush can remove those rows."""
    with django_db_blocker.unblock():
        return connections["default"].creation.serialize_db_to_string()


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup):
    return django_db_setup


@pytest.fixture
def seeded_transactional_db(transactional_db, migrated_rows):
    """A database whose writes really commit (for servers in other threads or processes), holding
    the data migrations' rows again: an earlier transactional test's flush removed them."""
    from django.core.management import call_command

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connections["default"].creation.deserialize_db_from_string(migrated_rows)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty shared cache (rulesets, rate limits, sessions) and no page kept from
    another test."""
    cache.clear()
    caches["pages"].clear()
    yield
    cache.clear()
    caches["pages"].clear()


@pytest.fixture(autouse=True)
def guide_views(monkeypatch):
    """This test's own guide view counter: views counted by another test never reach its database."""
    counter = view_counts.ViewCounter()
    monkeypatch.setattr(view_counts, "guide_views", counter)
    return counter


@receiver(setting_changed)
def pages_start_afresh(**kwargs):
    """A test that changes a setting stands for a restart with another environment, which starts with an
    empty per-process page cache (permitsite/shared_pages.py)."""
    if "pages" in settings.CACHES:  # a test may replace CACHES with only the shared cache
        caches["pages"].clear()


@pytest.fixture
def unreachable_database(django_db_blocker):
    with database_unreachable(django_db_blocker):
        yield


@contextlib.contextmanager
def database_unreachable(django_db_blocker):
    """Point this thread's default connection at a database that cannot be reached.

    A real failure, not a mock: SQLite gets a path that cannot be opened, PostgreSQL a closed port.
    """
    original = connections["default"]
    broken_settings = dict(original.settings_dict)
    if original.vendor == "sqlite":
        broken_settings["NAME"] = "/nonexistent-directory/db.sqlite3"
    else:
        broken_settings["HOST"], broken_settings["PORT"] = "127.0.0.1", "9"
    broken = original.__class__(broken_settings, "default")
    with django_db_blocker.unblock():
        connections["default"] = broken
        try:
            yield
        finally:
            broken.close()
            connections["default"] = original
