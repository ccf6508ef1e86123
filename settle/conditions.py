"""The one bridge from the condition rows to settle/rules.py, cached per process behind a version stamp."""

from permitsite import stamps
from settle.models import SettleCondition
from settle.rules import SettleRules

CONDITIONS = "settle-conditions"


def _load() -> SettleRules:
    return SettleRules(tuple(row.as_condition() for row in SettleCondition.objects.all()))


_rules = stamps.Stamped(CONDITIONS, _load)


def settle_rules() -> SettleRules:
    """Every condition as editors left it (switched-off ones included, marked inactive)."""
    return _rules.get()
