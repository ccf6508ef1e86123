"""Two app servers sharing PostgreSQL and Redis behave as one site.

Runs in .ci/run's PostgreSQL + Redis pass; skipped on SQLite, where a second host cannot share the database.
"""

import json
import os
import re

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth.models import User
from django.db import connection
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from calculator.models import Indicator
from tests.ops.browser import Browser, form_fields
from tests.ops.servers import gunicorn, prepare

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")),
        reason="needs DATABASE_URL (PostgreSQL) and REDIS_URL, as in .ci/run's second pass",
    ),
]


@pytest.fixture
def two_servers(seeded_transactional_db, tmp_path):
    """Two gunicorn instances on different ports, both using this test's database and Redis."""
    db = connection.settings_dict
    shared = {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": os.environ["REDIS_URL"],
    }
    prepare(tmp_path / "a", **shared)
    prepare(tmp_path / "b", **shared)
    with gunicorn(tmp_path / "a", **shared) as (url_a, _), gunicorn(tmp_path / "b", **shared) as (url_b, _):
        yield url_a, url_b


def test_admin_lockout_holds_across_servers(two_servers):
    url_a, url_b = two_servers
    failures = {"username": "editor1", "password": "wrong-password-123"}
    for attempt in range(5):
        base = url_a if attempt % 2 == 0 else url_b
        status, _ = Browser().submit(base + "/admin/login/", failures)
        assert status in (200, 429)
    for base in (url_a, url_b):
        status, page = Browser().submit(base + "/admin/login/", failures)
        assert status == 429
        assert "登录尝试过多" in page


def signed_in_superuser(base_url):
    boss = User.objects.create_superuser("boss", password="a long enough password 1")
    device = TOTPDevice.objects.create(user=boss, name="phone", confirmed=True)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    editor = Browser()
    status, _ = editor.submit(
        base_url + "/admin/login/?next=/admin/",
        {"username": "boss", "password": "a long enough password 1", "otp_token": code},
    )
    assert status == 302
    return editor


def fresh_graduate_score(base_url):
    status, body = Browser().post_json(base_url + "/api/v1/score", {"age": 30, "fresh_graduate": True})
    assert status == 200
    return json.loads(body)["total"]


def test_a_rule_changed_through_one_server_scores_on_the_other(two_servers, settings):
    url_a, url_b = two_servers
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # as the servers use
    assert fresh_graduate_score(url_b) == 40  # 30 for age, 10 for a fresh graduate; now cached on b

    editor = signed_in_superuser(url_a)
    indicator = Indicator.objects.get(ruleset__version="2023-01", key="fresh_graduate")
    change_page = f"{url_a}/admin/calculator/indicator/{indicator.pk}/change/"
    status, page = editor.get(change_page)
    fields = form_fields(page)
    status, _ = editor.post(change_page, {**fields, "points": "12", "_save": "保存"}, referer=change_page)
    assert status == 302

    assert fresh_graduate_score(url_b) == 42


def average_wage(base_url):
    status, body = Browser().get(base_url + "/api/v1/rules?as_of=2026-08-01")
    assert status == 200
    return json.loads(body)["average_wage"]


def test_a_wage_period_added_through_one_server_is_used_by_the_other(two_servers, settings):
    url_a, url_b = two_servers
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # as the servers use
    assert average_wage(url_b)["provisional"] is True  # the 2025 figure stands in; now cached on b
    editor = signed_in_superuser(url_a)
    add_page = f"{url_a}/admin/calculator/wageperiod/add/"
    status, page = editor.get(add_page)
    period = {
        "period_from": "2026-07-01",
        "period_to": "2027-06-30",
        "monthly_average": "12600",
        "base_floor": "7560",
        "base_ceiling": "37800",
        "source": "测试",
    }
    status, _ = editor.post(add_page, {**form_fields(page), **period, "_save": "保存"}, referer=add_page)
    assert status == 302
    wage = average_wage(url_b)
    assert (wage["monthly"], wage["provisional"]) == (12600, False)
    status, page = Browser().get(url_b + "/jifen/insurance/")
    assert "12,600 元/月" in page


def request_code(base_url, phone):
    visitor = Browser()
    status, page = visitor.get(base_url + "/consult/")
    assert status == 200
    fields = form_fields(page)
    answer = CaptchaStore.objects.get(hashkey=fields["captcha_0"]).response
    return visitor.post(
        base_url + "/consult/code/",
        {
            "csrfmiddlewaretoken": fields["csrfmiddlewaretoken"],
            "phone": phone,
            "captcha_0": fields["captcha_0"],
            "captcha_1": answer,
        },
        referer=base_url + "/consult/",
    )


def test_sms_limits_hold_across_servers(two_servers):
    url_a, url_b = two_servers
    status, body = request_code(url_a, "13912345678")
    assert status == 200, body
    status, body = request_code(url_b, "13912345678")
    assert status == 429
    assert 0 < json.loads(body)["retry_after"] <= 60
    assert re.search(r"\d+ ?秒", json.loads(body)["error"])
