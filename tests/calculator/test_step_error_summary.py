"""A step with errors lists them at its top, each linked to its field, and marks the fields invalid."""

import pytest

from tests.calculator.wizard import DEDUCTIONS_NONE
from tests.html_tree import parse

pytestmark = pytest.mark.django_db


def error_summary(document):
    return document.find("div", class_="error-summary")


def test_a_step_without_errors_has_no_summary(client):
    document = parse(client.get("/jifen/basic/").content)
    assert error_summary(document) is None
    assert not document.find_all(aria_invalid="true")


def test_the_summary_comes_first_and_can_take_focus(client):
    response = client.post("/jifen/basic/", {"age": "三十", "education": "", "title_skill": "none"})
    document = parse(response.content)
    summary = error_summary(document)
    assert summary["tabindex"] == "-1"
    assert summary["role"] == "alert"
    heading = document.by_id(summary["aria-labelledby"])
    assert heading.text() == "请修改以下问题"
    wizard = document.find("div", class_="wizard")
    assert wizard.text().index("请修改以下问题") < wizard.text().index("基本情况")
    assert document.find("title").text().startswith("有错误：基本情况")
    assert document.find("script", src="/static/js/error-summary.js") is not None


def test_each_error_links_to_its_input_which_points_back_at_the_message(client):
    response = client.post("/jifen/basic/", {"age": "三十", "education": "", "title_skill": "none"})
    document = parse(response.content)
    links = error_summary(document).find_all("a")
    assert [(link["href"], link.text()) for link in links] == [
        ("#id_age", "年龄（周岁）：请填写整数，只用阿拉伯数字，例如 5。"),
        ("#id_education", "最高学历学位：请选择最高学历学位。"),
    ]
    age = document.by_id("id_age")
    assert age.tag == "input"
    assert age["aria-invalid"] == "true"
    described = [document.by_id(i) for i in age["aria-describedby"].split()]
    assert described[0].text() == "请填写整数，只用阿拉伯数字，例如 5。"
    assert document.by_id("id_education")["aria-invalid"] == "true"
    # A field that is fine is not marked.
    assert document.by_id("id_title_skill").get("aria-invalid") is None


def test_a_question_answered_by_radio_buttons_links_to_its_first_choice(client):
    response = client.post("/jifen/deductions/", {**DEDUCTIONS_NONE, "veto_serious_crime": "maybe"})
    document = parse(response.content)
    (link,) = error_summary(document).find_all("a")
    assert link["href"] == "#id_veto_serious_crime_0"
    radios = document.find_all("input", name="veto_serious_crime")
    assert radios[0]["id"] == "id_veto_serious_crime_0"
    for radio in radios:
        assert radio["aria-invalid"] == "true"
        error_id, *help_ids = radio["aria-describedby"].split()
        assert document.by_id(error_id).text() == "请选择“是”或“否”。"
        assert all(document.by_id(help_id).has_class("form-text") for help_id in help_ids)
