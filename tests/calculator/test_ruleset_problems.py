"""ruleset_problems: what stops an edited ruleset from being published."""

import dataclasses

from calculator.engine import Band, Option, ruleset_problems


def edit(ruleset, indicator_key, /, **changes):
    return dataclasses.replace(
        ruleset,
        indicators=tuple(
            dataclasses.replace(i, **changes) if i.key == indicator_key else i for i in ruleset.indicators
        ),
    )


def test_default_ruleset_may_be_published(default_ruleset):
    assert ruleset_problems(default_ruleset) == []


def test_duplicate_keys(default_ruleset):
    ruleset = edit(default_ruleset, "fresh_graduate", key="shortage_major")
    assert "答案代码“shortage_major”重复出现，每个指标的代码必须唯一。" in ruleset_problems(ruleset)


def test_required_indicator_missing_or_switched_off(default_ruleset):
    ruleset = dataclasses.replace(
        default_ruleset, indicators=tuple(i for i in default_ruleset.indicators if i.key != "education")
    )
    assert "缺少必备指标“education”（或未启用）。" in ruleset_problems(ruleset)
    assert "缺少必备指标“age”（或未启用）。" in ruleset_problems(edit(default_ruleset, "age", active=False))


def test_points_out_of_sane_bounds(default_ruleset):
    problems = ruleset_problems(edit(default_ruleset, "fresh_graduate", points=1000))
    assert problems == ["“全日制应届高校毕业生”（fresh_graduate）的分值为 1000，须在 0 到 200 之间。"]
    assert ruleset_problems(edit(default_ruleset, "crime_count", points_per_unit=-5))


def test_negative_option_points(default_ruleset):
    indicator = default_ruleset.indicator("award")
    options = (*indicator.options, Option("city", "区级表彰", -10))
    assert ruleset_problems(edit(default_ruleset, "award", options=options))


def test_duplicate_option_codes(default_ruleset):
    indicator = default_ruleset.indicator("award")
    options = (*indicator.options, Option("none", "无", 0))
    assert "“在沪工作期间获得的表彰”（award）的选项代码“none”重复。" in ruleset_problems(
        edit(default_ruleset, "award", options=options)
    )


def test_age_bands_with_a_gap(default_ruleset):
    bands = tuple(b for b in default_ruleset.indicator("age").bands if b.low != 50)
    assert ruleset_problems(edit(default_ruleset, "age", bands=bands)) == ["“年龄”（age）的分档缺少 50–50。"]


def test_age_bands_overlapping(default_ruleset):
    bands = (*default_ruleset.indicator("age").bands, Band(40, 44, 30))
    assert "重叠" in ruleset_problems(edit(default_ruleset, "age", bands=bands))[0]


def test_age_bands_not_reaching_80(default_ruleset):
    bands = tuple(b for b in default_ruleset.indicator("age").bands if b.low != 61)
    assert ruleset_problems(edit(default_ruleset, "age", bands=bands)) == ["“年龄”（age）的分档缺少 61–80。"]


def test_option_requiring_a_missing_condition(default_ruleset):
    indicator = default_ruleset.indicator("award")
    options = (*indicator.options, Option("city", "区级表彰", 10, requires="nope"))
    assert ruleset_problems(edit(default_ruleset, "award", options=options)) == [
        "“在沪工作期间获得的表彰”（award）的选项“区级表彰”要求的前提条件“nope”不存在。"
    ]
