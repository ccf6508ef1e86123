"""What an editor reviews before publishing: golden cases, stale review dates, value-by-value differences."""

import dataclasses
import datetime
import importlib

import pytest

from calculator import engine
from calculator.review import (
    ADDED,
    REMOVED,
    Difference,
    GoldenCase,
    differences,
    golden_differences,
    review_cutoff,
    unverified_values,
)

D = datetime.date
SHIPPED_CASES = importlib.import_module("calculator.migrations.0005_dates_wages_golden_cases").GOLDEN_CASES


def replace_indicator(ruleset, key, **changes):
    return dataclasses.replace(
        ruleset,
        indicators=tuple(
            dataclasses.replace(i, **changes) if i.key == key else i for i in ruleset.indicators
        ),
    )


class TestGoldenCases:
    def test_the_default_ruleset_ships_at_least_ten_and_scores_every_one_as_hand_computed(
        self, default_ruleset
    ):
        cases = [GoldenCase(*case) for case in SHIPPED_CASES]
        assert len(cases) >= 10
        assert golden_differences(default_ruleset, cases) == []

    def test_a_changed_value_shows_in_every_case_it_touches(self, default_ruleset):
        cases = [GoldenCase(*case) for case in SHIPPED_CASES]
        changed = replace_indicator(default_ruleset, "social_insurance_years", points_per_unit=4)
        found = {
            d.case.description: (d.case.expected_total, d.actual) for d in golden_differences(changed, cases)
        }
        assert found["30 岁硕士，社保 3 年：30 + 100 + 9"] == (139, 142)
        assert found["62 岁本科，社保 20 年：0（超过 60 周岁）+ 60 + 60"] == (120, 140)
        assert not any("应届毕业生" in description for description in found)

    def test_answers_the_ruleset_no_longer_accepts_are_a_difference_not_a_crash(self, default_ruleset):
        changed = replace_indicator(
            default_ruleset,
            "education",
            options=tuple(o for o in default_ruleset.indicator("education").options if o.code != "master"),
        )
        (difference,) = golden_differences(
            changed, [GoldenCase("硕士", {"age": 30, "education": "master"}, 130)]
        )
        assert difference.actual is None
        assert "没有“master”这个选项" in difference.problem


class TestReviewDates:
    def test_twelve_months_back_counts_as_recent(self):
        assert review_cutoff(D(2026, 12, 2)) == D(2025, 12, 2)
        assert review_cutoff(D(2028, 2, 29)) == D(2027, 2, 28)

    def test_missing_and_old_review_dates_are_listed_and_recent_ones_are_not(self, default_ruleset):
        ruleset = replace_indicator(default_ruleset, "age", verified_on=D(2025, 12, 2))
        ruleset = replace_indicator(ruleset, "education", verified_on=D(2025, 12, 1))
        listed = {u.where: u.verified_on for u in unverified_values(ruleset, D(2026, 12, 2))}
        assert "年龄（age）" not in listed
        assert listed["最高学历学位（education）"] == D(2025, 12, 1)
        assert listed["在沪缴纳职工社保年限（social_insurance_years）"] is None
        assert not any("veto_family_planning" in where for where in listed)  # switched off

    def test_an_option_shares_its_indicators_date_unless_it_has_its_own(self, default_ruleset):
        education = default_ruleset.indicator("education")
        options = tuple(
            dataclasses.replace(o, verified_on=D(2020, 1, 1)) if o.code == "master" else o
            for o in education.options
        )
        ruleset = replace_indicator(default_ruleset, "education", verified_on=D(2026, 11, 1), options=options)
        listed = [
            u.where for u in unverified_values(ruleset, D(2026, 12, 2)) if u.indicator_key == "education"
        ]
        assert listed == ["最高学历学位 › 硕士研究生学历学位（master）"]


class TestDifferences:
    def test_the_same_ruleset_has_no_differences(self, default_ruleset):
        assert differences(default_ruleset, default_ruleset) == []

    def test_exactly_the_changed_values_are_listed(self, default_ruleset):
        age = default_ruleset.indicator("age")
        bands = tuple(dataclasses.replace(b, points=28) if b.low == 44 else b for b in age.bands)
        award = default_ruleset.indicator("award")
        options = (*award.options, engine.Option("district", "区级表彰", 15))
        draft = replace_indicator(default_ruleset, "age", bands=bands)
        draft = replace_indicator(draft, "fresh_graduate", points=12)
        draft = replace_indicator(draft, "award", options=options)
        draft = dataclasses.replace(draft, threshold=125, valid_until=D(2032, 12, 31))

        assert differences(default_ruleset, draft) == [
            Difference("规则集", "有效期至", None, D(2032, 12, 31)),
            Difference("规则集", "标准分值", 120, 125),
            Difference("指标“年龄”（age） › 分档 44–44", "分值", 29, 28, "age"),
            Difference(
                "指标“全日制应届高校毕业生”（fresh_graduate）", "分值（是/否）", 10, 12, "fresh_graduate"
            ),
            Difference(
                "指标“在沪工作期间获得的表彰”（award） › 选项“区级表彰”（district）",
                "",
                indicator_key="award",
                change=ADDED,
            ),
        ]

    def test_removed_rows_are_listed(self, default_ruleset):
        draft = dataclasses.replace(
            default_ruleset,
            indicators=tuple(i for i in default_ruleset.indicators if i.key != "fresh_graduate"),
        )
        (removed,) = differences(default_ruleset, draft)
        assert (removed.where, removed.change) == ("指标“全日制应届高校毕业生”（fresh_graduate）", REMOVED)


@pytest.mark.parametrize("case", SHIPPED_CASES, ids=lambda case: case[0][:12])
def test_each_shipped_case_is_scored_as_computed(default_ruleset, case):
    _description, answers, expected = case
    assert engine.score(default_ruleset, engine.parse_answers(default_ruleset, answers)).total == expected
