"""Hand-computed scores under the default ruleset (RULES.md); every boundary of issue 3's acceptance."""

import dataclasses

import pytest

from calculator.engine import Answers, score


def points(ruleset, key, **answers):
    answers.setdefault("age", 30)
    return score(ruleset, Answers(answers)).item(key).points


@pytest.mark.parametrize(
    ("age", "expected"),
    [(16, 30), (30, 30), (43, 30), (44, 29), (45, 27), (55, 7), (56, 5), (60, 5), (61, 0), (80, 0)],
)
def test_age_scale(default_ruleset, age, expected):
    assert points(default_ruleset, "age", age=age) == expected


def test_over_60_scores_zero_with_a_notice(default_ruleset):
    result = score(default_ruleset, Answers({"age": 61}))
    assert result.item("age").points == 0
    assert any("60 周岁" in n for n in result.notices)


def test_over_60_a_total_past_the_threshold_does_not_reach_it(default_ruleset):
    # 0 (61 周岁) + 110 (博士) + 20 × 3 (社保) = 170: more than 120, but the system does not cover the person.
    result = score(default_ruleset, Answers({"age": 61, "education": "doctor", "social_insurance_years": 20}))
    assert (result.total, result.eligible, result.gap) == (170, True, 0)
    assert result.outside == "「年龄」61 周岁"
    assert result.reaches_threshold is False


def test_at_60_the_same_answers_reach_the_threshold(default_ruleset):
    # 5 (60 周岁) + 110 + 60 = 175.
    result = score(default_ruleset, Answers({"age": 60, "education": "doctor", "social_insurance_years": 20}))
    assert (result.total, result.outside, result.reaches_threshold) == (175, "", True)


def test_60_has_no_age_notice(default_ruleset):
    assert score(default_ruleset, Answers({"age": 60})).notices == ()


@pytest.mark.parametrize(
    ("education", "expected"),
    [
        ("none", 0),
        ("junior_college", 50),
        ("bachelor", 60),
        ("bachelor_degree", 90),
        ("master", 100),
        ("doctor", 110),
    ],
)
def test_each_education_level(default_ruleset, education, expected):
    assert points(default_ruleset, "education", education=education) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("none", 0),
        ("junior_title", 0),
        ("skill_5", 15),
        ("skill_4", 30),
        ("skill_3", 60),
        ("skill_2", 100),
        ("mid_title", 100),
        ("skill_1", 140),
        ("senior_title", 140),
    ],
)
def test_each_title_level_with_base_condition_met(default_ruleset, title, expected):
    assert points(default_ruleset, "title_skill", title_skill=title, title_base_ok=True) == expected


@pytest.mark.parametrize("title", ["skill_2", "mid_title", "skill_1", "senior_title"])
def test_upper_titles_score_nothing_without_base_condition(default_ruleset, title):
    result = score(default_ruleset, Answers({"age": 30, "title_skill": title, "title_base_ok": False}))
    assert result.item("title_skill").points == 0
    assert "未满足" in result.item("title_skill").note


def test_base_condition_defaults_to_not_met(default_ruleset):
    assert points(default_ruleset, "title_skill", title_skill="mid_title") == 0


@pytest.mark.parametrize(("title", "expected"), [("skill_5", 15), ("skill_4", 30), ("skill_3", 60)])
def test_lower_skill_levels_need_no_base_condition(default_ruleset, title, expected):
    assert points(default_ruleset, "title_skill", title_skill=title, title_base_ok=False) == expected


def test_education_and_title_count_only_the_higher(default_ruleset):
    answers = {"age": 30, "education": "bachelor_degree", "title_skill": "mid_title", "title_base_ok": True}
    result = score(default_ruleset, Answers(answers))
    assert result.item("title_skill").points == 100
    assert result.item("education").points == 0
    assert "只取较高一项" in result.item("education").note
    assert result.total == 30 + 100


def test_education_counts_when_title_fails_the_base_condition(default_ruleset):
    answers = {"age": 30, "education": "bachelor_degree", "title_skill": "mid_title", "title_base_ok": False}
    result = score(default_ruleset, Answers(answers))
    assert result.item("education").points == 90
    assert result.item("title_skill").points == 0
    assert result.total == 30 + 90


