"""/jifen/rules/: every value the self-test scores with, each with its basis and review date; 待核实 where
no editor has checked it against the Chinese text. It follows an editor's change at once."""

import datetime

import pytest
from django.db.models import Q

from calculator.models import Indicator, Option, RuleSet
from tests.html_tree import parse

pytestmark = pytest.mark.django_db
URL = "/jifen/rules/"


def text(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_every_active_indicator_is_listed_with_its_values_and_basis(client):
    html = text(client)
    tree = parse(html.encode())
    for indicator in Indicator.objects.filter(ruleset__version="2023-01", active=True).exclude(
        kind="condition"
    ):
        (item,) = [li for li in tree.find_all("li") if li.get("id") == f"rule-{indicator.key}"]
        assert indicator.label in item.text()
        assert "依据：" in item.text()
    assert "硕士研究生学历学位：100 分" in html  # an option with its points (RULES.md)
    assert "44 周岁：29 分" in html and "16–43 周岁：30 分" in html  # the age bands
    assert "每满 1 年计 3 分" in html  # social insurance
    assert "依据：依据：" not in html
    assert "发布前请" not in html  # an instruction to editors, not to readers (calculator migration 0011)


def item_text(client, key):
    tree = parse(text(client).encode())
    (item,) = [li for li in tree.find_all("li") if li.get("id") == f"rule-{key}"]
    return item.text()


def test_a_level_held_back_by_a_condition_says_so(client):
    # RULES.md: 中级职称, 二级, 一级 and 高级职称 score nothing unless the base condition is met.
    titles = item_text(client, "title_skill")
    condition = "（还须满足“社保缴费基数达到上年度全市职工平均工资”，否则计 0 分）"
    assert f"中级职称：100 分{condition}" in titles
    assert f"高级职称：140 分{condition}" in titles
    assert f"三级（高级工）：60 分{condition}" not in titles
    explained = "“社保缴费基数达到上年度全市职工平均工资”是指：最近 12 个月里，至少有 6 个月的社保缴费基数"
    assert explained in titles
    # The condition carries its own basis and check state, besides the item's.
    items = parse(text(client).encode()).find_all("li")
    item = next(li for li in items if li.get("id") == "rule-title_skill")
    assert len(item.find_all("div", class_="rule-condition")) == 1
    assert "依据：" in item.find("div", class_="rule-condition").text()


def test_the_conditions_of_an_item_are_shown_with_its_values(client):
    assert "补缴的月份、非签约单位代缴的不算" in item_text(client, "social_insurance_years")
    assert "近 5 年受到行政拘留的次数" in item_text(client, "detention_count")


def test_an_item_without_its_own_cap_in_a_capped_group_is_not_called_uncapped(client):
    investment = item_text(client, "investment_tax_wan")
    assert "不封顶" not in investment
    assert "规则没有写明本项上限。属于" in investment and "最多 120 分" in investment


def test_what_nobody_has_checked_says_so_and_a_checked_value_shows_its_date(
    client, django_capture_on_commit_callbacks
):
    html = text(client)
    # A condition is shown, with its source, under the levels it holds back.
    held_back_by = Option.objects.filter(indicator__ruleset__version="2023-01").exclude(requires="")
    waiting = Indicator.objects.filter(ruleset__version="2023-01", active=True, verified_on=None).exclude(
        Q(kind="condition") & ~Q(key__in=held_back_by.values("requires"))
    )
    assert waiting.filter(kind="condition").exists()
    before = waiting.count()
    assert html.count("待核实</strong>") == before
    assert (
        f"其中 {before} 项本站还没有对照人社部门公布的中文原文逐项核对" in html
    )  # the items listed, no more

    age = Indicator.objects.get(ruleset__version="2023-01", key="age")
    with django_capture_on_commit_callbacks(execute=True):  # the rules' stamp moves on commit
        age.verified_on = datetime.date(2026, 12, 1)
        age.save()
    html = text(client)
    assert html.count("待核实</strong>") == before - 1
    assert '核对于 <time datetime="2026-12-01">2026年12月1日</time>' in html


def test_the_start_page_and_every_result_link_here(client):
    from calculator.samples import example_result_path

    assert 'href="/jifen/rules/"' in client.get("/jifen/").content.decode()
    assert 'href="/jifen/rules/"' in client.get(example_result_path()).content.decode()


def test_the_editors_instruction_comes_back_when_the_migration_is_reversed():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("calculator.migrations.0011_basis_without_editor_instruction")
    migration.restore_instruction(apps, None)
    age = Indicator.objects.get(ruleset__version="2023-01", key="age")
    assert age.basis.endswith("。发布前请对照市人社局网站的中文原文核对。")
    migration.remove_instruction(apps, None)
    assert not Indicator.objects.get(pk=age.pk).basis.endswith("发布前请对照市人社局网站的中文原文核对。")


def test_the_rules_api_names_the_validity_basis_without_notes_to_editors(client):
    import importlib

    from django.apps import apps

    basis = client.get("/api/v1/rules").json()["valid_until_basis"]
    assert basis == (
        "《上海市居住证积分管理办法》（沪府规〔2022〕21号）："
        "2023 年 1 月 1 日起施行，有效期至 2027 年 12 月 31 日。"
    )
    migration = importlib.import_module("calculator.migrations.0012_validity_basis_for_readers")
    migration.as_seeded(apps, None)
    assert "RULES.md" in RuleSet.objects.get(version="2023-01").valid_until_basis


def test_the_values_are_grouped_under_the_four_categories_in_order(client):
    tree = parse(text(client).encode())
    headings = [h.text().strip() for h in tree.find_all("h2") if (h.get("id") or "").startswith("rules-")]
    assert headings == ["基础指标", "加分指标", "减分指标", "一票否决"]
