"""Any saved or deleted rule data or wage figure, from admin or anywhere else, makes every process
reload it."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from calculator.models import Band, Indicator, IndicatorGroup, Option, RuleSet, WagePeriod
from calculator.rulesets import rules_changed
from calculator.wages import wages_changed

RULE_MODELS = (RuleSet, IndicatorGroup, Indicator, Option, Band)


@receiver([post_save, post_delete])
def reload_rules_after_edit(sender, **kwargs):
    if sender in RULE_MODELS:
        rules_changed()
    elif sender is WagePeriod:
        wages_changed()
