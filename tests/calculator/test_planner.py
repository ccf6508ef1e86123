"""The route finder: hand-computed routes under the default ruleset and the editor data that ships with it."""

import dataclasses
import datetime

import pytest

from calculator import planner
from calculator.engine import Answers, score
from tests.calculator.conftest import PLAN_FACTS, facts_from

TODAY = datetime.date(2026, 12, 2)


@pytest.fixture
def plan_for(default_ruleset, default_facts):
    def run(facts=None, **answers):
        return planner.plan(default_ruleset, Answers(answers), TODAY, facts or default_facts)

    return run


def kinds_and_months(result):
    return [(r.kind, r.months) for r in result.routes]


def only_route(result, kind):
    routes = [r for r in result.routes if r.kind == kind]
    assert len(routes) == 1, kinds_and_months(result)
    return routes[0]


# --- lapse windows ---------------------------------------------------------------------------------------


def test_false_materials_stop_counting_after_three_years(plan_for):
    # Today 30 + 100 + 9 − 150 = −11, shown as 0. In 3 years: 30 + 100 + 18 = 148.
    result = plan_for(age=30, education="master", social_insurance_years=3, false_materials_count=1)
    assert result.total == 0
    route = result.routes[0]
    assert (route.kind, route.months, route.total, route.gain) == ("time", 36, 148, 148)
    assert dict(route.changes) == {"age": 33, "social_insurance_years": 6, "false_materials_count": 0}
    assert route.reaches
    assert "最晚 2029 年 12 月" in route.text
    assert "「提供虚假材料」满 3 年后不再计入" in route.text


def test_a_detention_stops_counting_after_five_years(plan_for):
    # 30 + 100 + 9 − 50 = 89. Keeping the deduction, 3 points a year would need 11 years (2037);
    # after 5 years it no longer counts: 30 + 100 + 24 = 154.
    result = plan_for(age=29, education="master", social_insurance_years=3, detention_count=1)
    by_time = only_route(result, "time")
    assert (by_time.months, by_time.total) == (60, 154)
    assert by_time.changes["detention_count"] == 0
    assert by_time.reached_on == datetime.date(2031, 12, 2)


def test_a_crime_stops_counting_after_five_years(plan_for):
    # 30 + 100 + 9 − 150 → 0. After 5 years the conviction no longer counts: 30 + 100 + 24 = 154.
    # While it counts only the 3 倍 base tier (24 months) with 4 years' time gets there: 30+100+21−150+120.
    result = plan_for(age=30, education="master", social_insurance_years=3, crime_count=1)
    assert kinds_and_months(result) == [("combined", 48), ("time", 60)]
    tier, by_time = result.routes
    assert (tier.changes["si_base_tier"], tier.total) == ("x3", 121)
    assert (by_time.total, by_time.changes["crime_count"]) == (154, 0)


def test_the_fresh_graduate_bonus_is_gone_in_every_projection(plan_for):
    # 30 + 60 + 10 = 100 today. Without 应届 after the graduation year: 30 + 60 + 3 per year → 10 years.
    result = plan_for(age=24, education="bachelor", fresh_graduate=True)
    by_time = only_route(result, "time")
    assert (by_time.months, by_time.total) == (120, 120)
    assert by_time.changes["fresh_graduate"] is False
    assert "最晚 2036 年 12 月" in by_time.text
    for route in result.routes:
        assert route.changes.get("fresh_graduate") is False  # every route lies a year or more ahead


