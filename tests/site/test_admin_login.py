"""Admin sign-in: password plus TOTP, lockout after repeated failures, no user enumeration."""

import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

LOGIN_URL = "/admin/login/?next=/admin/"
PASSWORD = "correct horse battery staple 42"


@pytest.fixture
def otp_required(settings):
    settings.ADMIN_REQUIRE_OTP = True


@pytest.fixture
def staff(db):
    return User.objects.create_user("editor1", password=PASSWORD, is_staff=True)


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, username="editor1", password=PASSWORD, otp_token="", ip="203.0.113.7"):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "otp_token": otp_token},
        REMOTE_ADDR=ip,
    )


def test_password_and_current_code_sign_in(otp_required, device):
    client = Client()
    response = sign_in(client, otp_token=current_code(device))
    assert response.status_code == 302
    assert client.get("/admin/", REMOTE_ADDR="203.0.113.7").status_code == 200


def test_password_alone_is_not_enough(otp_required, device):
    client = Client()
    response = sign_in(client)
    assert response.status_code == 200
    assert "动态验证码" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_wrong_code_is_refused_in_chinese(otp_required, device):
    response = sign_in(Client(), otp_token="000000" if current_code(device) != "000000" else "111111")
    assert response.status_code == 200
    assert "动态验证码不正确" in response.content.decode()


def test_staff_without_a_device_cannot_enter(otp_required, staff):
    client = Client()
    client.force_login(staff)
    assert client.get("/admin/").status_code == 302


def test_unknown_user_and_wrong_password_answer_identically(staff):
    unknown = sign_in(Client(), username="nobody", password="whatever-password-1")
    wrong = sign_in(Client(), password="wrong-password-123")
    assert unknown.status_code == wrong.status_code == 200

    def page_without_tokens(response, username):
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return html.replace(username, "X")

    assert page_without_tokens(unknown, "nobody") == page_without_tokens(wrong, "editor1")


def test_five_failures_lock_the_pair_with_a_429_for_that_address_only(staff):
    client = Client()
    for _ in range(4):
        assert sign_in(client, password="wrong-password-123").status_code == 200
    locked = sign_in(client, password="wrong-password-123")
    assert locked.status_code == 429
    assert "登录尝试过多" in locked.content.decode()
    # Even the right password is refused while locked ...
    assert sign_in(client).status_code == 429
    # ... but the same account from another address is not locked out.
    assert sign_in(Client(), ip="198.51.100.9").status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(staff, time_machine):
    time_machine.move_to("2026-11-27 10:00:00+08:00", tick=False)
    for _ in range(5):
        sign_in(Client(), password="wrong-password-123")
    assert sign_in(Client()).status_code == 429
    time_machine.move_to("2026-11-27 10:16:00+08:00", tick=False)
    assert sign_in(Client()).status_code == 302


def test_a_success_resets_the_failure_count(staff):
    for _ in range(4):
        sign_in(Client(), password="wrong-password-123")
    assert sign_in(Client()).status_code == 302
    for _ in range(4):
        assert sign_in(Client(), password="wrong-password-123").status_code == 200


def test_spoofed_forwarded_for_cannot_dodge_the_lockout(staff):
    for n in range(5):
        Client().post(
            LOGIN_URL,
            {"username": "editor1", "password": "wrong-password-123"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    assert sign_in(Client()).status_code == 429


def test_enrol_totp_gives_a_working_secret(staff, capsys):
    call_command("enrol_totp", "editor1")
    out = capsys.readouterr().out
    assert "otpauth://totp/" in out
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).count() == 1


def test_staff_passwords_need_twelve_characters_and_must_not_be_common(staff):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password("Short1!x", staff)
    with pytest.raises(ValidationError):
        validate_password("password1234", staff)
    validate_password("明年春天去苏州看园林-2027", staff)
