import contextlib

import pytest
from django.core.cache import cache
from django.db import connections


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty shared cache (rulesets, rate limits, sessions)."""
    cache.clear()
    yield
    cache.clear()


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
