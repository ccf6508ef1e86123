"""Guide views, counted in memory and added to the database in batches: reading a guide writes nothing.

Each process counts views per guide and adds them to `Article.view_count` in one transaction of
`UPDATE … SET view_count = view_count + n` once BATCH_VIEWS views have gathered or the first of them is
BATCH_SECONDS old, and when gunicorn stops the worker (gunicorn.conf.py). The database does the adding, so
the counts of every worker on every host add up, on SQLite and PostgreSQL, with or without Redis. A process
that dies without stopping loses what it holds: at most one batch. A batch that cannot be written (the
database unreachable) stays in memory for the next one. docs/decisions.md ("Guide view counts").
"""

import logging
import threading
import time
from collections import Counter

from django.db import DatabaseError, transaction
from django.db.models import F

from renewal.models import Article

logger = logging.getLogger(__name__)

BATCH_VIEWS = 100
BATCH_SECONDS = 60


class ViewCounter:
    def __init__(self, *, batch_views=BATCH_VIEWS, batch_seconds=BATCH_SECONDS, clock=time.monotonic):
        self.batch_views = batch_views
        self.batch_seconds = batch_seconds
        self._clock = clock
        self._lock = threading.Lock()  # gunicorn's threads share the process's counts
        self._pending: Counter[str] = Counter()
        self._gathered = 0  # views since the last write
        self._first_at: float | None = None  # when the first of them came

    def count(self, slug: str) -> None:
        """One reader of the guide at `slug`; writes the batch when it is due."""
        with self._lock:
            self._pending[slug] += 1
            self._gathered += 1
            now = self._clock()
            if self._first_at is None:
                self._first_at = now
            due = self._gathered >= self.batch_views or now - self._first_at >= self.batch_seconds
        if due:
            self.flush()

    def pending(self) -> int:
        with self._lock:
            return self._pending.total()

    def flush(self) -> None:
        """Add every count held here to the database."""
        with self._lock:
            batch, self._pending = self._pending, Counter()
            self._gathered, self._first_at = 0, None
        if not batch:
            return
        try:
            with transaction.atomic():  # all or nothing, so a failed batch can be kept without counting twice
                for slug, views in sorted(batch.items()):
                    Article.objects.filter(slug=slug).update(view_count=F("view_count") + views)
        except DatabaseError as error:
            logger.warning("guide views kept for the next batch: %s", type(error).__name__)
            with self._lock:
                self._pending.update(batch)


guide_views = ViewCounter()
