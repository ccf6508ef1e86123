"""`manage.py backup_db` taken while leads are being written, then restored as docs/deploy.md says: every
lead committed before the backup started is there, and nothing that was never committed.

Runs on SQLite in `make test` (the online backup API) and on PostgreSQL in .ci/run's second pass
(pg_dump, restored with pg_restore into a database of its own).
"""

import contextlib
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection, connections

from tests.leads.test_consultant_admin import make_lead

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

READ_LEADS = "from leads.models import Lead; print('leads:', *Lead.objects.values_list('pk', flat=True))"


class LeadWriter(threading.Thread):
    """Stores leads one after another, each in its own committed transaction, until stopped."""

    def __init__(self):
        super().__init__(name="lead-writer")
        self.committed: list[int] = []
        self.stop = threading.Event()
        self.error = None

    def run(self):
        try:
            number = 0
            while not self.stop.is_set():
                number += 1
                self.committed.append(make_lead(phone=f"139{number:08d}", name=f"访客{number}").pk)
        except Exception as error:
            self.error = error
        finally:
            connections.close_all()

    def wait_for(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while len(self.committed) < count:
            assert self.error is None, f"the writer failed: {self.error!r}"
            assert time.monotonic() < deadline, "the writer stalled"
            time.sleep(0.01)


def manage(environ, *arguments):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="permitsite.settings", DJANGO_SECRET_KEY="k" * 60, **environ)
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


@contextlib.contextmanager
def restore_sqlite(backup: Path, var_dir: Path):
    """docs/deploy.md: with the site stopped, the backup becomes var/db.sqlite3 (and no old -wal/-shm)."""
    var_dir.mkdir(mode=0o700)
    shutil.copyfile(backup, var_dir / "db.sqlite3")
    (var_dir / "db.sqlite3").chmod(0o600)
    yield {"DJANGO_VAR_DIR": str(var_dir)}


@contextlib.contextmanager
def restore_postgresql(backup: Path, var_dir: Path):
    """docs/deploy.md: pg_restore into an empty database; yields the environment that serves it."""
    db = connection.settings_dict
    restored = f"{db['NAME']}_restored"
    server = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        admin.execute(f'CREATE DATABASE "{restored}"')
    environment = {**os.environ, "PGHOST": db["HOST"], "PGPORT": str(db["PORT"]), "PGUSER": db["USER"]}
    if db["PASSWORD"]:
        environment["PGPASSWORD"] = db["PASSWORD"]
    subprocess.run(
        [shutil.which("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={restored}", str(backup)],
        env=environment,
        check=True,
    )
    var_dir.mkdir(mode=0o700)
    try:
        yield {
            "DJANGO_VAR_DIR": str(var_dir),
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{restored}",
        }
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{restored}"')


def test_a_backup_taken_while_leads_are_written_restores_every_committed_lead(
    seeded_transactional_db, tmp_path
):
    writer = LeadWriter()
    writer.start()
    try:
        writer.wait_for(20)
        committed_before = list(writer.committed)
        backup = tmp_path / "backups" / "nightly"
        call_command("backup_db", output=backup)
        writer.wait_for(len(writer.committed) + 10)  # still writing after the backup
    finally:
        writer.stop.set()
        writer.join(timeout=30)
    assert writer.error is None
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    restore = restore_sqlite if connection.vendor == "sqlite" else restore_postgresql
    with restore(backup, tmp_path / "restored") as environment:
        manage(environment, "migrate", "--check")  # the restored database is complete, schema included
        output = manage(environment, "shell", "-c", READ_LEADS).stdout.splitlines()
        (line,) = [line for line in output if line.startswith("leads:")]
        restored = {int(pk) for pk in line.split()[1:]}

    before, written = len(committed_before), len(writer.committed)
    print(f"{before} leads committed before the backup, {len(restored)} restored, {written} written in all")
    assert set(committed_before) <= restored
    assert restored <= set(writer.committed)
    assert len(writer.committed) > len(restored)  # leads kept arriving while and after it was taken
