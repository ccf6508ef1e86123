"""SMS bombing through our form must be impossible: limits per number, per address and per day, in the DB."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from leads import sms
from tests.leads.helpers import PHONE, ask_for_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(
        timezone.now().replace(hour=2, minute=0, second=0, microsecond=0), tick=False
    )  # 10:00 in Shanghai
    return time_machine


def test_a_number_gets_at_most_five_codes_an_hour(client, clock):
    for _ in range(5):
        assert ask_for_code(client).status_code == 200
        clock.shift(timedelta(minutes=2))
    response = ask_for_code(client)
    assert response.status_code == 429
    # The first code left the one-hour window 60 minutes after it was sent: 50 minutes from now.
    assert response.json()["retry_after"] == 50 * 60
    assert "一小时内" in response.json()["error"]
    clock.shift(timedelta(minutes=50))
    assert ask_for_code(client).status_code == 200
    assert len(sms.outbox) == 6


def test_a_number_gets_at_most_ten_codes_a_day(client, clock):
    for _ in range(10):
        assert ask_for_code(client).status_code == 200
        clock.shift(timedelta(minutes=15))  # 4 an hour stays under the hourly limit
    response = ask_for_code(client)
    assert response.status_code == 429
    assert "今天" in response.json()["error"]
    assert response.json()["retry_after"] == int(timedelta(hours=24 - 2.5).total_seconds())


def test_the_limit_holds_across_browsers_and_addresses(client, clock):
    from django.test import Client

    assert ask_for_code(client, ip="198.51.100.1").status_code == 200
    response = ask_for_code(Client(), ip="198.51.100.2")
    assert response.status_code == 429


def test_one_address_gets_at_most_twenty_codes_a_day(client, clock):
    for number in range(20):
        assert ask_for_code(client, phone=f"139000000{number:02d}").status_code == 200
        clock.shift(timedelta(minutes=1))
    response = ask_for_code(client, phone="13700000000")
    assert response.status_code == 429
    assert "您的网络" in response.json()["error"]
    assert ask_for_code(client, phone="13700000000", ip="198.51.100.9").status_code == 200


def test_the_daily_budget_refuses_politely_and_warns_at_80_percent(client, clock, settings, caplog):
    settings.SMS_DAILY_BUDGET = 5
    caplog.set_level(logging.WARNING, logger="leads")
    for number in range(4):
        # Four networks: with a budget this small each network may have only one code a day, and the
        # fifth SMS is kept for a deletion request.
        assert (
            ask_for_code(client, phone=f"1390000000{number}", ip=f"198.51.{100 + number}.1").status_code
            == 200
        )
    warnings = [record for record in caplog.records if "80%" in record.getMessage()]
    assert len(warnings) == 1  # logged once, by the 4th of 5 sends
    response = ask_for_code(client, phone="13700000000", ip="198.51.100.50")
    assert response.status_code == 429
    assert response.json()["error"] == "今天的短信验证名额已用完，请明天再来，给您带来不便非常抱歉。"
    assert response.json()["retry_after"] == 14 * 3600  # until midnight in Shanghai
    assert any("exhausted for lead codes" in record.getMessage() for record in caplog.records)
    assert ask_for_code(client, phone="13700000000", ip="203.0.113.60", purpose="deletion").status_code == 200
    clock.shift(timedelta(hours=14))
    assert ask_for_code(client, phone="13700000000", ip="198.51.100.50").status_code == 200


def test_behind_the_proxy_each_visitor_is_counted_by_the_address_the_proxy_saw(client, clock, settings):
    settings.FORWARDED_ALLOW_IPS = ["10.0.0.1"]
    for number in range(20):
        response = client.post(
            "/consult/code/",
            {"phone": f"139000000{number:02d}", "captcha_0": "k", "captcha_1": "PASSED"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"1.2.3.4, 198.51.100.{number}",
            secure=True,
        )
        assert response.status_code == 200
    assert len(sms.outbox) == 20
    spoofed_first_hop = client.post(
        "/consult/code/",
        {"phone": PHONE, "captcha_0": "k", "captcha_1": "PASSED"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.77, 198.51.100.0",
        secure=True,
    )
    assert spoofed_first_hop.status_code == 200
