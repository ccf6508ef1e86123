"""Without JavaScript, 获取验证码 and 换一张 post the whole form and get it back, filled in."""

import pytest

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