def test_a_passing_fresh_graduate_is_warned_that_应届_ends_with_the_year(plan_for):
    # 29 + 60 + 10 + 30 = 129 at 44. 应届 counts only in 2026: from 1 January 119, 1 short, before any
    # year of insurance or age has moved. Waiting a year: at 45, 27 + 60 + 30 + 3 = 120 again.
    passing = plan_for(age=44, education="bachelor", fresh_graduate=True, shortage_major=True)
    assert passing.passes and passing.routes == ()
    assert passing.notices == (
        "2026 年 12 月 31 日以后您的总分将是 119 分（「全日制应届高校毕业生」过了当年不再计分，"
        "本站按自然年推算，以哪天为准待核实），"
        "低于 120 分。"
        "请在 2026 年 12 月 31 日前由单位提出申请。"
        "如果来不及，要让总分回到 120 分以上，最快的途径是："
        "不做别的改变，等 1 年，最晚 2027 年 12 月（1 年后）。",
    )
    # 27 + 60 + 10 + 30 = 127 at 45 → 117 from 1 January; at 46, 25 + 60 + 30 + 3 = 118: time alone never
    # gets back (the age points fall faster), the base tier's 3 倍 does: 117 + 15 = 132 after 24 months.
    drops = plan_for(age=45, education="bachelor", fresh_graduate=True, shortage_major=True)
    assert drops.routes == ()
    assert drops.notices[0].startswith(
        "2026 年 12 月 31 日以后您的总分将是 117 分（「全日制应届高校毕业生」过了当年不再计分，"
        "本站按自然年推算，以哪天为准待核实），"
        "低于 120 分。"
        "请在 2026 年 12 月 31 日前由单位提出申请。"
    )
    assert "最快的途径是：社保缴费基数加分：" in drops.notices[0]
    # 30 + 60 + 10 + 30 = 130 at 30: still 120 without 应届, no warning.
    assert plan_for(age=30, education="bachelor", fresh_graduate=True, shortage_major=True).notices == ()


def test_a_passing_result_is_warned_a_year_ahead_when_the_age_points_fall(plan_for):
    # With insurance years taken as fixed (an editor's fact): 27 + 60 + 30 + 3 = 120 at 45; at 46 the age
    # points fall to 25: 118. Nothing lapses at the year's end, so the warning is for a year from today.
    facts = facts_from(PLAN_FACTS, social_insurance_years={"over_time": ""})
    result = plan_for(facts, age=45, education="bachelor", shortage_major=True, social_insurance_years=1)
    assert result.total == 120
    assert result.notices[0].startswith(
        "一年后（2027 年 12 月）您的总分将是 118 分，低于 120 分。请在 2027 年 12 月 1 日前由单位提出申请。"
    )


def test_a_pass_that_a_birthday_can_undo_before_the_next_insurance_year_says_by_which_age(plan_for):
    # 27 (45) + 60 + 11 × 3 = 120. A year on: 25 + 60 + 36 = 121, but at 46 before the 12th year: 118.
    result = plan_for(age=45, education="bachelor", social_insurance_years=11)
    assert result.passes
    assert result.notices == (
        "满 46 周岁以后，「年龄」一项会少 2 分：如果那时其他情况还没有变化（比如社保还没有再满一年），"
        "总分将是 118 分，低于 120 分。请在满 46 周岁前由单位提出申请。",
    )
    # 30 at 43 and at 44 29: 30 + 60 + 33 = 123 falls to 122, still a pass: nothing to warn about.
    assert plan_for(age=43, education="bachelor", social_insurance_years=11).notices == ()


def test_a_pass_at_60_says_to_apply_before_61(plan_for):
    # 5 (60) + 100 + 5 × 3 = 120; at 61 the system no longer covers the person.
    result = plan_for(age=60, education="master", social_insurance_years=5)
    assert result.passes
    assert result.notices == ("满 61 周岁以后就不在积分制度适用范围内了，请在那之前由单位提出申请。",)


# --- part years and the age the system covers -------------------------------------------------------------


