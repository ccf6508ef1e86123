"""Strict readers for the environment variables that settings.py uses.

Kept out of settings.py so the parsing can be unit-tested without reloading settings.
A typo in a boolean ("ture") raises instead of silently meaning False.
"""

import secrets
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def envbool(environ, name, default=False):
    raw = environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def envint(environ, name, default):
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return int(raw)


def envlist(environ, name, default):
    raw = environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def var_dir(environ, default: Path) -> Path:
    """Where the SQLite database, the generated key and the file cache live: created if missing, readable
    by this account only (the database holds names and phone numbers)."""
    path = Path(environ.get("DJANGO_VAR_DIR") or default)
    if not path.is_dir():
        path.mkdir(mode=0o700, parents=True)
    return path


def secret_key(environ, var_dir: Path) -> str:
    """The configured key, or one generated once into var/ so restarts keep sessions valid."""
    configured = environ.get("DJANGO_SECRET_KEY", "").strip()
    if configured:
        return configured
    key_file = var_dir / "secret_key"
    if not key_file.exists():
        var_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def database_config(database_url: str | None, var_dir: Path) -> dict:
    if not database_url:
        database = var_dir / "db.sqlite3"
        # SQLite would create the file readable by everyone (umask 022); create it for this account only.
        # Its -wal and -shm files take the same permissions.
        database.touch(mode=0o600, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": database,
            # Keep each thread's connection: opening one per request, and closing it (the last
            # connection to close checkpoints the WAL to disk), was most of a guide page's time
            # (docs/benchmarks.md).
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # Writers queue on the lock for up to 20 s instead of failing with "database is locked";
                # IMMEDIATE takes the write lock at BEGIN so a read-then-write transaction cannot deadlock.
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    config = dj_database_url.parse(database_url, conn_max_age=600, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.postgresql":
        # A database that is gone or frozen must turn into a 503 within seconds, never hang a worker
        # (docs/deploy.md, "Timeouts"). Every wait is watched (permitsite/dbguard.py); these bound the
        # rest: connecting (2 s, libpq's minimum), a query the server runs (5 s), a dead host or network
        # (keepalive probes after 10 s idle, and unacknowledged data for 10 s, end the connection).
        # Settings given in DATABASE_URL's query string win.
        config["ENGINE"] = "permitsite.postgresql"
        options = config.setdefault("OPTIONS", {})
        options.setdefault("connect_timeout", 2)
        options.setdefault("options", "-c statement_timeout=5s")
        options.setdefault("keepalives", 1)
        options.setdefault("keepalives_idle", 10)
        options.setdefault("keepalives_interval", 5)
        options.setdefault("keepalives_count", 2)
        options.setdefault("tcp_user_timeout", 10000)
    return config


def cache_config(redis_url: str | None, var_dir: Path) -> dict:
    if redis_url:
        # Django's RedisCache, plus: after a call times out, this process skips Redis for 10 s
        # (permitsite/cache.py; docs/deploy.md, "Timeouts").
        return {
            "BACKEND": "permitsite.cache.BreakerRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "permitsite",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2, "skip_after_timeout": 10},
        }
    # Without Redis, a file cache is still shared by every gunicorn worker on the host
    # (a locmem cache would give each worker its own stale copy of the rules).
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": var_dir / "cache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }


def admin_path(raw: str | None) -> str:
    """`DJANGO_ADMIN_URL` as a URL prefix with exactly one trailing slash."""
    path = (raw or "admin").strip().strip("/")
    if not path or urlsplit(path).netloc or "//" in path:
        raise ValueError(f"DJANGO_ADMIN_URL must be a plain path such as 'backoffice'; got {raw!r}")
    return path + "/"
