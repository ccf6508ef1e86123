"""On a phone, the error summary of /consult/ has focus after a failed submit, and each of its links puts
focus in its field with the field's question in view (static/js/error-summary.js)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("seeded_transactional_db")]

IN_VIEW = """id => {
  const field = document.getElementById(id);
  const question = field.type === "radio" ? field.closest("fieldset").querySelector("legend")
    : document.querySelector(`label[for="${id}"]`);
  const box = question.getBoundingClientRect();
  return box.top > -1 && box.bottom <= innerHeight;  // scrolling lands on whole pixels
}"""


def test_each_link_of_the_summary_moves_focus_to_its_field(phone, live_server):
    phone.goto(live_server.url + "/consult/")
    phone.get_by_role("button", name="提交咨询").last.click()
    summary = phone.locator(".error-summary")
    summary.wait_for()
    # The deferred script runs after the summary is in the page: expect() waits for it rather than race it.
    expect(summary).to_be_focused()
    targets = [link.get_attribute("href")[1:] for link in summary.locator("a").all()]
    assert targets == ["id_name", "id_phone", "id_code", "id_service_0", "id_consent"]
    for target in targets:
        summary.locator(f'a[href="#{target}"]').click()
        assert phone.evaluate("document.activeElement.id") == target
        assert phone.evaluate(IN_VIEW, target), f"the question of {target} is out of view"
    assert phone.csp_violations == []


def test_without_javascript_the_summary_comes_before_the_form(phone_without_js, live_server):
    phone_without_js.goto(live_server.url + "/consult/")
    phone_without_js.get_by_role("button", name="提交咨询").last.click()
    main_text = phone_without_js.inner_text("main")
    assert main_text.startswith("请修改以下问题\n您的称呼：请填写您的称呼。")
    summary = phone_without_js.locator(".error-summary")
    summary.locator('a[href="#id_service_0"]').click()
    assert phone_without_js.url.endswith("#id_service_0")


def test_a_message_goes_once_its_field_is_changed_and_the_summary_with_the_last_one(phone, live_server):
    phone.goto(live_server.url + "/consult/")
    phone.get_by_role("button", name="提交咨询").last.click()
    summary = phone.locator(".error-summary")
    expect(summary).to_be_focused()
    name_message = phone.locator("#field-name .invalid-feedback")
    expect(name_message).to_be_visible()

    phone.fill("#id_name", "王先生")
    expect(name_message).to_be_hidden()
    name = phone.locator("#id_name")
    expect(name).not_to_have_attribute("aria-invalid", "true")
    # Not read out either: the field no longer names the hidden message.
    assert "id_name_error" not in (name.get_attribute("aria-describedby") or "")
    expect(phone.locator("#field-name")).not_to_have_class(re.compile(r"\bfield-invalid\b"))
    expect(phone.locator("#field-phone")).to_have_class(re.compile(r"\bfield-invalid\b"))
    assert [link.get_attribute("href") for link in summary.locator("a").all()] == [
        "#id_phone",
        "#id_code",
        "#id_service_0",
        "#id_consent",
    ]
    expect(phone.locator("#field-phone .invalid-feedback")).to_be_visible()  # not changed, still said

    phone.fill("#id_phone", "13812345678")
    phone.fill("#id_code", "123456")
    phone.locator("#id_service_0").check()
    phone.locator("#id_consent").check()
    expect(summary).to_be_hidden()
    assert phone.csp_violations == []