def test_a_step_of_30_months_counts_on_the_birthday_that_costs_points(plan_for):
    # 29 (44) + 50 (大专) + 10 × 3 = 109. 本科 takes about 30 months: by then 2 more years of insurance for
    # certain, and 46 or 47 周岁 depending on the birthday. At 47: 23 + 60 + 36 = 119, short; at 46 it would
    # be 121, so 本科 is no route of 30 months.
    result = plan_for(age=44, education="junior_college", social_insurance_years=10)
    assert result.total == 109
    for route in result.routes:
        assert (route.changes.get("education"), route.months) != ("bachelor", 30)


def test_a_part_year_never_adds_a_year_of_insurance_or_an_age_that_scores_more(plan_for):
    # 5 (56–60) at 56 and at 59 alike: a 30-month 大专 step is shown at 58 (whole years), with 2 more
    # years paid: 5 + 50 + 22 × 3 = 121.
    route = next(r for r in plan_for(age=56, education="none", social_insurance_years=20).routes
                 if r.changes.get("education") == "junior_college")  # fmt: skip
    assert (route.months, route.total) == (30, 121)
    assert (route.changes["age"], route.changes["social_insurance_years"]) == (58, 22)


def test_at_60_a_six_month_condition_is_not_a_route(plan_for):
    # 5 + 60 + 15 = 80; 中级职称 would count once its base condition is met (about 6 months), but within
    # those months the person may turn 61, past the age the system covers.
    result = plan_for(age=60, education="bachelor", title_skill="mid_title", title_base_ok=False,
                      social_insurance_years=5)  # fmt: skip
    assert result.total == 80
    assert all("title_base_ok" not in route.changes for route in result.routes)
    # What is left has no known time; the person is told how little is left.
    assert all(route.months is None for route in result.routes)
    assert result.notices[-1] == (
        "再过不到 1 年，您的年龄就超出积分制度适用的范围了：下面的途径要在那之前完成，"
        "并由单位提出申请才有用；所需时间待核实的，动手前请先问清需要多久。"
    )


def test_a_degree_two_known_steps_away_counts_both(plan_for):
    # From 大专以下, 学士学位 (counted from 本科, calculator 0009) comes after 大专 (30 months) and 专升本
    # (30 months): at least 60 months.
    result = plan_for(DEGREE_AFTER_本科, age=30, education="none", social_insurance_years=3)
    degree = next(r for r in result.routes if r.changes.get("education") == "bachelor_degree")
    assert degree.months is None
    assert degree.effort.note.startswith("先要取得「大学本科学历」（通常约 60 个月），然后")
    # At 56 those 60 months end past 60: the degree is not offered, and 4 years and under are left.
    result = plan_for(DEGREE_AFTER_本科, age=56, education="none", social_insurance_years=20)
    assert all(r.changes.get("education") != "bachelor_degree" for r in result.routes)
    assert result.notices[-1].startswith("再过不到 5 年，您的年龄就超出积分制度适用的范围了")


def test_a_route_ending_in_the_last_covered_year_says_how_long_is_left(plan_for):
    # 7 (55) + 100 = 107. Time alone: 5 years on, 5 (60) + 100 + 15 = 120, and the person turns 61 at some
    # point in the year after: the plan says so, though the notice for undated routes alone needs 5 years.
    result = plan_for(age=55, education="master", social_insurance_years=0)
    by_time = only_route(result, "time")
    assert (by_time.months, by_time.total, by_time.changes["age"]) == (60, 120, 60)
    assert result.notices[-1].startswith(
        "再过不到 6 年，您的年龄就超出积分制度适用的范围了：下面的途径要在那之前完成，并由单位提出申请才有用"
    )


def test_a_combination_with_an_unknown_step_dates_only_the_waiting(plan_for):
    # 博士 (time unknown) with 2 more years: 5 (57) + 110 + 6 = 121 — "至少要等到", never "到 2028 年 12 月"
    # as if the degree were done by then.
    result = plan_for(age=55, education="master", social_insurance_years=0)
    doctor = next(r for r in result.routes if r.changes.get("education") == "doctor")
    assert (doctor.kind, doctor.months, doctor.total) == ("combined", None, 121)
    assert "（所需时间待核实），并且至少要等到 2028 年 12 月（再过 2 年）：那时年龄到 57 周岁" in doctor.text


