"""Saving or deleting a row of editor data moves exactly the stamps of what is built from it
(permitsite/stamps.py), so every process reloads that and nothing else."""

import datetime

import pytest

from calculator.models import (
    Band,
    Indicator,
    IndicatorGroup,
    Option,
    PlanIndicator,
    PlanOption,
    RuleSet,
    WagePeriod,
)
from calculator.plan_facts import PLAN_FACTS
from calculator.rulesets import RULES
from calculator.wages import WAGES
from permitsite import stamps
from renewal.models import GUIDES, HOLIDAYS, HolidayOverride, HolidayYear
from schooling.facts import SCHOOL_FACTS
from schooling.models import PointsProcessingTime, RegistrationWindow, RouteWithoutPoints, SchoolSystem
from settle.conditions import CONDITIONS
from settle.models import SettleCondition

pytestmark = pytest.mark.django_db

TOPICS = (RULES, WAGES, PLAN_FACTS, SCHOOL_FACTS, HOLIDAYS, CONDITIONS, GUIDES)
MOVES = {
    RuleSet: {RULES},
    IndicatorGroup: {RULES},
    Indicator: {RULES},
    Option: {RULES},
    Band: {RULES},
    WagePeriod: {WAGES},
    PlanIndicator: {PLAN_FACTS},
    PlanOption: {PLAN_FACTS},
    SchoolSystem: {SCHOOL_FACTS},
    PointsProcessingTime: {SCHOOL_FACTS},
    RegistrationWindow: {SCHOOL_FACTS},
    RouteWithoutPoints: {SCHOOL_FACTS},
    HolidayOverride: {HOLIDAYS, SCHOOL_FACTS},
    HolidayYear: {HOLIDAYS, SCHOOL_FACTS},
    SettleCondition: {CONDITIONS},
}
NOT_SEEDED = {
    HolidayOverride: lambda: HolidayOverride(date=datetime.date(2029, 12, 3), kind="holiday"),
    HolidayYear: lambda: HolidayYear(year=2029),
}


def moved_by(change, capture):
    before = {topic: stamps.current(topic) for topic in TOPICS}
    with capture(execute=True):
        change()
    return {topic for topic in TOPICS if stamps.current(topic) != before[topic]}


@pytest.mark.parametrize("model", MOVES, ids=lambda model: model.__name__)
def test_a_save_and_a_delete_move_the_stamps_of_what_uses_the_row(model, django_capture_on_commit_callbacks):
    row = NOT_SEEDED[model]() if model in NOT_SEEDED else model.objects.order_by("pk").first()

    assert moved_by(row.save, django_capture_on_commit_callbacks) == MOVES[model]
    assert moved_by(row.delete, django_capture_on_commit_callbacks) == MOVES[model]
