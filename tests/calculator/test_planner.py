"""Planner: hand-computed ways and months to reach 120 under the default ruleset."""

import datetime

from calculator.engine import Answers
from calculator.planner import plan

TODAY = datetime.date(2026, 11, 27)


def planned(ruleset, **answers):
    return plan(ruleset, Answers(answers), TODAY)


def test_three_points_a_year_from_social_insurance(default_ruleset):
    # 30 + 60 (本科) + 9 (3 年社保) = 99: 7 more years of 3 points.
    result = planned(default_ruleset, age=30, education="bachelor", social_insurance_years=3)
    assert result.gap == 21
    by_time = next(s for s in result.suggestions if s.kind == "time")
    assert by_time.months == 84
    assert by_time.reached_on == datetime.date(2033, 11, 1)
    assert "预计最晚 2033 年 11 月达到 120 分" in by_time.text
    assert by_time.reaches


def test_public_service_points_start_at_five_years(default_ruleset):
    # 30 + 50 + 30 = 110. After 1 year: 30 + 50 + 33 + 0 (4 years) = 113;
    # after 2 years: 30 + 50 + 36 + 20 (5 years at 4 points) = 136.
    result = planned(
        default_ruleset, age=40, education="junior_college", social_insurance_years=10, public_service_years=3
    )
    by_time = next(s for s in result.suggestions if s.kind == "time")
    assert by_time.months == 24
    assert by_time.gain == 136 - 110
    assert "公共服务领域工作年限" in by_time.text


def test_the_remote_area_cap_slows_the_way_by_time(default_ruleset):
    # 30 + 60 + 20 (capped) = 110; the remote-area years add nothing more, social insurance 3 a year.
    result = planned(default_ruleset, age=30, education="bachelor", remote_area_years=10)
    assert next(s for s in result.suggestions if s.kind == "time").months == 48


def test_getting_older_costs_age_points_on_the_way(default_ruleset):
    # 17 + 90 + 6 = 113 at 50. Each year: −2 age, +3 social insurance, until 56 where age stays at 5:
    # 6 years → 5 + 90 + 24 = 119; 7 years → 5 + 90 + 27 = 122.
    result = planned(default_ruleset, age=50, education="bachelor_degree", social_insurance_years=2)
    assert next(s for s in result.suggestions if s.kind == "time").months == 84


def test_time_alone_cannot_help_near_sixty(default_ruleset):
    result = planned(default_ruleset, age=58)
    by_time = next(s for s in result.suggestions if s.kind == "time")
    assert not by_time.reaches
    assert "在积分制度适用的年龄内达不到 120 分" in by_time.text


def test_step_ups_say_what_each_adds(default_ruleset):
    result = planned(default_ruleset, age=30, education="bachelor", social_insurance_years=3)
    texts = [s.text for s in result.suggestions]
    assert "最高学历学位提高到“大学本科学历和学士学位”，总分加 30 分。" in texts
    assert "社保缴费基数加分提高到“近 4 年累计 36 个月，基数不低于 0.8 倍”，总分加 25 分。" in texts
    condition = "（还需满足“社保缴费基数达到上年度全市职工平均工资”）"
    assert f"职称或职业技能等级提高到“二级（技师）”{condition}，总分加 40 分。" in texts
    assert all(s.reaches for s in result.suggestions)
    assert result.suggestions[0].kind == "time"


def test_a_step_that_falls_short_comes_with_the_one_that_reaches(default_ruleset):
    # 30 + 50 = 80, gap 40: the next tier x0_8 adds 25, x1 adds 50.
    result = planned(default_ruleset, age=30, education="junior_college")
    tiers = [s for s in result.suggestions if "社保缴费基数加分" in s.text]
    assert sorted((s.gain, s.reaches) for s in tiers) == [(25, False), (50, True)]
    assert result.suggestions[-1].reaches is False


def test_meeting_the_base_condition_is_suggested(default_ruleset):
    result = planned(default_ruleset, age=30, title_skill="mid_title", title_base_ok=False)
    condition = next(s for s in result.suggestions if s.kind == "condition")
    assert condition.gain == 100
    assert condition.reaches


def test_nothing_is_suggested_that_the_ruleset_does_not_have(default_ruleset):
    result = planned(default_ruleset, age=30, education="bachelor")
    labels = {i.label for i in default_ruleset.active_indicators}
    for suggestion in result.suggestions:
        assert any(label in suggestion.text for label in labels)
    assert not any("违反计划生育政策" in s.text for s in result.suggestions)


def test_at_the_threshold_it_says_what_keeps_it_safe(default_ruleset):
    result = planned(default_ruleset, age=30, education="bachelor_degree", social_insurance_years=2)
    assert result.total == 126
    assert result.suggestions == ()
    assert "避免“提供虚假材料”：每次扣 150 分，再有一次总分变为 0 分，就会低于 120 分。" in result.keep_safe
    assert "避免“严重刑事犯罪记录”：属于一票否决，分数再高也不能申请。" in result.keep_safe


def test_a_veto_gets_no_suggestions(default_ruleset):
    result = planned(default_ruleset, age=30, veto_serious_crime=True)
    assert not result.eligible
    assert result.suggestions == ()


def test_the_smallest_step_that_reaches_comes_first(default_ruleset):
    # 99 points, gap 21: 0.8× base tier (+25) is a smaller change than 学士学位 (+30) or an award (+30).
    result = planned(default_ruleset, age=30, education="bachelor", social_insurance_years=3)
    step_ups = [s for s in result.suggestions if s.kind == "step_up"]
    assert step_ups[0].gain == 25
    assert [s.gain for s in step_ups] == sorted(s.gain for s in step_ups)
