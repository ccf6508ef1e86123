"""The self-test done with a keyboard alone on a 390×844 phone: Tab, Space, Enter and arrow keys.

Every element that takes focus shows a ring (a computed outline or box-shadow) and is on screen, and Tab
only ever moves forward through the page in reading order. A mistake brings the error summary, which
has focus when the page loads and whose link leads back into the field.
"""

import importlib

import pytest
from django.apps import apps
from playwright.sync_api import expect

from calculator.engine import Answers, score
from calculator.rulesets import ruleset_in_force

FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    id: element.id,
    tag: element.tagName.toLowerCase(),
    type: element.type || "",
    value: element.value === undefined ? "" : String(element.value),
    checked: Boolean(element.checked),
    text: (element.innerText || "").trim(),
    classes: String(element.className),
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
    position: Array.prototype.indexOf.call(document.querySelectorAll("*"), element),
  };
}"""


@pytest.fixture
def default_rules(live_server):
    # live_server empties the tables after each test; put the default ruleset back the way migrate does.
    migration = importlib.import_module("calculator.migrations.0002_default_ruleset")
    migration.install_default_ruleset(apps, None)


def focused(page):
    return page.evaluate(FOCUSED)


def assert_visibly_focused(element):
    assert element["ring"], f"no visible focus indicator on {element}"
    assert element["onScreen"], f"the focused element is off screen: {element}"


def tab_to(page, wanted, limit=40):
    """Press Tab until `wanted(focused element)`; every stop is visibly focused and after the last one."""
    last = -1
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert_visibly_focused(element)
        assert element["position"] > last, f"Tab moved focus backwards to {element}"
        last = element["position"]
        if wanted(element):
            return element
    raise AssertionError(f"Tab never reached the element wanted (last: {element})")


def by_id(element_id):
    return lambda element: element["id"] == element_id


def by_text(text):
    return lambda element: element["text"] == text


def arrow_down_until(page, value, limit=12):
    for _ in range(limit):
        if focused(page)["value"] == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never chose {value}")


def test_the_wizard_can_be_completed_with_the_keyboard_alone(phone, live_server, default_rules):
    phone.goto(live_server.url + "/jifen/")
    skip = tab_to(phone, lambda element: True)
    assert skip["text"] == "跳到正文"
    phone.keyboard.press("Enter")
    tab_to(phone, by_text("开始自测"))
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/jifen/basic/")

    # Step 1, first with a mistake: an age under 16 and no education chosen.
    tab_to(phone, by_id("id_age"))
    phone.keyboard.type("5")
    phone.keyboard.press("Enter")
    # The summary takes focus from a deferred script: wait for it rather than read the focus too early.
    expect(phone.locator(".error-summary")).to_be_focused()
    summary = focused(phone)
    assert "error-summary" in summary["classes"]
    assert summary["text"].startswith("请修改以下问题")
    assert_visibly_focused(summary)
    tab_to(phone, lambda element: element["text"].startswith("年龄"))
    phone.keyboard.press("Enter")
    assert focused(phone)["id"] == "id_age"
    phone.keyboard.press("ArrowRight")  # the caret starts before the 5
    phone.keyboard.press("Backspace")
    phone.keyboard.type("30")
    tab_to(phone, by_id("id_education"))
    arrow_down_until(phone, "master")
    tab_to(phone, by_text("下一步"))
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/jifen/insurance/")

    tab_to(phone, by_id("id_social_insurance_years"))
    phone.keyboard.type("3")
    # A group of radio buttons is one Tab stop, on the answer already chosen.
    tier = tab_to(phone, lambda element: element["type"] == "radio")
    assert tier["id"] == "id_si_base_tier_0" and tier["checked"]
    recent = tab_to(phone, lambda element: element["type"] == "radio")
    assert recent["id"] == "id_recent_contributions_0" and recent["checked"]
    tab_to(phone, by_text("下一步"))
    phone.keyboard.press("Space")
    phone.wait_for_url("**/jifen/bonus/")

    tab_to(phone, by_id("id_has_award"))
    phone.keyboard.press("Space")
    # The script reveals the question as soon as the box is ticked; arrows choose within it.
    first = tab_to(phone, lambda element: element["type"] == "radio")
    assert first["id"] == "id_award_0"
    phone.keyboard.press("ArrowDown")
    award = focused(phone)
    assert award["checked"] and award["value"] == "municipal_special"
    tab_to(phone, by_text("下一步"))
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/jifen/deductions/")

    tab_to(phone, by_text("下一步：核对答案"))
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/jifen/check/")

    tab_to(phone, by_text("查看结果"))
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/jifen/result/*/")

    answers = {"age": 30, "education": "master", "social_insurance_years": 3, "award": "municipal_special"}
    expected = score(ruleset_in_force(), Answers(answers)).total
    assert int(phone.get_attribute("[data-total]", "data-total")) == expected
    assert phone.csp_violations == []
