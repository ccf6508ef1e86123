"""Any saved or deleted rule data, wage figure or route-finder data, from admin or anywhere else, makes
every process reload it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

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
from calculator.rulesets import rules_changed
from calculator.wages import wages_changed
from permitsite import stamps

RULE_MODELS = (RuleSet, IndicatorGroup, Indicator, Option, Band)
PLAN_MODELS = (PlanIndicator, PlanOption)


@receiver([post_save, post_delete])
def reload_rules_after_edit(sender, **kwargs):
    if sender in RULE_MODELS:
        rules_changed()
    elif sender is WagePeriod:
        wages_changed()
    elif sender in PLAN_MODELS:
        stamps.changed(PLAN_FACTS)
