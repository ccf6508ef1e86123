"""Properties of the route finder that hold for every profile, checked with hypothesis against the engine."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import planner
from calculator.engine import (
    BANDED,
    BOOLEAN_KINDS,
    NUMERIC_KINDS,
    Answers,
    build_ruleset,
    parse_answers,
    score,
    years_beyond_age,
)
from tests.calculator.conftest import DEFAULT_RULESET, PLAN_FACTS, facts_from

RULESET = build_ruleset(DEFAULT_RULESET)
FACTS = facts_from(PLAN_FACTS)
NEVER_ROUTES = {key for key, fact in FACTS.indicators.items() if fact.route == planner.IF_OBTAINED}


def value_for(indicator):
    if indicator.kind in BOOLEAN_KINDS:
        return st.booleans()
    if indicator.kind in NUMERIC_KINDS:
        # Real answers are mostly small (counts 0–2, years under 20); reach the ends now and then.
        top = indicator.max_value if indicator.kind == BANDED else min(indicator.max_value, 25)
        small = st.integers(indicator.min_value, min(top, 3)) if indicator.kind != BANDED else st.nothing()
        return small | st.integers(indicator.min_value, top) | st.just(indicator.max_value)
    return st.sampled_from([o.code for o in indicator.options])


@st.composite
def answers(draw):
    values = {"age": draw(st.integers(16, 70))}
    for indicator in RULESET.active_indicators:
        if indicator.key != "age" and draw(st.booleans()):
            values[indicator.key] = draw(value_for(indicator))
    # Only answers the engine accepts: no more years of insurance or service than the age holds.
    for key, most in years_beyond_age(RULESET, values).items():
        values[key] = most
    return values


@settings(max_examples=150, deadline=None)
@given(answers(), st.dates(datetime.date(2024, 1, 1), datetime.date(2030, 12, 31)))
def test_every_route_is_what_the_engine_says_and_the_order_holds(values, today):
    result = planner.plan(RULESET, Answers(values), today, FACTS)
    now = score(RULESET, Answers(values))
    for route in result.routes:
        changed = {**values, **route.changes}
        parse_answers(RULESET, changed)  # the changed answers are valid answers to /api/v1/score
        after = score(RULESET, Answers(changed))
        assert route.gain > 0
        assert after.total == now.total + route.gain == route.total
        assert route.reaches == after.reaches_threshold
        assert not NEVER_ROUTES & set(route.changes)
        assert route.changes.get("age", values["age"]) <= 60
        assert (route.months is None) == (route.reached_on is None)
    keys = [planner.order_key(r) for r in result.routes]
    assert keys == sorted(keys)
    if any(r.reaches for r in result.routes):
        assert all(r.reaches for r in result.routes)


@settings(max_examples=80, deadline=None)
@given(answers())
def test_no_route_for_a_veto_over_sixty_or_a_pass(values):
    result = planner.plan(RULESET, Answers(values), datetime.date(2026, 12, 2), FACTS)
    now = result.result
    if not now.eligible or values["age"] > 60 or now.reaches_threshold:
        assert result.routes == ()
        assert result.hints == ()
    if not now.eligible or values["age"] > 60:
        assert len(result.notices) == 1
