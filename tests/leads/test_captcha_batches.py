"""CAPTCHA challenges are written a batch at a time (leads/captchas.py), and still each visitor's own."""

import datetime
import re
import threading

import pytest
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from leads import captchas


class Batches:
    """A stand-in for the INSERT: numbered keys, and the size of every batch asked for."""

    def __init__(self):
        self.sizes = []
        self.made = 0

    def __call__(self, count):
        self.sizes.append(count)
        keys = [f"key-{self.made + n}" for n in range(count)]
        self.made += count
        return keys


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_a_busy_process_writes_ever_larger_batches_and_never_gives_a_key_twice():
    batches, clock = Batches(), Clock()
    reserve = captchas.Reserve(create=batches, clock=clock)
    keys = []
    for _ in range(100):
        keys.append(reserve.take())
        clock.now += 0.1
    assert len(set(keys)) == 100
    assert batches.sizes == [1, 2, 4, 8, 16, 32, 32, 32]


def test_keys_that_waited_too_long_are_not_given_out_and_the_next_batch_is_smaller():
    batches, clock = Batches(), Clock()
    reserve = captchas.Reserve(create=batches, clock=clock)
    for _ in range(1 + 2 + 4):
        reserve.take()
    assert reserve.take() == "key-7"  # the first of a batch of 8
    clock.now += captchas.WAIT_SECONDS + 1
    assert reserve.take() == "key-15"  # key-8 … key-14 went stale
    assert batches.sizes == [1, 2, 4, 8, 4]


def test_a_quiet_process_writes_one_challenge_per_visitor():
    batches, clock = Batches(), Clock()
    reserve = captchas.Reserve(create=batches, clock=clock)
    for _ in range(5):
        reserve.take()
        clock.now += captchas.WAIT_SECONDS + 1
    assert batches.sizes == [1, 1, 1, 1, 1]


def test_threads_taking_keys_together_each_get_their_own():
    reserve = captchas.Reserve(create=Batches())
    taken, start = [], threading.Barrier(8)

    def visitor():
        start.wait()
        taken.extend(reserve.take() for _ in range(200))

    threads = [threading.Thread(target=visitor) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(taken) == len(set(taken)) == 1600


def page_key(client):
    content = client.get("/consult/").content.decode()
    return re.search(r'name="captcha_0" value="([0-9a-f]{40})"', content).group(1)


@pytest.mark.django_db(transaction=True)
def test_consultation_pages_get_their_own_challenges_from_fewer_writes(client):
    page_key(client)  # the page is kept from here on; only the challenge is new per visitor
    with CaptureQueriesContext(connection) as queries:
        keys = [page_key(client) for _ in range(20)]
    written = 'INSERT INTO "captcha_captchastore"'
    inserts = [query for query in queries.captured_queries if query["sql"].startswith(written)]
    assert len(set(keys)) == 20
    assert 1 <= len(inserts) <= 5  # 2 + 4 + 8 + 16 cover 20 pages after the first
    stored = CaptchaStore.objects.filter(hashkey__in=keys)
    assert stored.count() == 20
    full_time = datetime.timedelta(minutes=int(captcha_settings.CAPTCHA_TIMEOUT))
    assert all(row.expiration >= timezone.now() + full_time for row in stored)
    assert all(row.response == row.response.lower() for row in stored)


@pytest.mark.django_db(transaction=True)
def test_a_challenge_from_a_batch_is_solved_once(client, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    keys = [page_key(client) for _ in range(3)]
    answer = CaptchaStore.objects.get(hashkey=keys[1]).response
    fields = {"phone": "13912345678", "captcha_0": keys[1], "captcha_1": answer.upper()}
    assert client.post("/consult/code/", fields).status_code == 200
    assert client.post("/consult/code/", fields | {"phone": "13912345679"}).status_code == 400
    assert CaptchaStore.objects.filter(hashkey__in=[keys[0], keys[2]]).count() == 2  # the others stay


@pytest.mark.django_db
def test_inside_a_transaction_a_challenge_is_written_for_that_request_alone():
    first, second = captchas.fresh_key(), captchas.fresh_key()
    assert first != second
    assert CaptchaStore.objects.filter(hashkey__in=[first, second]).count() == 2
    assert not captchas.reserve._keys  # nothing kept that a rollback could take away
