"""Properties of scoring that hold for every profile, checked with hypothesis."""

from hypothesis import given
from hypothesis import strategies as st

from calculator.engine import (
    BANDED,
    BOOLEAN_KINDS,
    NUMERIC_KINDS,
    Answers,
    InvalidAnswers,
    build_ruleset,
    parse_answers,
    score,
)
from tests.calculator.conftest import DEFAULT_RULESET

RULESET = build_ruleset(DEFAULT_RULESET)
DEDUCTION_KEYS = [i.key for i in RULESET.active_indicators if i.category == "deduction"]


def value_for(indicator):
    if indicator.kind in BOOLEAN_KINDS:
        return st.booleans()
    if indicator.kind in NUMERIC_KINDS:
        # Most real answers are small; also reach the top of the range now and then.
        top = indicator.max_value if indicator.kind == BANDED else min(indicator.max_value, 200)
        return st.integers(indicator.min_value, top) | st.just(indicator.max_value)
    codes = [o.code for o in indicator.options]
    return st.sampled_from(codes) | st.lists(st.sampled_from(codes), max_size=3).map(tuple)


@st.composite
def answers(draw):
    values = {"age": draw(value_for(RULESET.indicator("age")))}
    for indicator in RULESET.active_indicators:
        if indicator.key != "age" and draw(st.booleans()):
            values[indicator.key] = draw(value_for(indicator))
    return Answers(values)


@given(answers())
def test_total_is_never_negative(profile):
    assert score(RULESET, profile).total >= 0


@given(answers())
def test_items_sum_to_the_total_before_the_floor(profile):
    result = score(RULESET, profile)
    assert sum(i.points for i in result.items) == result.subtotal
    assert result.total == max(0, result.subtotal)
    assert result.gap == max(0, 120 - result.total)


@given(answers(), st.integers(1, 60))
def test_more_social_insurance_years_never_lower_the_total(profile, extra):
    years = profile.get("social_insurance_years", 0)
    more = profile.replace(social_insurance_years=min(60, years + extra))
    assert score(RULESET, more).total >= score(RULESET, profile).total


@given(answers(), st.sampled_from(DEDUCTION_KEYS))
def test_adding_a_deduction_never_raises_the_total(profile, key):
    more = profile.replace(**{key: min(20, profile.get(key, 0) + 1)})
    assert score(RULESET, more).total <= score(RULESET, profile).total


@given(answers())
def test_reaching_the_threshold_needs_eligibility_an_age_covered_and_enough_points(profile):
    result = score(RULESET, profile)
    covered = profile.get("age") <= 60
    assert bool(result.outside) == (not covered)
    assert result.reaches_threshold == (not result.vetoes and covered and result.total >= 120)


@given(answers())
def test_only_the_higher_of_education_and_title_counts(profile):
    result = score(RULESET, profile)
    counted = [result.item("education").points, result.item("title_skill").points]
    assert min(counted) == 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=5,
)


@given(
    st.dictionaries(st.sampled_from([i.key for i in RULESET.indicators] + ["x"]), json_values) | json_values
)
def test_any_json_is_either_scored_or_rejected_with_messages(data):
    try:
        parsed = parse_answers(RULESET, data)
    except InvalidAnswers as invalid:
        assert invalid.errors
        assert all(isinstance(m, str) and m for ms in invalid.errors.values() for m in ms)
    else:
        assert score(RULESET, parsed).total >= 0
