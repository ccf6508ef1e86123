"""What happens to wrong, expired, reused, other-number and other-session codes on /consult/."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from leads.models import Lead, PhoneVerification
from tests.leads.helpers import PHONE, ask_for_code, last_code_sent_to, lead_form

pytestmark = pytest.mark.django_db


def wrong(code):
    return f"{(int(code) + 1) % 1_000_000:06d}"


def code_error(response):
    assert response.status_code == 200, "the form should be shown again"
    return list(response.context["form"].errors.get("code", []))


def test_a_wrong_code_is_refused_and_the_form_keeps_what_was_typed(client):
    ask_for_code(client)
    response = client.post("/consult/", lead_form(code=wrong(last_code_sent_to())))
    assert code_error(response) == ["验证码不正确，请核对短信后重新输入。"]
    assert 'value="王先生"' in response.content.decode()
    assert Lead.objects.count() == 0
    assert PhoneVerification.objects.get().wrong_tries == 1


def test_after_five_wrong_tries_the_right_code_no_longer_works(client):
    ask_for_code(client)
    code = last_code_sent_to()
    for _ in range(5):
        client.post("/consult/", lead_form(code=wrong(code)))
    response = client.post("/consult/", lead_form(code=code))
    assert code_error(response) == ["验证码错误次数过多，请重新获取。"]
    assert Lead.objects.count() == 0


def test_a_code_older_than_five_minutes_has_expired(client):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        ask_for_code(client)
        traveller.shift(timedelta(minutes=5, seconds=1))
        response = client.post("/consult/", lead_form(code=last_code_sent_to()))
    assert code_error(response) == ["验证码已过期（有效期 5 分钟），请重新获取。"]
    assert Lead.objects.count() == 0


def test_a_code_within_five_minutes_still_works(client):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        ask_for_code(client)
        traveller.shift(timedelta(minutes=4, seconds=50))
        response = client.post("/consult/", lead_form(code=last_code_sent_to()))
    assert response.status_code == 302


def test_a_used_code_cannot_be_used_again(client):
    ask_for_code(client)
    code = last_code_sent_to()
    assert client.post("/consult/", lead_form(code=code)).status_code == 302
    response = client.post("/consult/", lead_form(code=code, name="王先生二次"))
    assert code_error(response) == ["这个验证码已经用过了，请重新获取。"]
    assert Lead.objects.get().name == "王先生"


def test_the_code_of_another_number_does_not_verify_this_one(client):
    ask_for_code(client, phone="13900001111")
    response = client.post("/consult/", lead_form(code=last_code_sent_to("13900001111")))
    assert code_error(response) == ["请先点击“获取验证码”，并填写短信中的 6 位验证码。"]
    assert Lead.objects.count() == 0


def test_a_code_only_works_in_the_browser_session_that_asked_for_it(client):
    ask_for_code(client)
    other_browser = Client()
    response = other_browser.post("/consult/", lead_form(code=last_code_sent_to()))
    assert code_error(response) == ["请先点击“获取验证码”，并填写短信中的 6 位验证码。"]
    assert Lead.objects.count() == 0
    # Guessing from another browser does not burn the owner's tries.
    assert PhoneVerification.objects.get().wrong_tries == 0


def test_only_the_newest_code_is_valid(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    ask_for_code(client)
    first = last_code_sent_to()
    time_machine.shift(timedelta(seconds=61))
    ask_for_code(client)
    second = last_code_sent_to()
    if first != second:
        assert code_error(client.post("/consult/", lead_form(code=first)))
    assert client.post("/consult/", lead_form(code=second)).status_code == 302


@pytest.mark.parametrize(
    "code, message", [("12345", "6 位数字"), ("abcdef", "6 位数字"), ("", "请填写短信中的")]
)
def test_a_malformed_code_is_a_form_error_and_costs_no_try(client, code, message):
    ask_for_code(client)
    response = client.post("/consult/", lead_form(code=code))
    assert message in code_error(response)[0]
    assert PhoneVerification.objects.get().wrong_tries == 0


def test_a_code_typed_with_spaces_is_accepted(client):
    ask_for_code(client)
    code = last_code_sent_to()
    response = client.post("/consult/", lead_form(code=f" {code[:3]} {code[3:]} "))
    assert response.status_code == 302
    assert Lead.objects.get().phone == PHONE


def test_a_code_typed_in_full_width_digits_is_accepted(client):
    ask_for_code(client)
    code = last_code_sent_to()
    full_width = "".join(chr(ord(digit) + 0xFEE0) for digit in code)
    assert client.post("/consult/", lead_form(code=full_width)).status_code == 302