def test_equal_education_and_title_count_once(default_ruleset):
    answers = {"age": 30, "education": "master", "title_skill": "mid_title", "title_base_ok": True}
    assert score(default_ruleset, Answers(answers)).total == 30 + 100


def test_social_insurance_three_points_a_year_without_cap(default_ruleset):
    assert points(default_ruleset, "social_insurance_years", social_insurance_years=7) == 21
    assert points(default_ruleset, "social_insurance_years", social_insurance_years=60) == 180


@pytest.mark.parametrize(
    ("tier", "expected"), [("none", 0), ("x0_8", 25), ("x1", 50), ("x2", 100), ("x3", 120)]
)
def test_social_insurance_base_tiers(default_ruleset, tier, expected):
    assert points(default_ruleset, "si_base_tier", si_base_tier=tier) == expected


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("shortage_major", 30),
        ("entrepreneur_talent", 120),
        ("innovation_intermediary_talent", 120),
        ("fresh_graduate", 10),
    ],
)
def test_yes_no_bonuses(default_ruleset, key, expected):
    assert points(default_ruleset, key, **{key: True}) == expected
    assert points(default_ruleset, key, **{key: False}) == 0


@pytest.mark.parametrize(("years", "expected"), [(4, 0), (5, 20), (8, 32)])
def test_public_service_counts_from_five_years(default_ruleset, years, expected):
    assert points(default_ruleset, "public_service_years", public_service_years=years) == expected


def test_public_service_under_five_years_says_why(default_ruleset):
    result = score(default_ruleset, Answers({"age": 30, "public_service_years": 4}))
    assert "满 5 年才开始计分" in result.item("public_service_years").note


@pytest.mark.parametrize(("years", "expected"), [(4, 0), (5, 10), (10, 20), (11, 20)])
def test_remote_area_counts_from_five_years_capped_at_20(default_ruleset, years, expected):
    assert points(default_ruleset, "remote_area_years", remote_area_years=years) == expected


@pytest.mark.parametrize(("years", "expected"), [(1, 4), (10, 40), (11, 40)])
def test_spouse_years_capped_at_40(default_ruleset, years, expected):
    assert points(default_ruleset, "spouse_hukou_years", spouse_hukou_years=years) == expected


@pytest.mark.parametrize(("wan", "expected"), [(9, 0), (10, 10), (19, 10), (125, 120)])
def test_investment_tax(default_ruleset, wan, expected):
    assert points(default_ruleset, "investment_tax_wan", investment_tax_wan=wan) == expected


@pytest.mark.parametrize(("hires", "expected"), [(9, 0), (10, 10), (130, 120)])
def test_investment_hires_capped_at_120(default_ruleset, hires, expected):
    assert points(default_ruleset, "investment_local_hires", investment_local_hires=hires) == expected


def test_investment_tax_and_hires_take_the_higher_not_the_sum(default_ruleset):
    answers = {"age": 30, "investment_tax_wan": 50, "investment_local_hires": 30}
    result = score(default_ruleset, Answers(answers))
    assert result.item("investment_tax_wan").points == 50
    assert result.item("investment_local_hires").points == 0
    assert result.total == 30 + 50


def test_investment_cap_applies_to_the_indicator_as_a_whole(default_ruleset):
    answers = {"age": 30, "investment_tax_wan": 500, "investment_local_hires": 300}
    assert score(default_ruleset, Answers(answers)).total == 30 + 120


@pytest.mark.parametrize(
    ("award", "expected"),
    [("none", 0), ("municipal_special", 30), ("municipal_comprehensive", 60), ("provincial_or_above", 110)],
)
def test_each_award(default_ruleset, award, expected):
    assert points(default_ruleset, "award", award=award) == expected


def test_two_awards_count_only_the_higher(default_ruleset):
    result = score(
        default_ruleset, Answers({"age": 30, "award": ("municipal_comprehensive", "municipal_special")})
    )
    assert result.item("award").points == 60
    assert result.total == 30 + 60


