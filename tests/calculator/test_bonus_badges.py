"""Each bonus row on the 加分项 step says what ticking it can bring, worked out from the ruleset's
indicator: an editor who changes a value changes the row."""

import datetime

import pytest

from calculator import engine
from calculator.forms import bonus_badge
from tests.html_tree import parse


def ruleset(*indicators, groups=()):
    return engine.Ruleset(
        version="t",
        name="test",
        effective_from=datetime.date(2026, 1, 1),
        threshold=120,
        floor=0,
        indicators=indicators,
        groups=groups,
    )


def bonus(key, kind, **values):
    return engine.Indicator(key=key, label=key, category=engine.BONUS, kind=kind, **values)


def test_a_yes_or_no_bonus_shows_its_points():
    flag = bonus("shortage_major", engine.FLAG, points=30)
    assert bonus_badge(ruleset(flag), flag) == "+30 分"


def test_a_choice_shows_its_highest_option():
    award = bonus(
        "award",
        engine.CHOICE,
        options=(
            engine.Option("none", "没有", 0),
            engine.Option("a", "甲", 30),
            engine.Option("b", "乙", 110),
        ),
    )
    assert bonus_badge(ruleset(award), award) == "最高 +110 分"


def test_a_capped_count_shows_its_cap():
    spouse = bonus("spouse_hukou_years", engine.PER_UNIT, points_per_unit=4, cap=40, unit="年")
    assert bonus_badge(ruleset(spouse), spouse) == "最高 +40 分"


def test_a_count_in_a_capped_group_shows_the_groups_cap():
    tax = bonus("investment_tax_wan", engine.PER_UNIT, points_per_unit=10, unit_size=10, group="investment")
    rules = ruleset(tax, groups=(engine.Group("investment", "投资", cap=120),))
    assert bonus_badge(rules, tax) == "最高 +120 分"


def test_an_uncapped_count_shows_its_rate():
    service = bonus("public_service_years", engine.PER_UNIT, points_per_unit=4, unit_size=1, unit="年")
    assert bonus_badge(ruleset(service), service) == "每满 1 年 +4 分"


@pytest.mark.django_db
def test_the_rows_show_the_badges_of_the_ruleset_in_force(client):
    from calculator.rulesets import ruleset_in_force

    rules = ruleset_in_force()
    document = parse(client.get("/jifen/bonus/").content)
    labels = {label.get("for"): label for label in document.find_all("label")}
    shown = 0
    for indicator in rules.active_indicators:
        box = document.by_id(f"id_has_{indicator.key}") or document.by_id(f"id_{indicator.key}")
        if indicator.category != engine.BONUS or box is None or box.get("type") != "checkbox":
            continue
        badge = labels[box["id"]].find("span", class_="choice-badge")
        assert badge.text() == bonus_badge(rules, indicator), indicator.key
        shown += 1
    assert shown >= 5