def test_the_covered_age_is_mentioned_only_near_it_and_only_for_undated_routes(plan_for):
    assert not any("超出积分制度适用" in n for n in plan_for(age=55, social_insurance_years=2).notices)
    # 30 years from the covered age: no notice even with undated routes.
    result = plan_for(age=30, education="none", social_insurance_years=3)
    assert any(r.months is None for r in result.routes)
    assert not any("超出积分制度适用" in n for n in result.notices)


DEGREE_AFTER_本科 = facts_from(
    PLAN_FACTS,
    education={
        "options": [
            {**option, "counted_from": "bachelor"} if option["code"] == "bachelor_degree" else option
            for option in next(row for row in PLAN_FACTS if row["key"] == "education")["options"]
        ]
    },
)


def test_an_edited_lapse_window_changes_the_plan(default_ruleset):
    # An editor finds that detention counts for 2 years only: 89 → in 2 years 30 + 100 + 15 = 145.
    facts = facts_from(PLAN_FACTS, detention_count={"lapse_years": 2})
    answers = Answers({"age": 29, "education": "master", "social_insurance_years": 3, "detention_count": 1})
    result = planner.plan(default_ruleset, answers, TODAY, facts)
    assert result.routes[0].kind == "time"
    assert (result.routes[0].months, result.routes[0].total) == (24, 145)


def test_without_a_lapse_window_a_deduction_is_kept(default_ruleset):
    facts = facts_from(PLAN_FACTS, detention_count={"over_time": "", "lapse_years": None})
    answers = Answers({"age": 29, "education": "master", "social_insurance_years": 3, "detention_count": 1})
    by_time = only_route(planner.plan(default_ruleset, answers, TODAY, facts), "time")
    # 89 + 3 a year: 11 years, the deduction still there.
    assert (by_time.months, by_time.total) == (132, 122)
    assert "detention_count" not in by_time.changes


# --- titles and skill levels: never a downgrade or a sideways move ------------------------------------


def title_routes(result):
    return [r for r in result.routes if r.source == "title_skill"]


@pytest.mark.parametrize("held", ["senior_title", "skill_1"])
def test_the_top_level_without_the_condition_is_offered_only_the_condition(plan_for, held):
    # 30 + 0 (the title scores nothing without the base condition). Meeting it: 30 + 140 = 170.
    result = plan_for(age=30, title_skill=held, title_base_ok=False)
    assert title_routes(result) == []
    condition = only_route(result, "condition")
    assert dict(condition.changes) == {"title_base_ok": True}
    assert (condition.gain, condition.months, condition.reaches) == (140, 6, True)
    assert result.routes[0] is condition


@pytest.mark.parametrize("held", ["skill_2", "mid_title"])
def test_the_middle_level_without_the_condition_gets_no_title_step(plan_for, held):
    # 二级技师 and 中级职称 are worth the same and need the same condition: neither is a step from the other,
    # and 一级/高级 would score nothing under the person's own (unmet) condition.
    result = plan_for(age=30, title_skill=held, title_base_ok=False, social_insurance_years=2)
    assert title_routes(result) == []
    assert only_route(result, "condition").gain == 100


def test_the_middle_level_with_the_condition_steps_only_upwards(plan_for):
    # 17 + 100 = 117 at 50. Time: at 53, 11 + 100 + 9 = 120 (36 months). 一级 from 二级 takes 48 months:
    # no quicker than waiting, so it is left out; 高级职称 (time unknown) may be quicker. 中级职称 (same 100)
    # is never offered.
    result = plan_for(age=50, title_skill="skill_2", title_base_ok=True)
    assert only_route(result, "time").months == 36
    assert [r.changes["title_skill"] for r in title_routes(result)] == ["senior_title"]


