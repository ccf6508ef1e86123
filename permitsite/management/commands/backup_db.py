"""A consistent copy of the live database, safe to take while the site is writing (docs/deploy.md, "Backups").

SQLite: SQLite's online backup API, never a copy of the file (a WAL database copied mid-write is corrupt or
misses committed rows); the copy is checked with `PRAGMA integrity_check`. PostgreSQL: `pg_dump
--format=custom`, a snapshot as of its start; the archive is checked with `pg_restore --list`. Either way
the file is readable by this account only (it holds names and phone numbers).
"""

import datetime
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from permitsite.privacy import BACKUP_RETENTION_DAYS_STATED


class Command(BaseCommand):
    help = "备份数据库：SQLite 用在线备份接口，PostgreSQL 用 pg_dump；网站运行时也可以执行。"

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="备份文件路径（默认 var/backups/ 下带时间的文件名）")

    def handle(self, output, **options):
        vendor = connection.vendor
        if vendor not in ("sqlite", "postgresql"):
            raise CommandError(f"不支持的数据库：{vendor}")
        suffix = ".sqlite3" if vendor == "sqlite" else ".dump"
        in_default_place = output is None
        output = output or default_path(suffix)
        output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Created private before a byte is written, so there is no moment it is readable by others.
        output.touch(mode=0o600, exist_ok=False)
        try:
            if vendor == "sqlite":
                back_up_sqlite(output)
            else:
                back_up_postgresql(output)
        except BaseException:
            output.unlink(missing_ok=True)
            raise
        self.stdout.write(f"已备份到 {output}（{output.stat().st_size} 字节），已校验。")
        if in_default_place:
            removed = prune(output.parent, keep=output)
            if removed:
                self.stdout.write(f"已删除 {len(removed)} 份超过 {BACKUP_RETENTION_DAYS_STATED} 天的备份。")


def prune(folder: Path, keep: Path) -> list[Path]:
    """Delete this command's backups in `folder` older than /privacy/ says backups are kept."""
    kept_for = datetime.timedelta(days=BACKUP_RETENTION_DAYS_STATED)
    cutoff = timezone.now().timestamp() - kept_for.total_seconds()
    old = [
        path
        for path in folder.glob("db-*")
        if path.suffix in (".sqlite3", ".dump") and path != keep and path.stat().st_mtime < cutoff
    ]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def default_path(suffix: str) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"db-{stamp}{suffix}"


def back_up_sqlite(output: Path):
    connection.ensure_connection()
    with sqlite3.connect(output) as copy:
        # One step: a read transaction for the whole copy, so the copy is the database as it stood at one
        # moment, while writers carry on in the WAL.
        connection.connection.backup(copy)
        (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
    copy.close()
    if verdict != "ok":
        raise CommandError(f"备份文件校验失败：{verdict}")


def postgresql_environment() -> dict:
    """libpq's own variables for the configured database, so no password appears on a command line."""
    db = connection.settings_dict
    values = {
        "PGHOST": db["HOST"],
        "PGPORT": str(db["PORT"] or ""),
        "PGUSER": db["USER"],
        "PGPASSWORD": db["PASSWORD"],
        "PGDATABASE": db["NAME"],
        "PGCONNECT_TIMEOUT": "10",
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def client_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise CommandError(f"找不到 {name}：请安装 PostgreSQL 客户端（postgresql-client）。")
    return path


def back_up_postgresql(output: Path):
    pg_dump, pg_restore = (client_tool(name) for name in ("pg_dump", "pg_restore"))
    dumped = subprocess.run(  # noqa: S603 (our own arguments, no shell)
        [pg_dump, "--format=custom", f"--file={output}"],
        env=postgresql_environment(),
        capture_output=True,
        text=True,
    )
    if dumped.returncode != 0:
        raise CommandError(f"pg_dump 失败：{dumped.stderr.strip()}")
    listed = subprocess.run([pg_restore, "--list", str(output)], capture_output=True, text=True)  # noqa: S603
    if listed.returncode != 0 or "TABLE DATA" not in listed.stdout:
        raise CommandError(f"备份文件校验失败：{listed.stderr.strip()}")
