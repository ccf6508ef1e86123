"""Any saved or deleted rule data, from admin or anywhere else, makes every process reload the rules."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from calculator.models import Band, Indicator, IndicatorGroup, Option, RuleSet
from calculator.rulesets import rules_changed

RULE_MODELS = (RuleSet, IndicatorGroup, Indicator, Option, Band)


@receiver([post_save, post_delete])
def reload_rules_after_edit(sender, **kwargs):
    if sender in RULE_MODELS:
        rules_changed()