def test_from_mid_title_with_the_condition_the_step_is_to_the_top_level(plan_for):
    # 30 + 100 = 130 passes at 30; at 50: 17 + 100 = 117, a 140 level would give 157.
    result = plan_for(age=50, title_skill="mid_title", title_base_ok=True)
    steps = title_routes(result)
    assert steps == [] or steps[0].changes["title_skill"] in ("skill_1", "senior_title")


def test_a_step_with_the_condition_unasked_says_it_is_needed(plan_for):
    # 三级 60 + age 30 = 90: 二级 needs the base condition, which was never asked (三级 does not need it).
    result = plan_for(age=30, title_skill="skill_3")
    step = title_routes(result)[0]
    assert step.changes["title_skill"] in ("skill_2", "mid_title")
    assert step.changes["title_base_ok"] is True
    assert "并且社保缴费基数达到上年度全市职工平均工资" in step.text


def test_from_skill_3_the_typical_time_of_skill_2_applies(plan_for):
    # 二级 is counted from 三级: 48 months (base condition 6 months runs alongside). In 4 years:
    # 30 + 100 + 12 = 142.
    result = plan_for(age=30, title_skill="skill_3", education="none")
    step = title_routes(result)[0]
    assert step.changes["title_skill"] == "skill_2"
    assert (step.months, step.total) == (48, 142)
    assert step.changes["social_insurance_years"] == 4


def test_from_below_三级_the_二级_route_is_undated_and_its_note_starts_at_三级(plan_for):
    # Without 三级, neither the 48 months nor "取得三级证书后…" describe this person's way to 二级.
    # (Only 二级's facts kept, so 中级职称 with the same points does not take its place.)
    title_skill = next(row for row in PLAN_FACTS if row["key"] == "title_skill")
    skill_2 = [o for o in title_skill["options"] if o["code"] == "skill_2"]
    facts = facts_from(PLAN_FACTS, title_skill={"options": skill_2})
    result = plan_for(facts, age=30, title_skill="none", education="bachelor", social_insurance_years=3)
    step = next(r for r in title_routes(result) if r.changes["title_skill"] == "skill_2")
    assert (step.months, step.reached_on, step.when) == (None, None, "所需时间待核实")
    assert step.effort.level is None and step.effort.label == "待核实"
    assert step.effort.note == (
        "先要取得「三级（高级工）」（所需时间待核实），"
        "然后取得三级证书后在本职业工作满 4 年，参加二级（技师）技能等级认定"
    )
    # Undated routes come after every dated one, never first as if they were instant.
    dated = [r.months is not None for r in result.routes]
    assert dated == sorted(dated, reverse=True) and dated[0]


def test_a_known_condition_that_is_not_met_rules_out_the_levels_that_need_it(plan_for):
    result = plan_for(age=30, title_skill="skill_3", title_base_ok=False)
    for route in result.routes:
        assert route.changes.get("title_skill") not in ("skill_2", "mid_title", "skill_1", "senior_title")


def test_from_another_level_the_typical_time_is_unknown(plan_for):
    # 二级's 48 months hold from 三级 only; from none the time is unknown and the text says so.
    result = plan_for(age=30, education="bachelor", social_insurance_years=3)
    step = title_routes(result)[0]
    assert step.months is None
    assert "所需时间待核实" in step.text


def test_a_title_below_the_education_adds_nothing(plan_for):
    # 硕士 100: 三级 (60), 二级/中级 (100) add nothing under 学历与职称二选一; only a 140 level does.
    result = plan_for(age=50, education="master")
    for route in title_routes(result):
        assert route.changes["title_skill"] in ("skill_1", "senior_title")


# --- combinations, ordering, unknown durations -------------------------------------------------------


