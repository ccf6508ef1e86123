"""The site served by gunicorn while its PostgreSQL freezes under load (a proxy in front of the database
stops forwarding, as SIGSTOP on the server would) and comes back: the targets of docs/deploy.md.

- /ping answers 200 within 1 s throughout, while 16 visitors wait on a result link; a ping that lands in a
  worker whose threads were all opening new connections when the server froze waits for them, and a
  connection attempt cannot be cut short: libpq's (and psycopg's) minimum connect_timeout is 2 s, so such
  a ping is answered within 2.5 s;
- /healthz answers 503 within 5 s;
- each of them is answered, with the Chinese 503 page, within 10 s;
- within 10 s of the database coming back, the link is answered from the database again.

A result link is read from the database on every request (here one that names no stored result, so a 404
when the database answers). /consult/ was used before and no longer fits: a visitor is often served its kept
page with a CAPTCHA challenge written earlier (leads/captchas.py), with no query at all.

Runs in .ci/run's PostgreSQL pass; skipped on SQLite, which is a file and cannot freeze this way.
"""

import os
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.ops.proxy import freezing_proxy
from tests.ops.servers import gunicorn, prepare

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs DATABASE_URL (PostgreSQL), as in .ci/run's second pass",
    ),
]

VISITORS = 16
RESULT_LINK = "/jifen/result/NoSuchResult0123456789a/"
# permitsite/envconfig.py: libpq's minimum; a connection being opened as the server freezes waits this long.
CONNECT_TIMEOUT_SECONDS = 2


def fetch(url, timeout=30):
    """(status, seconds, body) of one GET, whatever the status."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    except OSError as error:
        status, body = None, repr(error)
    return status, time.monotonic() - started, body


@pytest.fixture
def site_behind_a_freezable_database(seeded_transactional_db, tmp_path):
    db = connection.settings_dict
    with freezing_proxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))) as proxy:
        environ = {"DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}"}
        prepare(tmp_path, **environ)
        with gunicorn(tmp_path, **environ) as (base_url, _):
            yield base_url, proxy


def test_a_frozen_database_costs_seconds_not_workers(site_behind_a_freezable_database):
    base_url, proxy = site_behind_a_freezable_database
    with ThreadPoolExecutor(VISITORS + 8) as pool:
        # Every worker thread holds a database connection, as in a site that has been up a while.
        warm = list(pool.map(lambda _: fetch(base_url + RESULT_LINK), range(VISITORS)))
        assert {status for status, _, _ in warm} == {404}

        proxy.freeze()
        frozen_at = time.monotonic()
        visitors = [pool.submit(fetch, base_url + RESULT_LINK) for _ in range(VISITORS)]
        pings = []
        for _ in range(6):
            time.sleep(0.3)
            pings.append(fetch(base_url + "/ping"))
        health = fetch(base_url + "/healthz")
        answers = [visitor.result() for visitor in visitors]
        answered_within = max(seconds for _, seconds, _ in answers)

        proxy.thaw()
        thawed_at = time.monotonic()
        while True:
            status, _, _ = fetch(base_url + RESULT_LINK)
            if status == 404 or time.monotonic() - thawed_at > 30:
                break
            time.sleep(0.1)
        recovered_within = time.monotonic() - thawed_at

    print(
        f"frozen database: /ping {max(s for _, s, _ in pings):.2f} s at most ({len(pings)} probes), "
        f"/healthz {health[0]} in {health[1]:.2f} s, {VISITORS} × a result link all answered within "
        f"{answered_within:.2f} s ({sorted({status for status, _, _ in answers})}), "
        f"recovered {recovered_within:.2f} s after the thaw (freeze lasted {thawed_at - frozen_at:.1f} s)"
    )
    assert [status for status, _, _ in pings] == [200] * 6
    slowest_ping = max(seconds for _, seconds, _ in pings)
    assert slowest_ping < CONNECT_TIMEOUT_SECONDS + 0.5
    assert sorted(seconds for _, seconds, _ in pings)[len(pings) // 2] < 1
    assert health[0] == 503 and health[1] < 5
    assert {status for status, _, _ in answers} == {503}
    assert all("系统维护中" in body for _, _, body in answers)
    assert answered_within < 10
    assert status == 404 and recovered_within < 10
