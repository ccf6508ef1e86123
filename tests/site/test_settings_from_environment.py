"""The real settings module, loaded in a fresh interpreter under different environments."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "debug": settings.DEBUG,
    "engine": db["ENGINE"], "db_name": str(db["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"], "sessions": settings.SESSION_ENGINE,
    "language": settings.LANGUAGE_CODE, "time_zone": settings.TIME_ZONE, "use_tz": settings.USE_TZ,
    "session_cookie": settings.SESSION_COOKIE_NAME, "secure": settings.SESSION_COOKIE_SECURE,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT, "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
    "admin_index": __import__("django.urls").urls.reverse("admin:index"),
}))
"""


def load_settings(tmp_path, **environ):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update({"DJANGO_SETTINGS_MODULE": "permitsite.settings", "DJANGO_VAR_DIR": str(tmp_path)}, **environ)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_defaults_are_production_sqlite_in_shanghai_time(tmp_path):
    loaded = load_settings(tmp_path)
    assert loaded["debug"] is False
    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["db_name"] == str(tmp_path / "db.sqlite3")
    assert loaded["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert (loaded["language"], loaded["time_zone"], loaded["use_tz"]) == ("zh-hans", "Asia/Shanghai", True)
    assert loaded["secure"] is False
    assert loaded["proxy_header"] is None


def test_database_and_redis_urls_switch_backends(tmp_path):
    loaded = load_settings(
        tmp_path,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/permits",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["db_name"] == "permits"
    assert loaded["cache"] == "django.core.cache.backends.redis.RedisCache"
    # Sessions stay recorded in the database whatever the cache (permitsite/sessions.py).
    assert loaded["sessions"] == "permitsite.sessions"


def test_https_mode_secures_cookies_behind_the_proxy(tmp_path):
    loaded = load_settings(tmp_path, DJANGO_HTTPS="1")
    assert loaded["session_cookie"] == "__Host-sessionid"
    assert loaded["secure"] is True
    assert loaded["ssl_redirect"] is True
    assert loaded["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_deploy_check_is_clean_in_https_mode(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="permitsite.settings",
        DJANGO_VAR_DIR=str(tmp_path),
        DJANGO_HTTPS="1",
        DJANGO_SECRET_KEY="x7!Kq2#mZ9@pL4$wR8^tY1&uI6*oP3(aS5)dF0_gH-jJ=kL+zX",
        DJANGO_ALLOWED_HOSTS="example.com",
        # Production must send real SMS (leads.E001 refuses the console backend over HTTPS).
        SMS_BACKEND="leads.sms.AliyunBackend",
        SMS_ALIYUN_ACCESS_KEY_ID="LTAI-example",
        SMS_ALIYUN_ACCESS_KEY_SECRET="example-secret",
        SMS_ALIYUN_SIGN_NAME="上海居住证助手",
        SMS_ALIYUN_TEMPLATE_CODE="SMS_000000001",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_admin_path_is_configurable(tmp_path):
    assert load_settings(tmp_path)["admin_index"] == "/admin/"
    assert load_settings(tmp_path, DJANGO_ADMIN_URL="backoffice-7f3a")["admin_index"] == "/backoffice-7f3a/"