def test_a_change_combined_with_time_when_neither_alone_reaches(plan_for):
    # 50, 二级 without the (unasked) condition: 17 today. The condition alone: 17 + 100 = 117 (6 months).
    # Time alone never reaches. Together: at 53, 11 + 9 + 100 = 120 after 36 months.
    result = plan_for(age=50, title_skill="skill_2")
    combined = only_route(result, "combined")
    assert dict(combined.changes) == {"age": 53, "social_insurance_years": 3, "title_base_ok": True}
    assert (combined.months, combined.total, combined.gain) == (36, 120, 103)
    assert "并再等 3 年" in combined.text


def test_a_combination_with_an_unknown_duration_has_unknown_months(plan_for):
    # 58: 5 today. 博士 (110, duration unknown) reaches with 2 more years: 5 + 6 + 110 = 121.
    result = plan_for(age=58)
    education = next(r for r in result.routes if r.source == "education")
    assert education.kind == "combined"
    assert dict(education.changes) == {"age": 60, "social_insurance_years": 2, "education": "doctor"}
    assert education.months is None
    assert education.total == 121


def test_routes_come_quickest_first_then_unknown_then_effort(plan_for):
    # 30 + 60 + 9 = 99. 0.8 倍 base tier: 36 months, then 30 + 60 + 18 + 25 = 133; time alone 84 months;
    # 学士学位 (unknown, effort 3) before 中级职称 (unknown, effort 3, the bigger change); 二级技师 from no
    # level at all has an unknown effort (its note starts at 三级), so 中级职称 is the title route.
    result = plan_for(age=30, education="bachelor", social_insurance_years=3)
    assert kinds_and_months(result) == [("step_up", 36), ("time", 84), ("step_up", None), ("step_up", None)]
    tier, by_time, degree, title = result.routes
    assert tier.changes["si_base_tier"] == "x0_8"  # the smallest tier that reaches, not 3 倍
    assert tier.total == 133
    assert by_time.total == 120
    assert title.changes["title_skill"] == "mid_title"
    assert title.effort.level == 3 and degree.effort.level == 3
    assert dict(degree.changes) == {"education": "bachelor_degree"}
    assert degree.gain == 30
    assert all(r.reaches for r in result.routes)


def test_an_edited_typical_duration_reorders_the_plan(default_ruleset):
    facts = facts_from(
        PLAN_FACTS,
        education={
            "options": [
                {"code": "bachelor_degree", "typical_months": 12, "effort": 3, "effort_note": "取得学士学位"}
            ]
        },
    )
    answers = Answers({"age": 30, "education": "bachelor", "social_insurance_years": 3})
    result = planner.plan(default_ruleset, answers, TODAY, facts)
    assert (result.routes[0].source, result.routes[0].months) == ("education", 12)
    assert "通常约 12 个月" in result.routes[0].text


def test_a_change_no_quicker_than_waiting_is_left_out(plan_for):
    # 30 + 100 + 9 − 150 → 0; time alone reaches in 36 months, so the 36-month base tiers add nothing new.
    result = plan_for(age=30, education="master", social_insurance_years=3, false_materials_count=1)
    assert kinds_and_months(result) == [("time", 36)]


def test_when_nothing_reaches_the_biggest_gains_are_listed_with_a_notice(plan_for):
    # 60 with two detentions: 5 − 100 → 0. 一级技师: 5 + 140 − 100 = 45; 博士: 5 + 110 − 100 = 15.
    result = plan_for(age=60, detention_count=2)
    assert [(r.source, r.gain, r.reaches) for r in result.routes] == [
        ("title_skill", 45, False),
        ("education", 15, False),
    ]
    assert "单靠下面任何一条都达不到 120 分" in result.notices[0]


def test_when_nothing_adds_points_the_notice_says_so(plan_for):
    # 60 with a conviction: 5 − 150; no single change lifts the total above 0.
    result = plan_for(age=60, crime_count=1)
    assert result.routes == ()
    assert "没有找到能提高总分的途径" in result.notices[0]


