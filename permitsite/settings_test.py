"""Settings for the test suite: production settings with fast hashing and plain static storage."""

import tempfile
from pathlib import Path

from permitsite.settings import *  # noqa: F403
from permitsite.settings import REDIS_URL

# Unhashed static names, so templates render before any collectstatic; the static-files test
# switches the manifest storage back on explicitly.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="permitsite-test-static-"))
# Admin tests sign in with force_login; tests/site/test_admin_login.py turns OTP back on.
ADMIN_REQUIRE_OTP = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# With REDIS_URL the tests use that Redis as production would. Point it at a database of its own
# (.ci/run uses /15): tests clear the cache between them, which flushes the whole database.
if not REDIS_URL:
    CACHES = {  # Shared by threads (live server, concurrency tests) but private to this run.
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": Path(tempfile.mkdtemp(prefix="permitsite-test-cache-")),
        }
    }
