"""POST /consult/code/: the JSON contract our script (and later a mini-program) relies on."""

from datetime import timedelta

import pytest
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.utils import timezone

from leads import sms
from leads.models import Lead, PhoneVerification, Service, SmsSend
from tests.leads.helpers import PHONE, ask_for_code, last_code_sent_to, lead_form

pytestmark = pytest.mark.django_db


def test_a_valid_request_sends_one_code_and_answers_200(client):
    response = ask_for_code(client)
    assert response.status_code == 200
    assert response.json()["sent"] is True
    assert response.json()["resend_after"] == 60
    assert len(sms.outbox) == 1
    assert SmsSend.objects.count() == 1
    verification = PhoneVerification.objects.get()
    assert verification.purpose == "lead"
    # Only keyed hashes are stored: neither the number nor the code.
    code = sms.outbox[0].params["code"]
    stored = " ".join(str(value) for value in PhoneVerification.objects.values_list().get())
    assert PHONE not in stored and code not in stored


@pytest.mark.parametrize("phone", ["", "1381234567", "12812345678", "abc", "+1 2025550123"])
def test_an_invalid_number_is_a_400_with_a_chinese_message(client, phone):
    response = ask_for_code(client, phone=phone)
    assert response.status_code == 400
    assert response.json()["errors"]["phone"][0].endswith("。")
    assert sms.outbox == []


def test_a_wrong_captcha_answer_is_a_400(client, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    response = client.post("/consult/code/", {"phone": PHONE, "captcha_0": key, "captcha_1": answer + "x"})
    assert response.status_code == 400
    assert response.json() == {"errors": {"captcha": ["图片验证码不正确或已过期，请看新图片重新输入。"]}}
    assert sms.outbox == []


def test_the_real_captcha_answer_is_accepted_once(client, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    first = client.post("/consult/code/", {"phone": PHONE, "captcha_0": key, "captcha_1": answer.upper()})
    assert first.status_code == 200
    replay = client.post("/consult/code/", {"phone": "13900001111", "captcha_0": key, "captcha_1": answer})
    assert replay.status_code == 400
    assert "captcha" in replay.json()["errors"]


def test_a_missing_captcha_is_a_400(client):
    response = client.post("/consult/code/", {"phone": PHONE})
    assert response.status_code == 400
    assert "captcha" in response.json()["errors"]


def test_get_is_not_allowed(client):
    assert client.get("/consult/code/").status_code == 405


def test_a_resend_within_60_seconds_is_a_429_with_the_seconds_to_wait(client):
    assert ask_for_code(client).status_code == 200
    response = ask_for_code(client)
    assert response.status_code == 429
    body = response.json()
    assert 55 <= body["retry_after"] <= 60
    assert body["error"] == f"验证码发送太频繁，请 {body['retry_after']} 秒后再试。"
    assert response["Retry-After"] == str(body["retry_after"])
    assert len(sms.outbox) == 1


def test_the_answer_is_the_same_whether_or_not_the_number_has_a_lead(client):
    Lead.objects.create(
        name="李女士",
        phone=PHONE,
        service=Service.objects.get(slug="planning"),
        due_by="2030-01-01T10:00+08:00",
        consent_privacy_version="1.0",
        consent_at="2026-01-01T10:00+08:00",
        consent_ip_hash="x",
        consent_user_agent_hash="y",
    )
    with_lead = ask_for_code(client, phone=PHONE)
    without_lead = ask_for_code(client, phone="13900001111")
    assert with_lead.status_code == without_lead.status_code == 200
    assert with_lead.json().keys() == without_lead.json().keys()
    assert with_lead.json()["message"].replace("138****5678", "") == without_lead.json()["message"].replace(
        "139****1111", ""
    )


def test_a_provider_failure_is_a_friendly_503_and_frees_no_code(client, settings):
    settings.SMS_BACKEND = "tests.leads.test_code_api.FailingBackend"
    response = ask_for_code(client)
    assert response.status_code == 503
    assert response.json() == {"error": "短信暂时发送失败，请稍后再试。您填写的内容已保留。"}
    assert PhoneVerification.objects.count() == 0
    assert SmsSend.objects.count() == 1  # a refused send still counts towards the limits


class FailingBackend(sms.BaseSmsBackend):
    def send(self, message):
        raise sms.SmsSendError("provider down")


def test_a_database_locked_twice_is_a_friendly_503_without_a_send(client, monkeypatch):
    from django.db import OperationalError

    from leads import services

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(SmsSend.objects, "create", locked)
    monkeypatch.setattr(services.time, "sleep", lambda seconds: None)
    response = ask_for_code(client)
    assert response.status_code == 503
    assert response.json() == {"error": "系统繁忙，验证码没有发出，请稍后再试。"}
    assert sms.outbox == []


def test_a_failed_resend_keeps_the_code_already_sent(client, settings, time_machine):
    assert ask_for_code(client).status_code == 200
    first_code = last_code_sent_to()
    time_machine.move_to(timezone.now() + timedelta(minutes=2))
    settings.SMS_BACKEND = "tests.leads.test_code_api.FailingBackend"
    assert ask_for_code(client).status_code == 503

    response = client.post("/consult/", lead_form(code=first_code), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert Lead.objects.filter(phone=PHONE).exists()


def test_a_successful_resend_makes_the_earlier_code_invalid(client, time_machine, monkeypatch):
    codes = iter([4217, 918273])  # two different codes (two random ones are equal once in a million)
    monkeypatch.setattr("leads.codes.secrets.randbelow", lambda n: next(codes))
    assert ask_for_code(client).status_code == 200
    first_code = last_code_sent_to()
    time_machine.move_to(timezone.now() + timedelta(minutes=2))
    assert ask_for_code(client).status_code == 200
    response = client.post("/consult/", lead_form(code=first_code), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    assert not Lead.objects.exists()
    assert PhoneVerification.objects.filter(used_at__isnull=True).count() == 1
