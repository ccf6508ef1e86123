"""The summary before the result: what the person answered and what has no default, 查看结果 first,
everything else folded but each answer still one 修改 away, and 清空 well apart from 查看结果."""

import pytest

from tests.calculator.wizard import BONUS_NO, DEDUCTIONS_NONE, INSURANCE_DEFAULT
from tests.html_tree import parse

pytestmark = pytest.mark.django_db


def answer(client, basic=None, insurance=None, bonus=None, deductions=None):
    for slug, data in [
        ("basic", {"age": "30", "education": "bachelor", "title_skill": "none", **(basic or {})}),
        ("insurance", {**INSURANCE_DEFAULT, "social_insurance_years": "3", **(insurance or {})}),
        ("bonus", {**BONUS_NO, **(bonus or {})}),
        ("deductions", {**DEDUCTIONS_NONE, **(deductions or {})}),
    ]:
        assert client.post(f"/jifen/{slug}/", data).status_code == 302
    return parse(client.get("/jifen/check/").content)


def labels(rows):
    return [row.find("dt").text() for row in rows]


def rows_outside_the_fold(tree):
    folded = set(map(id, tree.find("details", class_="answer-defaults").find_all("div", class_="answer-row")))
    return [row for row in tree.find_all("div", class_="answer-row") if id(row) not in folded]


def test_only_answers_that_differ_from_the_defaults_and_the_required_ones_are_open(client):
    tree = answer(client, bonus={"shortage_major": "on"}, deductions={"detention_count": "1"})
    assert labels(rows_outside_the_fold(tree)) == [
        "年龄（周岁）",
        "最高学历学位",
        "在沪缴纳职工社保年限（年）",
        "最近 12 个月里，是否至少有 6 个月在上海正常缴纳职工社保？",  # defaults to 是: never folded
        "紧缺急需专业",
        "行政拘留（次）",
    ]


def test_every_other_answer_is_folded_with_its_change_link(client):
    tree = answer(client)
    folded = tree.find("details", class_="answer-defaults")
    rows = folded.find_all("div", class_="answer-row")
    assert folded.find("summary").text() == f"其余 {len(rows)} 项（没有、否或 0）"
    assert "职称或职业技能等级" in labels(rows) and "严重刑事犯罪记录" in labels(rows)
    assert "是" not in {row.find("dd").text() for row in rows}, "the fold says 没有、否或 0"
    # Each unticked bonus appears once (its yes/no), not also as its hidden detail.
    assert labels(rows).count("在沪工作期间获得的表彰") == 1
    for row in rows:
        assert row.find("a").text().startswith("修改")
        assert "?next=check#field-" in row.find("a")["href"]


def test_a_ticked_bonus_shows_its_detail_not_the_tick(client):
    tree = answer(client, bonus={"has_award": "on", "award": "municipal_special"})
    open_rows = {row.find("dt").text(): row.find("dd").text() for row in rows_outside_the_fold(tree)}
    assert open_rows["在沪工作期间获得的表彰"] == "市级机关专项表彰"


def test_few_recent_contributions_are_shown_as_an_answer(client):
    tree = answer(client, insurance={"recent_contributions": "no"})
    assert "最近 12 个月里，是否至少有 6 个月在上海正常缴纳职工社保？" in labels(rows_outside_the_fold(tree))


def test_see_the_result_comes_first_and_clearing_comes_last(client):
    answer(client)
    page = client.get("/jifen/check/").content.decode()
    assert page.index("查看结果") < page.index('class="answer-row"')
    assert page.index('class="answer-defaults"') < page.index("清空所有答案")
    assert page.index("查看结果") < page.index("restart-rule") < page.index("清空所有答案")
