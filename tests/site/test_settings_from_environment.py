"""The real settings module, loaded in a fresh interpreter under different environments."""

import json
import os
import stat
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
    assert loaded["engine"] == "permitsite.postgresql"
    assert loaded["db_name"] == "permits"
    assert loaded["cache"] == "permitsite.cache.BreakerRedisCache"
    # Sessions stay recorded in the database whatever the cache (permitsite/sessions.py).
    assert loaded["sessions"] == "permitsite.sessions"


def test_https_mode_secures_cookies_behind_the_proxy(tmp_path):
    loaded = load_settings(tmp_path, DJANGO_HTTPS="1")
    assert loaded["session_cookie"] == "__Host-sessionid"
    assert loaded["secure"] is True
    assert loaded["ssl_redirect"] is True
    assert loaded["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


PRODUCTION = {
    "DJANGO_HTTPS": "1",
    "DJANGO_SECRET_KEY": "x7!Kq2#mZ9@pL4$wR8^tY1&uI6*oP3(aS5)dF0_gH-jJ=kL+zX",
    "DJANGO_ALLOWED_HOSTS": "example.com",
    "FORWARDED_ALLOW_IPS": "127.0.0.1",
    # Production must send real SMS (leads.E001 refuses the console backend over HTTPS).
    "SMS_BACKEND": "leads.sms.AliyunBackend",
    "SMS_ALIYUN_ACCESS_KEY_ID": "LTAI-example",
    "SMS_ALIYUN_ACCESS_KEY_SECRET": "example-secret",
    "SMS_ALIYUN_SIGN_NAME": "上海居住证助手",
    "SMS_ALIYUN_TEMPLATE_CODE": "SMS_000000001",
    # The 签注 reminders link to the public address and need their own approved templates.
    "SITE_URL": "https://example.com",
    "SMS_ALIYUN_TEMPLATE_WINDOW_OPENS": "SMS_000000002",
    "SMS_ALIYUN_TEMPLATE_EXPIRY_NEAR": "SMS_000000003",
    "SMS_ALIYUN_TEMPLATE_GRACE_ENDING": "SMS_000000004",
    # A public site names its operator and a contact (permitsite.E101, E102).
    "SITE_OPERATOR": "上海示例信息科技有限公司",
    "SITE_CONTACT_EMAIL": "privacy@permit.example",
    # Django's mail.E001: production sends mail through a real server, not the console.
    "SMTP_HOST": "smtp.exmail.qq.com",
}


def manage(var_dir, *arguments, **environ):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="permitsite.settings", DJANGO_VAR_DIR=str(var_dir), **environ)
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_deploy_check_is_clean_in_https_mode(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_deploy_check_warns_when_no_proxy_may_name_the_client(tmp_path):
    environ = {**PRODUCTION, "FORWARDED_ALLOW_IPS": ""}
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **environ)
    assert result.returncode != 0
    assert "permitsite.W001" in result.stderr
    assert "FORWARDED_ALLOW_IPS" in result.stderr


def test_a_new_var_dir_is_created_private_with_a_private_database(tmp_path):
    var_dir = tmp_path / "not" / "there" / "yet"
    result = manage(var_dir, "migrate", "--noinput", DJANGO_SECRET_KEY="k" * 60)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(var_dir.stat().st_mode) == 0o700
    database_files = list(var_dir.glob("db.sqlite3*"))
    assert var_dir / "db.sqlite3" in database_files
    for path in database_files:  # the database, and its -wal/-shm files while they exist
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_deploy_check_warns_about_a_database_other_accounts_can_read(tmp_path):
    (tmp_path / "db.sqlite3").touch(mode=0o644)
    tmp_path.chmod(0o755)
    result = manage(tmp_path, "check", "--deploy", **PRODUCTION)
    assert "permitsite.W002" in result.stderr
    assert str(tmp_path / "db.sqlite3") in result.stderr


def test_the_admin_path_is_configurable(tmp_path):
    assert load_settings(tmp_path)["admin_index"] == "/admin/"
    assert load_settings(tmp_path, DJANGO_ADMIN_URL="backoffice-7f3a")["admin_index"] == "/backoffice-7f3a/"


def test_https_mode_asks_for_a_year_of_https_on_subdomains_without_preloading(tmp_path):
    """Preloading binds the operator's whole domain and is hard to undo: the site does not consent to it."""
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD)"
    )
    result = manage(tmp_path, "shell", "--no-imports", "-c", code, **PRODUCTION)
    assert result.stdout.split() == ["31536000", "True", "False"], result.stderr