# --- what is never a route -------------------------------------------------------------------------------


def test_awards_are_never_routes_but_if_you_get_one(plan_for):
    result = plan_for(age=30, education="bachelor", social_insurance_years=3)
    for route in result.routes:
        assert not {"award", "entrepreneur_talent", "innovation_intermediary_talent", "shortage_major"} & set(
            route.changes
        )
    hints = {h.text for h in result.hints}
    assert "如果您获得「市级机关综合表彰」：加 60 分，达到 120 分。" in hints
    assert "如果您获得「省部级及以上表彰」：加 110 分，达到 120 分。" in hints


def test_a_hint_under_the_floor_says_what_the_item_is_worth_and_what_the_total_becomes(plan_for):
    # 30 + 100 + 9 − 150 = −11, shown as 0. 紧缺急需专业 is worth 30: the total becomes 19, not "加 19 分".
    result = plan_for(age=31, education="master", social_insurance_years=3, false_materials_count=1)
    shortage = next(h for h in result.hints if "紧缺急需专业" in h.text)
    assert shortage.text == (
        "如果您符合「紧缺急需专业」：这一项计 30 分，先要抵掉扣分后低于 0 分的部分，总分变为 19 分。"
    )
    assert shortage.gain == 19


def test_an_award_already_held_is_not_hinted_again(plan_for):
    # 30 + 60 (综合表彰) = 90: only the higher award is hinted.
    result = plan_for(age=30, award="municipal_comprehensive")
    awards = [h for h in result.hints if "award" in h.changes]
    assert [h.changes["award"] for h in awards] == ["provincial_or_above"]


def test_over_sixty_gets_no_route_and_a_notice(plan_for):
    result = plan_for(age=61, education="doctor", social_insurance_years=20)
    assert result.routes == ()
    assert result.notices == (
        "「年龄」61 周岁不在积分制度适用范围内，哪条途径都不能让您按积分申办，所以这里不列出补分途径。",
    )


def test_no_route_passes_the_age_the_system_covers(plan_for):
    result = plan_for(age=55, social_insurance_years=2)
    assert result.routes
    for route in result.routes:
        assert route.changes.get("age", 55) <= 60


def test_a_veto_gets_no_route_and_says_why(plan_for):
    result = plan_for(age=30, education="bachelor", veto_serious_crime=True)
    assert result.routes == () and result.hints == ()
    assert result.notices == (
        "您有一票否决事项（「严重刑事犯罪记录」），分数再高也不能按积分申办，所以这里不列出补分途径。",
    )


def test_a_passing_result_needs_no_route(plan_for):
    result = plan_for(age=30, education="bachelor_degree", social_insurance_years=2)
    assert result.total == 126
    assert result.routes == () and result.hints == () and result.notices == ()


def test_nothing_is_a_route_without_editor_data(default_ruleset):
    # With no facts at all, nothing moves with time and nothing is a step: only conditions remain.
    answers = Answers({"age": 30, "title_skill": "mid_title", "title_base_ok": False})
    result = planner.plan(default_ruleset, answers, TODAY, planner.Facts())
    assert kinds_and_months(result) == [("condition", None)]
    assert "所需时间待核实" in result.routes[0].text


def test_every_route_is_what_the_engine_says(default_ruleset, plan_for):
    answers = {"age": 29, "education": "master", "social_insurance_years": 3, "detention_count": 1}
    result = plan_for(**answers)
    for route in result.routes:
        changed = score(default_ruleset, Answers({**answers, **route.changes}))
        assert changed.total == result.total + route.gain == route.total


def test_months_are_added_to_today(plan_for):
    assert planner.add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert planner.add_months(datetime.date(2028, 2, 29), 12) == datetime.date(2029, 2, 28)
    assert planner.add_months(datetime.date(2026, 12, 2), 30) == datetime.date(2029, 6, 2)