def test_deductions_add_up(default_ruleset):
    answers = {"age": 30, "education": "doctor", "social_insurance_years": 50, "si_base_tier": "x3"}
    answers |= {"false_materials_count": 1, "detention_count": 2, "crime_count": 1}
    result = score(default_ruleset, Answers(answers))
    assert result.item("false_materials_count").points == -150
    assert result.item("detention_count").points == -100
    assert result.item("crime_count").points == -150
    assert result.total == 30 + 110 + 150 + 120 - 400


def test_deductions_past_zero_floor_the_total_at_zero(default_ruleset):
    answers = {"age": 30, "education": "bachelor", "social_insurance_years": 2}
    answers |= {"false_materials_count": 1, "detention_count": 1}
    result = score(default_ruleset, Answers(answers))
    assert result.subtotal == 30 + 60 + 6 - 150 - 50
    assert result.total == 0
    assert result.gap == 120
    assert not result.reaches_threshold


def test_a_typical_profile_reaches_the_threshold(default_ruleset):
    result = score(default_ruleset, Answers({"age": 30, "education": "master", "social_insurance_years": 3}))
    assert (result.total, result.threshold, result.gap) == (139, 120, 0)
    assert result.eligible and result.reaches_threshold


def test_one_point_short_shows_the_gap(default_ruleset):
    result = score(default_ruleset, Answers({"age": 44, "education": "bachelor_degree"}))
    assert result.total == 29 + 90
    assert result.gap == 1
    assert not result.reaches_threshold


def test_a_veto_makes_ineligible_but_the_total_is_still_shown(default_ruleset):
    answers = {"age": 30, "education": "master", "social_insurance_years": 3, "veto_serious_crime": True}
    result = score(default_ruleset, Answers(answers))
    assert result.total == 139
    assert not result.eligible
    assert not result.reaches_threshold
    assert [v.key for v in result.vetoes] == ["veto_serious_crime"]


def test_inactive_indicator_is_ignored_with_a_notice(default_ruleset):
    answers = {"age": 30, "education": "master", "social_insurance_years": 3, "veto_family_planning": True}
    result = score(default_ruleset, Answers(answers))
    assert result.eligible
    assert result.reaches_threshold
    assert result.item("veto_family_planning") is None
    assert any("违反计划生育政策" in n and "未启用" in n for n in result.notices)


def test_switching_an_indicator_off_removes_its_points(default_ruleset):
    ruleset = dataclasses.replace(
        default_ruleset,
        indicators=tuple(
            dataclasses.replace(i, active=False) if i.key == "fresh_graduate" else i
            for i in default_ruleset.indicators
        ),
    )
    result = score(ruleset, Answers({"age": 30, "fresh_graduate": True}))
    assert result.total == 30
    assert result.item("fresh_graduate") is None
    assert len(result.notices) == 1


def test_items_follow_the_questionnaire_and_explain_points(default_ruleset):
    result = score(default_ruleset, Answers({"age": 45, "social_insurance_years": 7}))
    assert [i.key for i in result.items][:3] == ["age", "education", "title_skill"]
    assert result.item("age").note == "45 周岁，计 27 分"
    assert result.item("social_insurance_years").note == "7 年，每满 1 年计 3 分，共 21 分"
    assert "veto_serious_crime" not in [i.key for i in result.items]
    assert "title_base_ok" not in [i.key for i in result.items]


def test_an_edited_value_changes_the_score(default_ruleset):
    ruleset = dataclasses.replace(
        default_ruleset,
        indicators=tuple(
            dataclasses.replace(i, points=15) if i.key == "fresh_graduate" else i
            for i in default_ruleset.indicators
        ),
    )
    assert score(ruleset, Answers({"age": 30, "fresh_graduate": True})).total == 45


def test_switching_the_base_condition_off_lets_upper_titles_count(default_ruleset):
    ruleset = dataclasses.replace(
        default_ruleset,
        indicators=tuple(
            dataclasses.replace(i, active=False) if i.key == "title_base_ok" else i
            for i in default_ruleset.indicators
        ),
    )
    assert points(ruleset, "title_skill", title_skill="senior_title") == 140
