import dataclasses
import datetime
import importlib

import pytest

from permitsite.facts import Source
from settle.rules import Condition, SettleRules

# The very literal the data migration installs, so these tests judge what ships.
SEEDED = importlib.import_module("settle.migrations.0002_seed_conditions").CONDITIONS


@pytest.fixture(scope="session")
def seeded_rules():
    return SettleRules(
        tuple(
            Condition(
                key=row["key"],
                label=row["label"],
                explanation=row["explanation"],
                source=Source(row["source"], "", _date(row["verified_on"])),
                years=row["years"],
            )
            for row in SEEDED
        )
    )


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def with_condition(rules, key, **changes):
    """The rules with one condition changed, as an editor would change it."""
    return dataclasses.replace(
        rules,
        conditions=tuple(dataclasses.replace(c, **changes) if c.key == key else c for c in rules.conditions),
    )