TITLE_POINTS = {"none": 0, "junior_title": 0, "skill_5": 15, "skill_4": 30, "skill_3": 60, "skill_2": 100,
                "mid_title": 100, "skill_1": 140, "senior_title": 140}  # fmt: skip
NEEDS_THE_CONDITION = {"skill_2", "mid_title", "skill_1", "senior_title"}


@pytest.mark.parametrize("held", TITLE_POINTS)
@pytest.mark.parametrize("condition", [True, False, None], ids=["met", "not met", "not asked"])
def test_every_title_level_steps_only_upwards_under_its_own_condition(plan_for, held, condition):
    answers = {"age": 50, "title_skill": held}  # 17 + the title: below 120 whatever the level
    if condition is not None:
        answers["title_base_ok"] = condition
    result = plan_for(**answers)
    for route in result.routes:
        target = route.changes.get("title_skill")
        if target is None:
            continue
        assert TITLE_POINTS[target] > TITLE_POINTS[held], f"{held} → {target} is no step up"
        if target in NEEDS_THE_CONDITION:
            assert condition is not False, f"{target} would score nothing under an unmet condition"
            assert route.changes.get("title_base_ok", condition) is True
    meets = [r for r in result.routes if r.kind in ("condition", "combined") and "title_base_ok" in r.changes]
    if held in NEEDS_THE_CONDITION and condition is not True:
        assert meets, "a held title that needs the condition is offered the condition"


# --- boundaries -------------------------------------------------------------------------------------------


def test_a_step_done_within_the_graduation_year_keeps_应届(default_ruleset, default_facts):
    # On 29 April: 30 + 60 + 10 = 100, 中级职称 held without its base condition. Meeting it takes about 6
    # months, done in October of the same year: 30 + max(60, 100) + 10 = 140, 应届 still counted.
    answers = Answers(
        {"age": 24, "education": "bachelor", "fresh_graduate": True, "title_skill": "mid_title",
         "title_base_ok": False}
    )  # fmt: skip
    result = planner.plan(default_ruleset, answers, datetime.date(2026, 4, 29), default_facts)
    condition = only_route(result, "condition")
    assert (condition.months, condition.total, condition.gain) == (6, 140, 40)
    assert "fresh_graduate" not in condition.changes


def test_a_route_reaching_on_the_last_day_of_the_rules_is_within_them(default_ruleset, default_facts):
    # 29 (44) + 90 = 119; a year on 27 + 90 + 3 = 120. From 31 December 2026 that is 31 December 2027, the
    # last day the rules in force run to; a day later it is past them.
    ruleset = dataclasses.replace(default_ruleset, valid_until=datetime.date(2027, 12, 31))
    answers = Answers({"age": 44, "education": "bachelor_degree", "social_insurance_years": 0})
    on_the_day = planner.plan(ruleset, answers, datetime.date(2026, 12, 31), default_facts)
    by_time = only_route(on_the_day, "time")
    assert (by_time.reached_on, by_time.beyond_valid_until) == (datetime.date(2027, 12, 31), False)
    assert on_the_day.beyond_valid_until == ()
    a_day_later = planner.plan(ruleset, answers, datetime.date(2027, 1, 1), default_facts)
    assert only_route(a_day_later, "time").beyond_valid_until


def test_a_change_that_only_makes_up_for_what_time_takes_away_is_no_route(plan_for):
    # 5 (58) + 100 + 36 + 10 − 150 = 1. Once 应届 is gone, 博士 (time unknown) gives 5 + 110 + 36 − 150 = 1:
    # nothing gained, so it is not listed ("加 0 分" would be no advice at all).
    result = plan_for(age=58, education="master", social_insurance_years=12, false_materials_count=1,
                      fresh_graduate=True)  # fmt: skip
    assert result.total == 1
    assert result.routes
    assert all(route.gain > 0 for route in result.routes)
    assert all(route.changes.get("education") != "doctor" for route in result.routes)
