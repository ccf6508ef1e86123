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
from calculator.rulesets import RULES
from calculator.wages import WAGES
from permitsite import stamps

SAVED_OR_DELETED = [post_save, post_delete]


@receiver(SAVED_OR_DELETED, sender=RuleSet)
@receiver(SAVED_OR_DELETED, sender=IndicatorGroup)
@receiver(SAVED_OR_DELETED, sender=Indicator)
@receiver(SAVED_OR_DELETED, sender=Option)
@receiver(SAVED_OR_DELETED, sender=Band)
def reload_rules(sender, **kwargs):
    stamps.changed(RULES)


@receiver(SAVED_OR_DELETED, sender=WagePeriod)
def reload_wages(sender, **kwargs):
    stamps.changed(WAGES)


@receiver(SAVED_OR_DELETED, sender=PlanIndicator)
@receiver(SAVED_OR_DELETED, sender=PlanOption)
def reload_plan_facts(sender, **kwargs):
    stamps.changed(PLAN_FACTS)
