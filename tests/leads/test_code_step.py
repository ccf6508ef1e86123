"""The code step asks for things in order: "请先获取验证码" before any code was sent, and once a code is on
its way the CAPTCHA stays away, even when the form comes back with another error."""

import pytest

from tests.html_tree import parse
from tests.leads.helpers import ask_for_code, last_code_sent_to, lead_form

pytestmark = pytest.mark.django_db


def code_errors(response):
    return list(response.context["form"].errors.get("code", []))


def test_an_empty_code_before_any_was_requested_says_get_one_first(client):
    response = client.post("/consult/", lead_form())
    assert code_errors(response) == ["请先获取验证码，再填写短信中的 6 位数字。"]


def test_an_empty_code_after_one_was_sent_asks_for_the_six_digits(client):
    ask_for_code(client)
    response = client.post("/consult/", lead_form())
    assert code_errors(response) == ["请填写短信中的 6 位验证码。"]


def test_after_a_code_was_sent_a_validation_error_does_not_bring_the_captcha_back(client):
    ask_for_code(client)
    response = client.post("/consult/", lead_form(code=last_code_sent_to(), name=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="captcha_1"' not in html
    assert "验证码已发送到 138****5678" in html
    assert 'value="王先生"' not in html and 'value="13812345678"' in html
    # The code the person typed is still there, so fixing the name is all it takes.
    assert f'value="{last_code_sent_to()}"' in html


def test_without_javascript_the_code_button_hides_the_captcha_once_the_code_is_sent(client):
    data = lead_form(action="send_code", captcha_0="k", captcha_1="PASSED", code="")
    html = client.post("/consult/", data).content.decode()
    assert "验证码已发送到 138****5678，5 分钟内有效。" in html
    assert 'name="captcha_1"' not in html
    assert 'value="new_code"' in html


def test_asking_again_brings_the_captcha_back(client):
    ask_for_code(client)
    html = client.post("/consult/", lead_form(action="new_code", code="")).content.decode()
    assert 'name="captcha_1"' in html
    assert 'value="send_code"' in html


def test_a_new_visit_after_a_successful_submission_starts_with_the_captcha(client):
    ask_for_code(client)
    assert client.post("/consult/", lead_form(code=last_code_sent_to())).status_code == 302
    assert 'name="captcha_1"' in client.get("/consult/").content.decode()


def test_the_deletion_page_asks_in_the_same_order(client):
    response = client.post(
        "/privacy/requests/", {"phone": "13812345678", "confirm": "on", "action": "delete"}
    )
    assert response.context["form"].errors["code"] == ["请先获取验证码，再填写短信中的 6 位数字。"]
    ask_for_code(client, purpose="deletion")
    html = client.get("/privacy/requests/").content.decode()
    assert 'name="captcha_1"' not in html


def test_the_captcha_image_has_a_fixed_size_so_nothing_moves_when_it_loads(client):
    image = parse(client.get("/consult/").content).find("img", class_="captcha")
    assert (image["width"], image["height"]) == ("128", "44")
