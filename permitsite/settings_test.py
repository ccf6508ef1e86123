"""Settings for the test suite: production settings with fast hashing and plain static storage."""

import tempfile
from pathlib import Path

from permitsite.settings import *  # noqa: F403
from permitsite.settings import CACHES, DATABASES, REDIS_URL

# Unhashed static names, so templates render before any collectstatic; the static-files test
# switches the manifest storage back on explicitly.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="permitsite-test-static-"))
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SMS_BACKEND = "leads.sms.LocmemBackend"

if DATABASES["default"]["ENGINE"] == "permitsite.postgresql":
    # The harness creates and drops whole databases, which a loaded CI machine can take longer than
    # production's 5 s to do. tests/site/test_database_freeze.py checks production's own value.
    DATABASES["default"]["OPTIONS"]["options"] = "-c statement_timeout=60s"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than shared-cache memory, so that threads (concurrency tests) wait on the write
    # lock with the busy timeout, in WAL mode, exactly as production does.
    # /dev/shm keeps the file in memory where it exists: same locking, no disk waits.
    shared_memory = Path("/dev/shm")  # noqa: S108 (mkdtemp makes a private directory inside it)
    in_memory_dir = shared_memory if shared_memory.is_dir() else None
    DATABASES["default"]["TEST"] = {
        "NAME": Path(tempfile.mkdtemp(prefix="permitsite-test-db-", dir=in_memory_dir)) / "test.sqlite3"
    }

# With REDIS_URL the tests use that Redis as production would. Point it at a database of its own
# (.ci/run uses /15): tests clear the cache between them, which flushes the whole database.
if not REDIS_URL:
    CACHES = {  # Shared by threads (live server, concurrency tests) but private to this run.
        **CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": Path(tempfile.mkdtemp(prefix="permitsite-test-cache-")),
        },
    }
