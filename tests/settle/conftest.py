import dataclasses
import importlib

import pytest

from settle.rules import build_rules

# The very literal the data migration installs, so these tests judge what ships.
SEEDED = importlib.import_module("settle.migrations.0002_seed_conditions").CONDITIONS


@pytest.fixture(scope="session")
def seeded_rules():
    return build_rules(SEEDED)


def with_condition(rules, key, **changes):
    """The rules with one condition changed, as an editor would change it."""
    return dataclasses.replace(
        rules,
        conditions=tuple(dataclasses.replace(c, **changes) if c.key == key else c for c in rules.conditions),
    )
