import importlib

import pytest

from calculator.engine import build_ruleset

# The very literal the data migration installs, so engine tests score what ships.
DEFAULT_RULESET = importlib.import_module("calculator.migrations.0002_default_ruleset").DEFAULT_RULESET


@pytest.fixture(scope="session")
def default_ruleset():
    return build_ruleset(DEFAULT_RULESET)
