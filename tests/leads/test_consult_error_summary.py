"""/consult/ with problems lists them at its top, each linked to its field, and marks the fields invalid."""

import pytest

from tests.html_tree import parse
from tests.leads.helpers import lead_form, submit_lead

pytestmark = pytest.mark.django_db


def summary_links(document):
    summary = document.find("div", class_="error-summary")
    assert summary["tabindex"] == "-1"
    assert document.by_id(summary["aria-labelledby"]).text() == "请修改以下问题"
    return [(link["href"], link.text()) for link in summary.find_all("a")]


def test_the_blank_form_lists_every_problem_in_page_order(client):
    response = client.post("/consult/", {"action": "submit"})
    document = parse(response.content)
    assert summary_links(document) == [
        ("#id_name", "您的称呼：请填写您的称呼。"),
        ("#id_phone", "手机号码：请填写手机号码。"),
        # Nothing was asked for yet, so the first step is named, not the sixth.
        ("#id_code", "短信验证码：请先获取验证码，再填写短信中的 6 位数字。"),
        ("#id_service_0", "您需要的服务：请选择您需要的服务。"),
        ("#id_consent", "同意隐私保护声明：请阅读并勾选同意《隐私保护声明》，我们才能保存您的信息并回电。"),
    ]
    assert document.find("title").text().startswith("有错误：在线咨询")
    for field_id in ("id_name", "id_phone", "id_code", "id_service_0", "id_service_1", "id_consent"):
        field = document.by_id(field_id)
        assert field["aria-invalid"] == "true", field_id
        error = document.by_id(field["aria-describedby"].split()[0])
        assert error.has_class("invalid-feedback") and error.text().startswith("请"), field_id
    assert document.by_id("id_message").get("aria-invalid") is None


def test_a_form_without_problems_has_no_summary(client):
    document = parse(client.get("/consult/").content)
    assert document.find("div", class_="error-summary") is None
    assert not document.find_all(aria_invalid="true")
    # The hints are read with their fields even before anything goes wrong.
    assert document.by_id(document.by_id("id_phone")["aria-describedby"]).text() == "中国大陆手机号，可带 +86"


def test_a_problem_with_no_field_is_listed_without_a_link(client):
    document = parse(submit_lead(client, website="http://spam.example").content)
    summary = document.find("div", class_="error-summary")
    assert summary.find("ul").text() == "提交未成功，请刷新页面后重试。"
    assert summary.find_all("a") == []


def test_the_code_button_without_javascript_links_to_the_captcha(client):
    response = client.post("/consult/", lead_form(action="send_code", captcha_0="k", captcha_1="WRONG"))
    document = parse(response.content)
    message = "图片验证码不正确或已过期，请看新图片重新输入。"
    assert summary_links(document) == [("#id_captcha_1", f"图片验证码：{message}")]
    answer = document.by_id("id_captcha_1")
    assert answer["aria-invalid"] == "true"
    error_id, hint_id = answer["aria-describedby"].split()
    assert document.by_id(error_id).text() == message
    assert document.by_id(hint_id).text() == "输入图片中的字母（不分大小写），再点“获取验证码”。"
    # The CAPTCHA's hidden key carries none of the answer box's attributes (HTML allows none of them).
    key = document.find("input", name="captcha_0")
    assert set(key.attrs) == {"type", "name", "value"}
