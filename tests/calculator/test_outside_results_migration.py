"""Calculator migration 0010: results saved before the engine knew "outside the system" stop counting as 达标
when their answers fall in a band that scores nothing and carries a notice (over 60); others are untouched."""

import importlib

import pytest
from django.apps import apps

from calculator.models import Assessment

pytestmark = pytest.mark.django_db

migration = importlib.import_module("calculator.migrations.0010_outside_the_system_not_reached")


def saved_before(age, total):
    """A result as it was stored before 0010: 达标 on its total alone, no `outside`."""
    return Assessment.objects.create(
        answers={"age": age, "education": "doctor"},
        result={"total": total, "threshold": 120, "gap": 0, "eligible": True, "reaches_threshold": True},
        ruleset_version="2023-01",
        total=total,
        reaches_threshold=True,
    )


def test_a_stored_over_60_pass_is_no_longer_counted_as_reached():
    old, younger = saved_before(62, 140), saved_before(60, 145)

    migration.mark_outside_results(apps, None)

    old.refresh_from_db()
    assert old.reaches_threshold is False
    assert old.result["reaches_threshold"] is False and old.result["outside"] == "「年龄」62 周岁"
    assert old.result["total"] == 140  # the score itself is kept
    younger.refresh_from_db()
    assert younger.reaches_threshold is True and "outside" not in younger.result


def test_a_result_under_another_ruleset_version_is_judged_by_its_own_bands():
    other = saved_before(62, 140)
    Assessment.objects.filter(pk=other.pk).update(ruleset_version="no-such-version")

    migration.mark_outside_results(apps, None)

    assert Assessment.objects.get(pk=other.pk).reaches_threshold is True
