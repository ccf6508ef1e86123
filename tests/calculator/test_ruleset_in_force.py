"""Which ruleset scores a date, and that every rule edit reaches the next lookup."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from calculator.models import Indicator, RuleSet, copy_as_draft
from calculator.rulesets import RULES, ruleset_in_force
from permitsite import stamps

pytestmark = pytest.mark.django_db


def test_the_default_ruleset_is_in_force_from_2023():
    assert ruleset_in_force(datetime.date(2023, 1, 1)).version == "2023-01"
    assert ruleset_in_force(datetime.date(2022, 12, 31)) is None


def test_the_latest_published_ruleset_not_after_the_date_wins(publish_copy):
    publish_copy(datetime.date(2025, 7, 1), version="2025-07")
    assert ruleset_in_force(datetime.date(2025, 6, 30)).version == "2023-01"
    assert ruleset_in_force(datetime.date(2025, 7, 1)).version == "2025-07"


def test_a_draft_is_never_in_force(edit_rules):
    def make_draft():
        draft = copy_as_draft(RuleSet.objects.get(version="2023-01"))
        draft.effective_from = datetime.date(2024, 1, 1)
        draft.save()

    edit_rules(make_draft)
    assert ruleset_in_force(datetime.date(2030, 1, 1)).version == "2023-01"


def test_a_future_dated_ruleset_waits_for_its_date(publish_copy):
    future = datetime.date.today() + datetime.timedelta(days=30)
    publish_copy(future, version="future")
    assert ruleset_in_force().version == "2023-01"
    assert ruleset_in_force(future).version == "future"


def test_an_edit_is_seen_by_the_next_lookup(edit_rules):
    assert ruleset_in_force().indicator("fresh_graduate").points == 10
    indicator = Indicator.objects.get(key="fresh_graduate")
    indicator.points = 12
    edit_rules(indicator.save)
    assert ruleset_in_force().indicator("fresh_graduate").points == 12


def test_lookups_are_served_from_memory_once_loaded(django_assert_num_queries):
    ruleset_in_force()
    with django_assert_num_queries(0):
        assert ruleset_in_force().version == "2023-01"


def test_a_new_stamp_in_the_shared_cache_makes_this_process_reload():
    ruleset_in_force()
    indicator = Indicator.objects.get(key="fresh_graduate")
    indicator.points = 15
    indicator.save()  # not committed: the stamp is unchanged, so this process keeps its copy
    assert ruleset_in_force().indicator("fresh_graduate").points == 10
    # What a save in another worker or on another host leaves behind: only the shared stamp changes.
    cache.set(stamps.cache_key(RULES), "changed elsewhere")
    with CaptureQueriesContext(connection) as queries:
        assert ruleset_in_force().indicator("fresh_graduate").points == 15
    assert len(queries) > 0
