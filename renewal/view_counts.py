"""Guide views, counted in memory and added to the database in batches: reading a guide writes nothing.

Each process counts views per guide and adds them to `Article.view_count` in one transaction of
`UPDATE … SET view_count = view_count + n` once BATCH_VIEWS views have gathered or the first of them is
BATCH_SECONDS old, and when gunicorn stops the worker (gunicorn.conf.py). The database does the adding, so
the counts of every worker on every host add up, on SQLite and PostgreSQL, with or without Redis. A process
that dies without stopping loses what it holds: at most one batch. A batch that cannot be written (the
database unreachable) stays in memory for the next one, up to MAX_HELD_VIEWS views in all: beyond that, views
are dropped (and logged), so a long outage cannot grow a worker's memory.
docs/decisions.md ("Guide view counts").
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
# While the database cannot be written, batches are held; never more than this many views (and so guides),
# so an outage of any length cannot make a worker's memory grow. Views beyond it are dropped and logged:
# a view count is worth less than a worker that stays up.
MAX_HELD_VIEWS = 10 * BATCH_VIEWS


class ViewCounter:
    def __init__(
        self,
        *,
        batch_views=BATCH_VIEWS,
        batch_seconds=BATCH_SECONDS,
        max_held=MAX_HELD_VIEWS,
        clock=time.monotonic,
    ):
        self.batch_views = batch_views
        self.batch_seconds = batch_seconds
        self.max_held = max_held
        self._clock = clock
        self._lock = threading.Lock()  # gunicorn's threads share the process's counts
        self._pending: Counter[str] = Counter()
        self._held = 0  # the views in _pending (its total, kept so a count never sums the Counter)
        self._gathered = 0  # views since the last write
        self._first_at: float | None = None  # when the first of them came
        self.dropped = 0  # views not counted because max_held were already held

    def count(self, slug: str) -> None:
        """One reader of the guide at `slug`; writes the batch when it is due."""
        with self._lock:
            if self._held < self.max_held:
                self._pending[slug] += 1
                self._held += 1
            else:
                self.dropped += 1
                if self.dropped == 1 or self.dropped % self.batch_views == 0:
                    logger.warning("guide views dropped while the database is unwritable: %d", self.dropped)
            self._gathered += 1
            now = self._clock()
            if self._first_at is None:
                self._first_at = now
            due = self._gathered >= self.batch_views or now - self._first_at >= self.batch_seconds
        if due:
            self.flush()

    def pending(self) -> int:
        with self._lock:
            return self._held

    def flush(self) -> None:
        """Add every count held here to the database."""
        with self._lock:
            batch, self._pending, self._held = self._pending, Counter(), 0
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
                # Views other threads counted meanwhile are in _pending already: together at most twice
                # max_held, and new views are dropped until a write succeeds.
                self._pending.update(batch)
                self._held += batch.total()


guide_views = ViewCounter()
