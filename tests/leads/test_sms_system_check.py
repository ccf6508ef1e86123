"""`manage.py check` refuses SMS backends that would leave a production site unable to send codes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from leads.checks import check_sms_backend

ROOT = Path(__file__).resolve().parents[2]


def error_ids(settings):
    return [error.id for error in check_sms_backend(None)]


@pytest.mark.parametrize("backend", ["leads.sms.ConsoleBackend", "leads.sms.LocmemBackend"])
def test_development_backends_are_refused_over_https(settings, backend):
    settings.HTTPS = True
    settings.SMS_BACKEND = backend
    assert error_ids(settings) == ["leads.E001"]


@pytest.mark.parametrize("backend", ["leads.sms.ConsoleBackend", "leads.sms.LocmemBackend"])
def test_development_backends_are_fine_without_https(settings, backend):
    settings.HTTPS = False
    settings.SMS_BACKEND = backend
    assert error_ids(settings) == []


def test_the_aliyun_backend_needs_its_credentials(settings):
    settings.HTTPS = True
    settings.SMS_BACKEND = "leads.sms.AliyunBackend"
    settings.SMS_ALIYUN_ACCESS_KEY_ID = ""
    settings.SMS_ALIYUN_ACCESS_KEY_SECRET = ""
    settings.SMS_ALIYUN_SIGN_NAME = "上海居住证助手"
    settings.SMS_ALIYUN_TEMPLATE_CODE = "SMS_1"
    errors = check_sms_backend(None)
    assert [error.id for error in errors] == ["leads.E002"]
    assert "SMS_ALIYUN_ACCESS_KEY_ID" in errors[0].msg and "SMS_ALIYUN_ACCESS_KEY_SECRET" in errors[0].msg


def test_manage_py_check_fails_with_the_console_backend_and_https(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SMS_"))}
    env.update(DJANGO_SETTINGS_MODULE="permitsite.settings", DJANGO_VAR_DIR=str(tmp_path), DJANGO_HTTPS="1")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "leads.E001" in result.stderr
