"""/shengxue/: a parent enters a child's birth date, sees the years, the deadlines and a countdown, and,
coming from their own self-test result, whether they make it in time."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from calculator.results import save_assessment
from calculator.rulesets import ruleset_in_force
from schooling.models import RegistrationWindow, RouteWithoutPoints

pytestmark = pytest.mark.django_db
URL = "/shengxue/"
AT_NOON_IN_SHANGHAI = datetime(2026, 12, 2, 4, 0, tzinfo=ZoneInfo("UTC"))
PASSING = {
    "age": 38,
    "education": "bachelor",
    "title_skill": "mid_title",
    "title_base_ok": True,
    "social_insurance_years": 8,
}
# 30 + 60 + 9 = 99: 21 short, seven more years of insurance (3 a year) reach 120.
SEVEN_YEARS_SHORT = {"age": 30, "education": "bachelor", "social_insurance_years": 3}


def page(response):
    assert response.status_code == 200
    return response.content.decode()


def self_test(answers):
    return save_assessment(ruleset_in_force(), answers, recent_contributions=True).token


def test_the_empty_page_asks_for_the_birth_date_and_lists_the_routes_without_120(client):
    html = page(client.get(URL))

    assert 'name="child_birth"' in html
    assert '<form method="get" action="/shengxue/"' in html
    for route in RouteWithoutPoints.objects.filter(active=True):
        assert route.name in html
    assert "待核实</strong>" in html  # the entry age's source and the processing time are not verified yet
    assert "<dt>上小学一年级</dt>" not in html


@time_machine.travel(AT_NOON_IN_SHANGHAI, tick=False)
def test_the_timeline_shows_the_years_the_dates_and_the_countdown(client):
    html = page(client.get(URL, {"child_birth": "2015-05-01"}))

    assert "2030 年中考" in html
    assert "<dt>上小学一年级</dt><dd>2021 年 9 月</dd>" in html
    assert "<dt>上初中（六年级）</dt><dd>2026 年 9 月</dd>" in html
    assert '<time datetime="2029-12-23">2029年12月23日</time>' in html
    assert '<time datetime="2029-11-09">2029年11月9日</time>' in html
    assert "距离最晚拿到 120 分批准还有 <strong>36 个月</strong>" in html
    assert "距今还有 35 个月" in html
    assert "上面按 2021 年公布的安排推算" in html
    assert "2029 年的节假日安排尚未公布" in html


@time_machine.travel(AT_NOON_IN_SHANGHAI, tick=False)
def test_born_on_1_september_is_a_year_later(client):
    html = page(client.get(URL, {"child_birth": "2015-09-01"}))

    assert "2031 年中考" in html
    assert "<dt>上小学一年级</dt><dd>2022 年 9 月</dd>" in html


@time_machine.travel(AT_NOON_IN_SHANGHAI, tick=False)
def test_a_child_whose_registration_is_over_is_told_so_and_not_asked_about_points(client):
    html = page(client.get(URL, {"child_birth": "2011-03-01"}))  # 中考 2026: registration December 2025

    text = re.sub(r"<[^>]+>", "", html)
    assert "按 2021 年的安排推算，2026 年中考的报名应已在 2025年12月23日前后截止。" in text
    assert "孩子已经错过或参加过这次中考的，升学安排请向孩子的学校或区招生考试机构咨询" in text
    assert "本站没有收录 2026 年公布的报名时间，上面按 2021 年公布的安排推算" in text
    assert "报名时间还没有公布" not in text
    assert "距离最晚拿到" not in text
    assert "您的积分赶得上吗" not in text and "补报名的安排" not in text


@time_machine.travel(AT_NOON_IN_SHANGHAI, tick=False)
def test_while_late_registration_is_open_the_parent_is_told_until_when(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        RegistrationWindow.objects.create(
            year=2027,
            opens=datetime(2026, 11, 10).date(),
            closes=datetime(2026, 11, 20).date(),
            late_until=datetime(2026, 12, 10).date(),
            source="2027 年中考报名通知",
            verified_on=datetime(2026, 11, 1).date(),
        )
    text = re.sub(r"<[^>]+>", "", page(client.get(URL, {"child_birth": "2012-03-01"})))  # 中考 2027

    assert "这一年的中考统一报名已经结束，补报名最迟到 2026年12月10日。" in text
    assert "请尽快向孩子的学校或区招生考试机构问问补报名的安排" in text


@pytest.mark.parametrize(
    ("birth", "message"),
    [
        ("2015-02-30", "2015年2月没有30日"),
        ("", "请填写孩子的出生日期。"),
        ("2099-01-01", "出生日期不能晚于一年以后"),
    ],
)
def test_a_wrong_date_comes_back_with_a_chinese_message(client, birth, message):
    html = page(client.get(URL, {"child_birth": birth}))

    assert "请修改以下问题" in html
    assert message in html
    assert "年中考</h2>" not in html


def test_a_shared_link_with_tracking_parameters_shows_the_empty_form(client):
    html = page(client.get(URL, {"from": "singlemessage"}))

    assert "请修改以下问题" not in html


@time_machine.travel(AT_NOON_IN_SHANGHAI, tick=False)
def test_a_parent_already_at_120_is_told_to_apply_before_the_last_day(client):
    token = self_test(PASSING)

    html = page(client.get(URL, {"child_birth": "2015-05-01", "result": token}))

    assert "您的积分自测结果是 154 分" in html
    assert "已经达到 120 分：请单位在 2029年11月9日 前提交积分申请" in html
    assert f'href="/jifen/result/{token}/"' in html
    assert f'name="result" value="{token}"' in html  # kept for the next date they try


@time_machine.travel(AT_NOON_IN_SHANGHAI, tick=False)
def test_a_parent_over_60_is_never_told_they_are_already_at_120(client):
    # 62 周岁: 0 + 60 + 60 (中级职称) + 24 = 144 ≥ 120, but the points system does not cover them.
    token = self_test({**PASSING, "age": 62})

    html = page(client.get(URL, {"child_birth": "2015-05-01", "result": token}))

    assert "已经达到 120 分" not in html
    assert "自测结果里「年龄」62 周岁不在积分制度适用范围内，不能通过积分申请" in html


@time_machine.travel(AT_NOON_IN_SHANGHAI, tick=False)
def test_seven_more_years_is_too_late_for_a_child_with_中考_in_2030(client):
    token = self_test(SEVEN_YEARS_SHORT)

    html = page(client.get(URL, {"child_birth": "2015-05-01", "result": token}))

    # The quickest dated route (calculator/planner.py): the 0.8 倍 base tier, 36 months (waiting: 2033-12).
    assert "预计 2029年12月 才达到 120 分，晚于积分申请的最晚受理日 2029年11月9日，赶不上。" in html
    assert "这些办法可能更快" in html


@time_machine.travel(AT_NOON_IN_SHANGHAI, tick=False)
def test_seven_more_years_is_in_time_for_a_younger_child(client):
    token = self_test(SEVEN_YEARS_SHORT)

    html = page(client.get(URL, {"child_birth": "2022-01-01", "result": token}))

    assert "2037 年中考" in html
    assert "预计 2029年12月 达到 120 分，早于积分申请的最晚受理日 2036年11月" in html
    assert "赶得上" in html


def test_an_unknown_result_token_is_mentioned_not_fatal(client):
    html = page(client.get(URL, {"child_birth": "2015-05-01", "result": "nope"}))

    assert "没有找到您带来的积分自测结果" in html
    assert "年中考</h2>" in html


@pytest.mark.parametrize("query", [{}, {"child_birth": "2015-05-01"}])
def test_a_malformed_result_id_is_the_chinese_not_found_message(client, query):
    # 40 characters, longer than any token: was "Result：确保该变量包含不超过 32 字符" and no timeline.
    html = page(client.get(URL, {**query, "result": "a" * 40}))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "没有找到您带来的积分自测结果（链接可能不完整），下面只按孩子的出生日期计算。" in text
    assert "请修改以下问题" not in text
    assert "Result" not in text
    assert ("年中考</h2>" in html) == bool(query)


def test_without_a_self_test_the_page_offers_one(client):
    html = page(client.get(URL, {"child_birth": "2015-05-01"}))

    assert '<a class="btn btn-outline-primary" href="/jifen/">去做积分自测</a>' in html


def test_a_warm_page_from_a_self_test_runs_at_most_three_queries(client, django_assert_max_num_queries):
    query = {"child_birth": "2015-05-01", "result": self_test(SEVEN_YEARS_SHORT)}
    page(client.get(URL, query))

    with django_assert_max_num_queries(3):
        page(client.get(URL, query))


def test_the_empty_page_is_kept_for_everyone_until_an_editor_changes_a_route(
    client, django_capture_on_commit_callbacks
):
    route = RouteWithoutPoints.objects.filter(active=True).first()
    assert route.name in page(client.get(URL))  # now kept (schooling/views.py)
    with django_capture_on_commit_callbacks(execute=True):
        route.name = "随迁子女就读公办学校的其他途径"
        route.save()
    assert "随迁子女就读公办学校的其他途径" in page(client.get(URL))


def test_a_parents_own_result_is_never_shown_on_the_kept_empty_page(client):
    from django.test import Client

    page(Client().get(URL))
    token = self_test(PASSING)
    own = page(client.get(URL, {"result": token}))
    assert token in own
    assert token not in page(Client().get(URL))


@time_machine.travel(AT_NOON_IN_SHANGHAI, tick=False)
def test_a_last_application_day_weeks_behind_us_is_called_past(client):
    # 中考 2027: registration still ahead, but the last day to apply in time was 2026年11月11日, 21 days ago
    # (whole months round that to 0: the page compares the days).
    html = page(client.get(URL, {"child_birth": "2011-10-01", "result": self_test(PASSING)}))

    assert '<time datetime="2026-11-11">2026年11月11日</time>' in html
    assert "前把积分申请提交并被受理——这一天已经过了，请尽快咨询。" in html
    assert "距今已不到一个月" not in html
    assert "已经达到 120 分，但按" in html and "积分申请的最晚受理日 2026年11月11日 已经过了" in html
    assert "更快的加分办法" not in html  # no route to 120 is quicker for someone already there
