"""Admin sign-in through the real form: password and TOTP code judged together with one answer for every
failure, every failure counted towards the lockout (per username and address, and per address across
usernames), a code spent only by a sign-in that completes, and staff sessions that end when idle."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import STAFF_PASSWORD, current_code, wrong_code

LOGIN_URL = "/admin/login/?next=/admin/"
OFFICE = "203.0.113.7"
ELSEWHERE = "198.51.100.9"
ONE_ANSWER = "用户名、密码或动态验证码不正确"

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(editor):
    return editor


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


def sign_in(client, username="bianji", password=STAFF_PASSWORD, otp_token="", ip=OFFICE):
    return client.post(
        LOGIN_URL, {"username": username, "password": password, "otp_token": otp_token}, REMOTE_ADDR=ip
    )


def signed_in(client, ip=OFFICE):
    return client.get("/admin/", REMOTE_ADDR=ip).status_code == 200


def test_password_and_current_code_sign_in(device, frozen_clock):
    client = Client()
    response = sign_in(client, otp_token=current_code(device))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert signed_in(client)


@pytest.mark.parametrize("next_page", ["//evil.example/x", "https://evil.example/", ""])
def test_a_sign_in_sent_off_the_site_or_nowhere_lands_on_the_admin(device, frozen_clock, next_page):
    fields = {"username": "bianji", "password": STAFF_PASSWORD, "otp_token": current_code(device)}
    response = Client().post(f"/admin/login/?next={next_page}", fields, REMOTE_ADDR=OFFICE)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_code_signs_in_only_once(device, frozen_clock):
    code = current_code(device)
    assert sign_in(Client(), otp_token=code).status_code == 302
    replayed = sign_in(Client(), otp_token=code)
    assert replayed.status_code == 200
    assert ONE_ANSWER in replayed.content.decode()


def page_without_tokens(response, username):
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return html.replace(username, "X")


def test_every_failure_gets_the_same_answer(device, frozen_clock, django_user_model):
    django_user_model.objects.create_user("visitor", password=STAFF_PASSWORD)  # right password, not staff
    answers = {
        "unknown user": sign_in(Client(), username="nobody", password="whatever-password-1"),
        "wrong password": sign_in(Client(), password="wrong-password-123", otp_token=current_code(device)),
        "no code": sign_in(Client()),
        "wrong code": sign_in(Client(), otp_token=wrong_code(device)),
        "not staff": sign_in(Client(), username="visitor"),
    }
    usernames = {"unknown user": "nobody", "not staff": "visitor"}
    pages = {
        case: page_without_tokens(response, usernames.get(case, "bianji"))
        for case, response in answers.items()
    }
    assert {response.status_code for response in answers.values()} == {200}
    assert ONE_ANSWER in pages["wrong code"]
    assert "动态验证码不正确或已过期" not in pages["wrong code"]
    assert len(set(pages.values())) == 1, [case for case in pages if pages[case] != pages["unknown user"]]


def failures_recorded():
    from axes.models import AccessAttempt

    return sum(attempt.failures_since_start for attempt in AccessAttempt.objects.all())


@pytest.mark.parametrize(
    "malformed",
    ["1" * 17, "12345\x006", "\x00", "1" * 5000, "１２３４５６"],
    ids=["17 characters", "a null inside", "only a null", "very long", "full-width digits"],
)
def test_a_malformed_code_tells_nothing_about_the_password(device, frozen_clock, malformed):
    before = failures_recorded()
    right_password = sign_in(Client(), otp_token=malformed)
    assert failures_recorded() == before + 1
    wrong_password = sign_in(Client(), password="wrong-password-123", otp_token=malformed)
    assert failures_recorded() == before + 2
    wrong_code_answer = sign_in(Client(), otp_token=wrong_code(device))
    assert right_password.status_code == wrong_password.status_code == wrong_code_answer.status_code == 200
    page = page_without_tokens(right_password, "bianji")
    assert ONE_ANSWER in page
    assert page == page_without_tokens(wrong_password, "bianji")
    assert page == page_without_tokens(wrong_code_answer, "bianji")


def test_malformed_codes_lock_the_account_like_wrong_ones(device, frozen_clock):
    for malformed in ["1" * 17, "\x00", "1" * 17, "\x00", "1" * 17]:
        sign_in(Client(), otp_token=malformed)
    assert sign_in(Client(), otp_token=current_code(device)).status_code == 429


def test_a_wrong_code_counts_like_a_wrong_password(device, frozen_clock):
    for _ in range(2):
        sign_in(Client(), password="wrong-password-123")
    for _ in range(2):
        sign_in(Client(), otp_token=wrong_code(device))
    locked = sign_in(Client())  # the fifth failure: right password, no code
    assert locked.status_code == 429
    assert "登录尝试过多" in locked.content.decode()
    # Even the right password and code are refused while locked ...
    assert sign_in(Client(), otp_token=current_code(device)).status_code == 429
    # ... but the same account from another address is not locked out, once django-otp's own delay after
    # wrong codes (a few seconds) has passed.
    frozen_clock.shift(timedelta(seconds=10))
    assert sign_in(Client(), otp_token=current_code(device), ip=ELSEWHERE).status_code == 302


def test_many_usernames_from_one_address_lock_that_address(device, frozen_clock):
    for number in range(19):
        assert sign_in(Client(), username=f"guess{number}", password="wrong-password-123").status_code == 200
    assert sign_in(Client(), username="guess19", password="wrong-password-123").status_code == 429
    # The 20th failure locked the address for every username, real ones with the right code included ...
    assert sign_in(Client(), otp_token=current_code(device)).status_code == 429
    # ... and no other address.
    assert sign_in(Client(), otp_token=current_code(device), ip=ELSEWHERE).status_code == 302


def test_the_address_count_covers_fifteen_minutes(device, frozen_clock):
    for number in range(15):
        sign_in(Client(), username=f"guess{number}", password="wrong-password-123")
    frozen_clock.shift(timedelta(minutes=16))
    for number in range(15, 30):
        assert sign_in(Client(), username=f"guess{number}", password="wrong-password-123").status_code == 200
    assert sign_in(Client(), otp_token=current_code(device)).status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(device, frozen_clock):
    for _ in range(5):
        sign_in(Client(), password="wrong-password-123")
    assert sign_in(Client(), otp_token=current_code(device)).status_code == 429
    frozen_clock.shift(timedelta(minutes=16))
    assert sign_in(Client(), otp_token=current_code(device)).status_code == 302


def test_a_success_resets_the_failure_count(device, frozen_clock):
    for _ in range(4):
        sign_in(Client(), password="wrong-password-123")
    assert sign_in(Client(), otp_token=current_code(device)).status_code == 302
    frozen_clock.shift(timedelta(seconds=30))  # the next code
    for _ in range(4):
        assert sign_in(Client(), otp_token=wrong_code(device)).status_code == 200


def test_spoofed_forwarded_for_cannot_dodge_the_lockout(device, frozen_clock):
    for n in range(5):
        Client().post(
            LOGIN_URL,
            {"username": "bianji", "password": "wrong-password-123"},
            REMOTE_ADDR=OFFICE,
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}",
        )
    assert sign_in(Client(), otp_token=current_code(device)).status_code == 429


def test_a_code_is_not_spent_when_the_sign_in_cannot_be_stored(device, frozen_clock, settings):
    code = current_code(device)
    # Sessions that live only in an unreachable cache cannot be stored: the sign-in cannot complete.
    working = (settings.SESSION_ENGINE, settings.CACHES)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    failed = sign_in(Client(raise_request_exception=False), otp_token=code)
    assert failed.status_code == 503
    assert "系统维护中" in failed.content.decode()
    assert failed["Retry-After"]

    settings.SESSION_ENGINE, settings.CACHES = working
    client = Client()
    assert sign_in(client, otp_token=code).status_code == 302
    assert signed_in(client)


def test_without_a_confirmed_code_not_even_a_superuser_enters(staff, admin_user):
    for user in (staff, admin_user):
        client = Client()
        client.force_login(user)  # as if the password had been accepted, but no code was confirmed
        assert client.get("/admin/").status_code == 302


def test_a_staff_session_ends_after_a_working_day_without_activity(device, frozen_clock, settings):
    assert timedelta(hours=8) == settings.STAFF_SESSION_IDLE_TIMEOUT
    client = Client()
    sign_in(client, otp_token=current_code(device))
    frozen_clock.shift(timedelta(hours=7, minutes=50))
    assert signed_in(client)
    frozen_clock.shift(timedelta(hours=8, minutes=1))
    assert not signed_in(client)


def test_a_staff_member_at_work_all_day_stays_signed_in(device, frozen_clock):
    client = Client()
    sign_in(client, otp_token=current_code(device))
    for _ in range(12):  # twelve hours, a page an hour
        frozen_clock.shift(timedelta(hours=1))
        assert signed_in(client)


def test_visitor_sessions_keep_their_two_weeks(client, settings, frozen_clock):
    client.post("/jifen/basic/", {"age": "30", "education": "bachelor_degree", "title_skill": "none"})
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 14 * 24 * 3600


def test_enrol_totp_gives_a_working_secret(staff, capsys):
    call_command("enrol_totp", "bianji")
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


def test_no_admin_page_shows_a_devices_secret_again(admin_client, device):
    page = admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/")
    assert page.status_code == 200
    assert device.key not in page.content.decode()
    assert admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/").status_code == 403
    assert admin_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/qrcode/").status_code == 403
