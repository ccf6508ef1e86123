"""A reload (HUP) and worker recycling during a bounded load run lose no request."""

import http.client
import os
import signal
import threading
import time
from urllib.parse import urlsplit

import pytest

from tests.ops.servers import gunicorn, prepare

pytestmark = pytest.mark.slow

TOTAL_REQUESTS = 120
TIME_LIMIT_SECONDS = 90
CLIENT_THREADS = 4


def hammer(base_url, outcomes, deadline):
    host = urlsplit(base_url)
    while len(outcomes) < TOTAL_REQUESTS and time.monotonic() < deadline:
        connection = http.client.HTTPConnection(host.hostname, host.port, timeout=15)
        try:
            connection.request("GET", "/")
            response = connection.getresponse()
            response.read()
            outcomes.append(response.status)
        except OSError as error:
            outcomes.append(repr(error))
        finally:
            connection.close()


def wait_for(outcomes, count, deadline):
    while len(outcomes) < count and time.monotonic() < deadline:
        time.sleep(0.05)


def test_hup_and_worker_recycling_lose_no_request(tmp_path):
    prepare(tmp_path)
    # Two workers recycled every ~10 requests: about ten recycles during the run, plus two HUPs.
    with gunicorn(tmp_path, "--max-requests", "10", "--max-requests-jitter", "3") as (base_url, master):
        outcomes = []
        deadline = time.monotonic() + TIME_LIMIT_SECONDS
        clients = [
            threading.Thread(target=hammer, args=(base_url, outcomes, deadline))
            for _ in range(CLIENT_THREADS)
        ]
        for client in clients:
            client.start()
        for share in (1 / 3, 2 / 3):
            wait_for(outcomes, int(TOTAL_REQUESTS * share), deadline)
            os.kill(master.pid, signal.SIGHUP)
        for client in clients:
            client.join()

    failures = [outcome for outcome in outcomes if outcome != 200]
    print(f"{len(outcomes)} requests during two reloads and worker recycling, {len(failures)} failed")
    assert len(outcomes) >= TOTAL_REQUESTS
    assert failures == []
