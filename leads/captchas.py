"""Fresh image-CAPTCHA challenges for the pages that ask for an SMS code, written a batch at a time.

Every visitor gets a challenge of their own (a solved or failed one is spent, leads/forms.py), stored as a
row of django-simple-captcha's CaptchaStore. One INSERT per page view was the largest cost of those pages
(docs/benchmarks.md), so each process writes challenges in batches, one statement each, and hands every key
out once. A key waits in its batch at most WAIT_SECONDS and is written to expire CAPTCHA_TIMEOUT after the
wait would end, so a visitor always has the package's full time to answer. The batch follows demand: it
doubles when one runs out within the wait and halves when keys went stale unused. Stale keys are rows like
any expired challenge: leads.services.purge deletes them.

Only a committed batch is kept: inside a transaction (which could still roll back) a key is made for this
request alone.
"""

import collections
import datetime
import secrets
import threading
import time

from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.db import connection
from django.utils import timezone

WAIT_SECONDS = 30
LARGEST_BATCH = 32


def create(count: int) -> list[str]:
    """`count` new challenges in one INSERT; their keys. What CaptchaStore.save does for one, for many."""
    expiration = timezone.now() + datetime.timedelta(
        minutes=int(captcha_settings.CAPTCHA_TIMEOUT), seconds=WAIT_SECONDS
    )
    rows = []
    for _ in range(count):
        challenge, response = captcha_settings.get_challenge()()
        rows.append(
            CaptchaStore(
                challenge=challenge,
                response=response.lower(),
                hashkey=secrets.token_hex(20),  # 40 hex digits, as the package's own keys
                expiration=expiration,
            )
        )
    CaptchaStore.objects.bulk_create(rows)
    return [row.hashkey for row in rows]


class Reserve:
    def __init__(self, *, create=create, clock=time.monotonic):
        self._create = create
        self._clock = clock
        self._lock = threading.Lock()  # gunicorn's threads share the process's keys
        self._keys: collections.deque[str] = collections.deque()
        self._batch = 1
        self._made_at = -float("inf")

    def take(self) -> str:
        """A challenge nobody else has been given."""
        if connection.in_atomic_block:
            return self._create(1)[0]
        with self._lock:
            now = self._clock()
            recent = now - self._made_at <= WAIT_SECONDS
            if self._keys and not recent:
                self._keys.clear()
                self._batch = max(self._batch // 2, 1)
            if not self._keys:
                if recent:
                    self._batch = min(self._batch * 2, LARGEST_BATCH)
                self._keys.extend(self._create(self._batch))
                self._made_at = now
            return self._keys.popleft()


reserve = Reserve()


def fresh_key() -> str:
    return reserve.take()
