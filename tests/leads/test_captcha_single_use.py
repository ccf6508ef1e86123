"""A solved image CAPTCHA is worth exactly one SMS, even when many requests race with it.

Runs with the real check (not the package's test mode), on SQLite and, in .ci/run's second pass, on
PostgreSQL; tests/ops/test_consultation_races.py races it across two servers.
"""

import threading

import pytest
from captcha.models import CaptchaStore
from django.db import connections
from django.test import Client

from leads import sms
from leads.models import SmsSend

RACERS = 20


@pytest.fixture(autouse=True)
def real_captcha_check(monkeypatch):
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)


def solved_captcha():
    store = CaptchaStore.objects.get(hashkey=CaptchaStore.generate_key())
    return store.hashkey, store.response


def ask(client, key, answer, phone, ip="203.0.113.7"):
    fields = {"phone": phone, "captcha_0": key, "captcha_1": answer}
    return client.post("/consult/code/", fields, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_a_solved_captcha_sends_one_code_and_is_then_spent(client):
    key, answer = solved_captcha()
    assert ask(client, key, answer.upper(), "13912345678").status_code == 200  # letters in any case
    again = ask(client, key, answer, "13912345679")
    assert again.status_code == 400
    assert again.json()["errors"]["captcha"] == ["图片验证码不正确或已过期，请看新图片重新输入。"]
    assert len(sms.outbox) == 1


@pytest.mark.django_db
def test_a_wrong_answer_spends_the_challenge(client):
    key, answer = solved_captcha()
    assert ask(client, key, "wrong", "13912345678").status_code == 400
    assert ask(client, key, answer, "13912345678").status_code == 400
    assert sms.outbox == []


@pytest.mark.django_db(transaction=True)
def test_twenty_requests_racing_with_one_solved_captcha_send_one_sms(settings):
    settings.SMS_DAILY_BUDGET = 1000
    key, answer = solved_captcha()
    start_together = threading.Barrier(RACERS)
    statuses = []

    def race(index):
        try:
            start_together.wait(timeout=30)
            statuses.append(
                ask(Client(), key, answer, f"1390000{index:04d}", ip=f"198.51.{index}.1").status_code
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=race, args=(index,)) for index in range(RACERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(statuses) == [200] + [400] * (RACERS - 1)
    assert SmsSend.objects.count() == 1
    assert len(sms.outbox) == 1
