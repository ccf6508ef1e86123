"""Guide views reach the database in batches: none is lost between threads, a batch the database refuses
waits for the next, and whatever a process still holds is less than one batch."""

import threading

import pytest
from django.db import connection

from renewal.models import Article
from renewal.view_counts import ViewCounter
from tests.conftest import database_unreachable


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def guide(db):
    return Article.objects.create(
        slug="counted", title="计数", category="faq", summary="s", body="b", is_published=True
    )


def stored_views(guide):
    guide.refresh_from_db()
    return guide.view_count


def test_views_are_written_once_a_batch_has_gathered(guide, django_assert_num_queries):
    counter = ViewCounter(batch_views=5, batch_seconds=60, clock=Clock())

    with django_assert_num_queries(0):
        for _ in range(4):
            counter.count("counted")
    assert stored_views(guide) == 0

    counter.count("counted")

    assert stored_views(guide) == 5
    assert counter.pending() == 0


def test_a_quiet_guide_is_written_once_its_first_view_is_old_enough(guide):
    clock = Clock()
    counter = ViewCounter(batch_views=100, batch_seconds=60, clock=clock)
    counter.count("counted")

    clock.now += 59
    counter.count("counted")
    assert stored_views(guide) == 0

    clock.now += 1
    counter.count("counted")
    assert stored_views(guide) == 3


def test_views_of_several_guides_are_written_together(guide):
    other = Article.objects.create(slug="other", title="另一篇", category="faq", summary="s", body="b")
    counter = ViewCounter(batch_views=3, clock=Clock())

    for slug in ("counted", "other", "counted"):
        counter.count(slug)

    assert stored_views(guide) == 2
    assert stored_views(other) == 1


def test_at_most_one_batch_is_ever_held_in_memory(guide):
    counter = ViewCounter(batch_views=10, clock=Clock())

    for _ in range(25):
        counter.count("counted")

    # A process killed now loses these five views and no more.
    assert stored_views(guide) == 20
    assert counter.pending() == 5


def test_a_batch_the_database_refuses_is_kept_for_the_next(guide, django_db_blocker):
    counter = ViewCounter(batch_views=2, clock=Clock())
    with database_unreachable(django_db_blocker):
        counter.count("counted")
        counter.count("counted")  # the write fails: the two views stay in memory
    assert counter.pending() == 2

    counter.count("counted")
    counter.count("counted")

    assert stored_views(guide) == 4
    assert counter.pending() == 0


@pytest.mark.django_db(transaction=True)
def test_no_view_is_lost_between_threads_writing_at_the_same_time():
    guide = Article.objects.create(slug="busy", title="热门", category="faq", summary="s", body="b")
    counter = ViewCounter(batch_views=7)
    start = threading.Barrier(8)

    def reader():
        start.wait()
        try:
            for _ in range(50):
                counter.count("busy")
        finally:
            connection.close()

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counter.flush()

    assert stored_views(guide) == 8 * 50


def test_while_the_database_is_down_the_views_held_are_bounded(guide, django_db_blocker, caplog):
    counter = ViewCounter(batch_views=2, max_held=5, clock=Clock())
    with database_unreachable(django_db_blocker):
        for _ in range(40):
            counter.count("counted")
        # Every write failed; the counter holds at most 5 views and says how many it dropped.
        assert counter.pending() == 5
        assert counter.dropped == 35
    assert "guide views dropped while the database is unwritable" in caplog.text

    counter.count("counted")  # the database is back: the next batch writes what was held
    counter.flush()
    assert stored_views(guide) == 5
    assert counter.pending() == 0


def test_a_failed_write_never_pushes_the_held_views_past_the_bound(guide, django_db_blocker):
    counter = ViewCounter(batch_views=3, max_held=4, clock=Clock())
    with database_unreachable(django_db_blocker):
        for slug in ("counted", "a", "b", "c", "d", "e", "f"):
            counter.count(slug)
        assert counter.pending() <= 4
