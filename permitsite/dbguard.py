"""No thread waits long on a PostgreSQL server that has stopped answering.

A frozen server (a stopped process, a stuck VM, a proxy in between that stops forwarding) keeps its TCP
connections open and the kernel keeps acknowledging what we send, so neither TCP keepalives nor
`tcp_user_timeout` notice, and `statement_timeout` never runs because the server never sees the query.
psycopg then waits for an answer forever, and gunicorn's gthread workers have no per-request timeout:
one frozen database used to hold every thread, /ping included, for as long as it stayed frozen.

So every wait on the database (connecting, a query, a commit, Django's health check) is registered here
(`waiting(db)`, used by permitsite/postgresql/base.py), and one watchdog thread per process looks after
them:

- a wait longer than STALL_SECONDS makes it ask the server something any live server answers at once
  (the SSL negotiation byte of the protocol's first message), in at most PROBE_TIMEOUT_SECONDS. No
  answer: the server is frozen. Every wait on it is ended by shutting its socket down (the waiting
  thread gets an OperationalError, which the site turns into its 503 page), and the server is marked
  down: until it answers a probe again (asked every PROBE_INTERVAL_SECONDS), waiting on it fails at
  once instead of holding a thread. A live but busy server answers the probe, and its slow queries are
  left to `statement_timeout`.
- a wait still running when its request's deadline (`deadline()`, set per request by
  OutageMiddleware) has passed is ended the same way: the last resort that frees the worker whatever
  the database does.

Only the socket is touched from the watchdog thread, while the waiting thread is known to be inside
psycopg's wait (a lock keeps the two apart), so the descriptor cannot have been closed or reused.
"""

import contextlib
import dataclasses
import logging
import os
import socket
import struct
import threading
import time

from django.db import OperationalError

logger = logging.getLogger(__name__)

STALL_SECONDS = 0.25
PROBE_TIMEOUT_SECONDS = 0.5
PROBE_INTERVAL_SECONDS = 0.5
TICK_SECONDS = 0.05
# Any request's database waits end by then (below nginx's proxy_read_timeout, docs/deploy.md).
REQUEST_DEADLINE_SECONDS = 15

# The protocol's SSLRequest (length 8, code 80877103): a live server answers "S" or "N" at once, before
# any authentication. PostgreSQL logs nothing for a client that then hangs up.
SSL_REQUEST = struct.pack("!ii", 8, 80877103)

FROZEN = "the database server is not answering"
OUT_OF_TIME = "the request ran out of time waiting for the database"

_local = threading.local()


@contextlib.contextmanager
def deadline(seconds: float):
    """Database waits in this thread end at most `seconds` from now (nested deadlines: the earliest)."""
    previous = getattr(_local, "deadline", None)
    ends = time.monotonic() + seconds
    _local.deadline = ends if previous is None else min(previous, ends)
    try:
        yield
    finally:
        _local.deadline = previous


@dataclasses.dataclass(eq=False)
class Wait:
    server: tuple
    fd: int | None
    started: float
    ends: float | None
    ended_because: str | None = None


def server_of(settings_dict) -> tuple:
    """("unix", path) or ("tcp", host, port) for the probe, as libpq would connect."""
    host = settings_dict.get("HOST") or ""
    port = int(settings_dict.get("PORT") or 5432)
    if not host or host.startswith("/"):
        return ("unix", f"{host or '/var/run/postgresql'}/.s.PGSQL.{port}")
    return ("tcp", host, port)


def answers(server: tuple, timeout: float = PROBE_TIMEOUT_SECONDS) -> bool:
    """Whether the server answers the first message of the protocol within `timeout`."""
    try:
        if server[0] == "unix":
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            probe.settimeout(timeout)
            probe.connect(server[1])
        else:
            probe = socket.create_connection(server[1:], timeout=timeout)
        with probe:
            probe.settimeout(timeout)
            probe.sendall(SSL_REQUEST)
            return probe.recv(1) in (b"S", b"N")
    except OSError:
        return False


class Watchdog:
    def __init__(self):
        self._lock = threading.Condition()
        self._waits: set[Wait] = set()
        self._down: set[tuple] = set()
        self._next_probe: dict[tuple, float] = {}
        self._thread: threading.Thread | None = None

    def is_down(self, server) -> bool:
        return server in self._down

    def register(self, wait: Wait):
        with self._lock:
            self._waits.add(wait)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="database-watchdog", daemon=True)
                self._thread.start()
            self._lock.notify()

    def unregister(self, wait: Wait):
        with self._lock:
            self._waits.discard(wait)

    def _run(self):
        while True:
            with self._lock:
                while not self._waits and not self._down:
                    self._lock.wait()
                waits = list(self._waits)
            now = time.monotonic()
            for server in {wait.server for wait in waits} | set(self._down):
                self._look_after(server, [wait for wait in waits if wait.server == server], now)
            for wait in waits:
                if wait.ends is not None and now > wait.ends:
                    self._end([wait], OUT_OF_TIME)
            time.sleep(TICK_SECONDS)

    def _look_after(self, server, waits, now):
        stalled = any(now - wait.started > STALL_SECONDS for wait in waits)
        if not (stalled or server in self._down) or now < self._next_probe.get(server, 0):
            return
        alive = answers(server)
        self._next_probe[server] = time.monotonic() + PROBE_INTERVAL_SECONDS
        if alive and server in self._down:
            self._down.discard(server)
            logger.warning("database %s answers again", server[-1])
        elif not alive:
            if server not in self._down:
                logger.warning("database %s is not answering: ending %d waits", server[-1], len(waits))
            self._down.add(server)
            self._end(waits, FROZEN)

    def _end(self, waits, reason):
        with self._lock:
            for wait in waits:
                if wait not in self._waits or wait.fd is None or wait.ended_because:
                    continue
                wait.ended_because = reason
                try:
                    # A duplicate of the descriptor: shutting it down ends the connection for the waiting
                    # thread too, and closing the duplicate leaves the original for psycopg to close.
                    with socket.socket(fileno=os.dup(wait.fd)) as duplicate:
                        duplicate.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


watchdog = Watchdog()


def _socket_of(db) -> int | None:
    try:
        return db.connection.pgconn.socket if db.connection is not None else None
    except Exception:  # psycopg raises when the connection is already lost
        return None


@contextlib.contextmanager
def waiting(db):
    """Around anything that waits on the database `db` (a Django DatabaseWrapper)."""
    server = server_of(db.settings_dict)
    if watchdog.is_down(server):
        raise OperationalError(FROZEN)
    ends = getattr(_local, "deadline", None)
    if ends is not None and time.monotonic() > ends:
        raise OperationalError(OUT_OF_TIME)
    wait = Wait(server=server, fd=_socket_of(db), started=time.monotonic(), ends=ends)
    watchdog.register(wait)
    try:
        yield
    except Exception as error:
        if wait.ended_because:
            raise OperationalError(wait.ended_because) from error
        raise
    finally:
        watchdog.unregister(wait)
