"""parse_answers: strict checks with a Chinese message per field (DESIGN §2)."""

import pytest

from calculator.engine import InvalidAnswers, parse_answers


def errors_for(ruleset, data):
    with pytest.raises(InvalidAnswers) as caught:
        parse_answers(ruleset, data)
    return caught.value.errors


def test_valid_answers_are_kept(default_ruleset):
    answers = parse_answers(
        default_ruleset,
        {
            "age": 30,
            "education": "master",
            "title_base_ok": True,
            "award": "provincial_or_above",
        },
    )
    assert answers.get("age") == 30
    assert answers.get("education") == "master"
    assert answers.get("award") == "provincial_or_above"


def test_a_list_for_a_single_choice_is_refused(default_ruleset):
    errors = errors_for(default_ruleset, {"age": 30, "award": ["municipal_special", "provincial_or_above"]})
    assert errors == {"award": ["「在沪工作期间获得的表彰」只能填一个选项代码；有多项时填分值最高的一项。"]}


def test_age_is_required(default_ruleset):
    assert errors_for(default_ruleset, {"education": "master"}) == {"age": ["请填写「年龄」。"]}


def test_unknown_key(default_ruleset):
    assert errors_for(default_ruleset, {"age": 30, "agee": 1}) == {"agee": ["没有这一项，请检查拼写。"]}


@pytest.mark.parametrize("value", ["30", 30.0, 30.5, True, None, [30]])
def test_age_must_be_a_whole_number(default_ruleset, value):
    assert errors_for(default_ruleset, {"age": value}) == {"age": ["「年龄」须为整数。"]}


@pytest.mark.parametrize("value", [1, 0, "true", None])
def test_booleans_must_be_json_booleans(default_ruleset, value):
    errors = errors_for(default_ruleset, {"age": 30, "fresh_graduate": value})
    assert errors == {"fresh_graduate": ["「全日制应届高校毕业生」须为 true 或 false。"]}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("age", 15),
        ("age", 81),
        ("social_insurance_years", -1),
        ("social_insurance_years", 61),
        ("crime_count", 21),
        ("investment_tax_wan", 100001),
    ],
)
def test_out_of_range_numbers(default_ruleset, key, value):
    data = {"age": 30, key: value}
    assert "须在" in errors_for(default_ruleset, data)[key][0]


def test_range_boundaries_are_accepted(default_ruleset):
    parse_answers(default_ruleset, {"age": 76, "social_insurance_years": 60, "crime_count": 20})
    parse_answers(default_ruleset, {"age": 16, "social_insurance_years": 0})
    parse_answers(default_ruleset, {"age": 80, "investment_local_hires": 100000})


def test_unknown_option_lists_the_valid_codes(default_ruleset):
    errors = errors_for(default_ruleset, {"age": 30, "education": "phd"})
    assert errors == {
        "education": [
            "「最高学历学位」没有“phd”这个选项，可选：none、junior_college、bachelor、bachelor_degree、master、doctor。"
        ]
    }


@pytest.mark.parametrize("value", [3, True, None, {"code": "x1"}, ["x1", 2]])
def test_choice_must_be_a_code_or_list_of_codes(default_ruleset, value):
    assert "选项代码" in errors_for(default_ruleset, {"age": 30, "si_base_tier": value})["si_base_tier"][0]


def test_every_bad_field_is_reported_at_once(default_ruleset):
    errors = errors_for(default_ruleset, {"age": "x", "education": "phd", "nope": 1})
    assert set(errors) == {"age", "education", "nope"}


@pytest.mark.parametrize("data", [[], "age=30", 30, None])
def test_body_must_be_an_object(default_ruleset, data):
    assert list(errors_for(default_ruleset, data)) == ["__all__"]


def test_switched_off_indicator_is_accepted_whatever_its_value(default_ruleset):
    answers = parse_answers(default_ruleset, {"age": 30, "veto_family_planning": "yes"})
    assert answers.get("veto_family_planning") == "yes"


def test_years_beyond_the_age_are_refused_for_every_count_of_years(default_ruleset):
    errors = errors_for(
        default_ruleset,
        {"age": 25, "social_insurance_years": 10, "public_service_years": 10, "spouse_hukou_years": 9},
    )
    assert errors == {
        "social_insurance_years": [
            "「在沪缴纳职工社保年限」最多 9 年（年龄 25 周岁）；请检查是不是把月数填成了年数。"
        ],
        "public_service_years": [
            "「公共服务领域工作年限」最多 9 年（年龄 25 周岁）；请检查是不是把月数填成了年数。"
        ],
    }
