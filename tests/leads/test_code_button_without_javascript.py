"""Without JavaScript, 获取验证码 and 换一张 post the whole form and get it back, filled in."""

import threading

import pytest
from captcha.models import CaptchaStore
from django.db import connections
from django.test import Client

from leads import sms
from leads.models import Lead
from tests.html_tree import parse
from tests.leads.helpers import PHONE, last_code_sent_to, lead_form

pytestmark = pytest.mark.django_db


def press(client, action, **overrides):
    data = lead_form(action=action, captcha_0="k", captcha_1="PASSED", code="", **overrides)
    return client.post("/consult/", data)


def test_the_code_button_sends_a_code_and_shows_the_form_again_with_what_was_typed(client):
    response = press(client, "send_code", consent=None)
    assert response.status_code == 200
    html = response.content.decode()
    assert "验证码已发送到 138****5678，5 分钟内有效。" in html
    assert 'value="王先生"' in html
    assert 'value="13812345678"' in html
    assert parse(html).find("input", name="service", value="planning").get("checked") is not None
    # Fields the visitor has not reached yet are not scolded.
    assert "invalid-feedback" not in html
    assert [message.phone for message in sms.outbox] == [PHONE]
    assert Lead.objects.count() == 0


def test_then_submitting_with_the_code_stores_the_lead(client):
    press(client, "send_code")
    response = client.post("/consult/", lead_form(code=last_code_sent_to()))
    assert response.status_code == 302
    assert Lead.objects.count() == 1


def test_the_code_button_explains_a_bad_number_or_captcha(client):
    response = client.post("/consult/", lead_form(action="send_code", phone="123", captcha_1=""))
    html = response.content.decode()
    assert "请输入 11 位中国大陆手机号码。" in html
    assert "请输入图片中的字符。" in html or "图片验证码不正确" in html
    assert sms.outbox == []


def test_the_code_button_shows_the_cooldown(client):
    press(client, "send_code")
    response = press(client, "send_code")
    html = response.content.decode()
    assert "验证码发送太频繁" in html
    assert len(sms.outbox) == 1
    # Refused, so the next try needs a CAPTCHA again: it is shown, or nobody without JavaScript could retry.
    assert 'name="captcha_1"' in html


def test_the_sent_notice_ends_with_the_code_s_lifetime(client, time_machine):
    time_machine.move_to("2026-12-03 10:00:00+08:00", tick=False)
    press(client, "send_code")
    html = client.get("/consult/").content.decode()
    assert "验证码已发送到 138****5678" in html and 'name="captcha_1"' not in html
    time_machine.shift(5 * 60 + 1)
    html = client.get("/consult/").content.decode()
    assert "验证码已发送" not in html  # the code can no longer be used: ask for another with a CAPTCHA
    assert 'name="captcha_1"' in html


def test_new_captcha_shows_a_fresh_image_and_keeps_the_form(client):
    first = client.get("/consult/").context["code_form"]
    response = press(client, "new_captcha")
    html = response.content.decode()
    assert 'value="王先生"' in html
    assert "/captcha/image/" in html
    assert sms.outbox == []
    assert first is not response.context["code_form"]


def test_a_second_tap_on_the_code_button_shows_the_code_on_its_way(client, monkeypatch, time_machine):
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)  # a solved challenge is then spent
    time_machine.move_to("2026-12-03 10:00:00+08:00", tick=False)
    challenge = CaptchaStore.objects.get(hashkey=CaptchaStore.generate_key())
    data = lead_form(action="send_code", captcha_0=challenge.hashkey, captcha_1=challenge.response, code="")

    client.post("/consult/", data)
    html = client.post("/consult/", data).content.decode()
    assert "验证码已发送到 138****5678，5 分钟内有效。" in html
    assert "图片验证码不正确" not in html and 'name="captcha_1"' not in html
    assert len(sms.outbox) == 1

    # Another browser learns nothing of it; past the cooldown a new code could go, so the challenge counts.
    html = Client().post("/consult/", data).content.decode()
    assert "图片验证码不正确或已过期" in html and "已发送" not in html
    time_machine.shift(61)
    assert "图片验证码不正确或已过期" in client.post("/consult/", data).content.decode()
    assert len(sms.outbox) == 1


class HeldBackend(sms.LocmemBackend):
    """Holds every text until the test lets it go, as a slow provider does."""

    entered = threading.Event()
    release = threading.Event()

    def send(self, message):
        HeldBackend.entered.set()
        assert HeldBackend.release.wait(timeout=30)
        super().send(message)


@pytest.mark.django_db(transaction=True)
def test_a_second_tap_while_the_provider_still_holds_the_first_shows_the_code_on_its_way(
    settings, monkeypatch, seeded_transactional_db
):
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    settings.SMS_BACKEND = "tests.leads.test_code_button_without_javascript.HeldBackend"
    HeldBackend.entered.clear()
    HeldBackend.release.clear()
    browser = Client()
    twin = Client()  # the same browser's second tap, on a connection of its own
    twin.cookies[settings.SESSION_COOKIE_NAME] = browser.session.session_key
    challenge = CaptchaStore.objects.get(hashkey=CaptchaStore.generate_key())
    data = lead_form(action="send_code", captcha_0=challenge.hashkey, captcha_1=challenge.response, code="")

    def first_tap():
        try:
            browser.post("/consult/", data)
        finally:
            # This thread's own connection: left open, psycopg warns when it is collected, in a later test.
            connections.close_all()

    first = threading.Thread(target=first_tap)
    first.start()
    try:
        assert HeldBackend.entered.wait(timeout=30)
        html = twin.post("/consult/", data).content.decode()
    finally:
        HeldBackend.release.set()
        first.join(timeout=30)
        connections.close_all()
    assert "验证码已发送到 138****5678，5 分钟内有效。" in html
    assert "图片验证码不正确" not in html
    assert len(sms.outbox) == 1
