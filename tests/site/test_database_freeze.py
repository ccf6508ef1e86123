"""A PostgreSQL server that stops answering (here: a proxy in front of it stops forwarding, as SIGSTOP
would) costs a request at most about a second, then nothing until it answers again
(permitsite/dbguard.py). The whole site under load: tests/ops/test_frozen_database.py.

PostgreSQL only (.ci/run's second pass): SQLite is a file, not a server that can freeze.
"""

import os
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client

from permitsite import dbguard
from permitsite.envconfig import database_config
from tests.ops.proxy import freezing_proxy

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs DATABASE_URL (PostgreSQL), as in .ci/run's second pass",
    ),
]


def select_one(db):
    with db.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0]


@pytest.fixture
def proxied(db, django_db_blocker):
    """(proxy, a connection to the test database through it), and the thread's default connection too."""
    direct = connection.settings_dict
    with freezing_proxy((direct["HOST"] or "127.0.0.1", int(direct["PORT"] or 5432))) as proxy:
        settings = {**direct, "HOST": "127.0.0.1", "PORT": str(proxy.port)}
        through_proxy = connections["default"].__class__(settings, "default")
        with django_db_blocker.unblock():
            assert select_one(through_proxy) == 1
            original = connections["default"]
            connections["default"] = through_proxy
            try:
                yield proxy, through_proxy
            finally:
                connections["default"] = original
                proxy.thaw()
                through_proxy.close()


def timed(action):
    started = time.monotonic()
    try:
        return action(), time.monotonic() - started
    except OperationalError as error:
        return error, time.monotonic() - started


def test_a_live_server_answers_the_probe(db):
    assert dbguard.answers(dbguard.server_of(connection.settings_dict))


def test_a_query_on_a_frozen_database_fails_within_a_second_then_at_once(proxied):
    proxy, through_proxy = proxied
    proxy.freeze()
    outcome, seconds = timed(lambda: select_one(through_proxy))
    assert isinstance(outcome, OperationalError), outcome
    assert seconds < 1.5
    through_proxy.close()
    outcome, seconds = timed(lambda: select_one(through_proxy))
    assert isinstance(outcome, OperationalError)
    assert seconds < 0.1

    proxy.thaw()
    deadline = time.monotonic() + 3
    while True:
        outcome, _ = timed(lambda: select_one(through_proxy))
        if outcome == 1 or time.monotonic() > deadline:
            break
        through_proxy.close()
        time.sleep(0.1)
    assert outcome == 1


def test_pages_answer_503_and_healthz_within_five_seconds(proxied):
    proxy, _ = proxied
    proxy.freeze()
    visitor = Client(raise_request_exception=False)
    health, seconds = timed(lambda: visitor.get("/healthz"))
    assert health.status_code == 503
    assert health.json()["checks"]["database"] is False
    assert seconds < 5
    page, seconds = timed(lambda: visitor.get("/consult/"))
    assert page.status_code == 503
    assert "系统维护中" in page.content.decode()
    assert seconds < 1
    assert visitor.get("/ping").status_code == 200


def test_the_request_deadline_ends_a_wait_on_a_live_server(db, django_db_blocker):
    # pg_sleep stands for a query the server is slow to answer; the probe finds the server alive.
    with django_db_blocker.unblock():
        own = connections["default"].__class__(connection.settings_dict, "default")
        try:
            with dbguard.deadline(0.5):
                outcome, seconds = timed(lambda: own.cursor().execute("SELECT pg_sleep(3)"))
            assert isinstance(outcome, OperationalError)
            assert str(outcome) == dbguard.OUT_OF_TIME
            assert seconds < 1.5
        finally:
            own.close()


def test_the_server_cancels_a_statement_after_five_seconds(db, django_db_blocker):
    # Production's options (the test settings allow the harness longer), on a connection of its own.
    production = database_config(os.environ["DATABASE_URL"], Path("/nonexistent"))["OPTIONS"]
    settings = {**connection.settings_dict, "OPTIONS": production}
    with django_db_blocker.unblock():
        own = connections["default"].__class__(settings, "default")
        try:
            outcome, seconds = timed(lambda: own.cursor().execute("SELECT pg_sleep(8)"))
        finally:
            own.close()
    assert isinstance(outcome, OperationalError)
    assert "statement timeout" in str(outcome)
    assert 4.5 < seconds < 7
