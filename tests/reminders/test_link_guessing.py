"""Reminder links are 8 characters: an address that keeps opening links that do not exist is guessing, and
is stopped for the hour, while a person who mistypes once still gets the usual answer."""

import datetime
import zoneinfo

import pytest

from reminders import services
from reminders.samples import example_link_path

pytestmark = pytest.mark.django_db

GUESSER = "198.51.100.7"


def test_an_address_guessing_links_is_refused_for_the_hour_and_others_are_not(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 3, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai")))
    real = example_link_path()
    alphabet = services.TOKEN_ALPHABET
    for n in range(services.LINK_MISSES_PER_HOUR):
        guess = "Guess" + alphabet[n % 50] + alphabet[n // 50] + "z"
        assert client.get(f"/r/{guess}", REMOTE_ADDR=GUESSER).status_code == 404
    refused = client.get(real, REMOTE_ADDR=GUESSER)
    assert refused.status_code == 429
    assert "打开的无效链接太多" in refused.content.decode()
    assert client.get(real, REMOTE_ADDR="203.0.113.9").status_code == 200
    time_machine.shift(40 * 60)
    assert client.get(real, REMOTE_ADDR=GUESSER).status_code == 429  # still this hour
    time_machine.shift(21 * 60)
    assert client.get(real, REMOTE_ADDR=GUESSER).status_code == 200


def test_a_mistyped_link_says_the_link_is_gone(client):
    response = client.get("/r/typoABCD", REMOTE_ADDR=GUESSER)
    assert response.status_code == 404
    assert "这个提醒链接已失效" in response.content.decode()
