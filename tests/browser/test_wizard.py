"""The self-test on a 390×844 phone, with JavaScript and without, ends on the engine's total."""

import importlib
import re

import pytest
from django.apps import apps

from calculator.engine import Answers, score
from calculator.rulesets import ruleset_in_force

ANSWERS = {
    "age": 38,
    "education": "bachelor",
    "title_skill": "mid_title",
    "title_base_ok": True,
    "social_insurance_years": 6,
    "award": "municipal_special",
}


@pytest.fixture
def default_rules(live_server):
    # live_server empties the tables after each test; put the default ruleset back the way migrate does.
    migration = importlib.import_module("calculator.migrations.0002_default_ruleset")
    migration.install_default_ruleset(apps, None)


def expected_total():
    return score(ruleset_in_force(), Answers(ANSWERS)).total


def fill_basic_step(page):
    page.fill("#id_age", "38")
    page.select_option("#id_education", "bachelor")
    page.select_option("#id_title_skill", "mid_title")


def assert_first_screen_has_the_result_button(page):
    """The summary: 查看结果 within the first screen of the phone, 清空 well away from it (issue 11)."""
    screen = page.viewport_size["height"]
    assert page.evaluate("window.scrollY") == 0
    result = page.locator("button:has-text('查看结果')").bounding_box()
    clear = page.locator("button:has-text('清空所有答案')").bounding_box()
    assert result["y"] + result["height"] <= screen, f"查看结果 ends at {result['y'] + result['height']} px"
    assert clear["y"] >= result["y"] + result["height"] + 100, "清空 right under 查看结果 invites a mis-tap"


def finish(page):
    page.fill("#id_social_insurance_years", "6")
    page.click("button:has-text('下一步')")
    page.check("#id_has_award")
    if not page.is_visible("#id_award_1"):
        page.click("button:has-text('下一步')")  # without JavaScript the detail is asked after "是"
    page.check("#id_award_1")
    page.click("button:has-text('下一步')")
    page.click("button:has-text('下一步：核对答案')")
    assert "核对您的答案" in page.inner_text("h1")
    assert_first_screen_has_the_result_button(page)
    page.click("button:has-text('查看结果')")
    total = page.get_attribute("[data-total]", "data-total")
    return int(total)


def test_the_wizard_with_javascript(phone, live_server, default_rules):
    phone.goto(live_server.url + "/jifen/")
    phone.click("text=开始自测")
    assert not phone.is_visible("#id_title_base_ok_0")
    fill_basic_step(phone)
    # The script reveals the base-condition question as soon as the title needs it.
    assert phone.is_visible("#id_title_base_ok_0")
    phone.check("#id_title_base_ok_0")
    phone.click("button:has-text('下一步')")
    assert re.search(r"第 2 步，共 4 步", phone.content())
    assert finish(phone) == expected_total() == 30 + 100 + 18 + 30
    phone.locator("text=复制链接").wait_for(state="visible")
    assert phone.csp_violations == []


def test_the_wizard_without_javascript(phone_without_js, live_server, default_rules):
    page = phone_without_js
    page.goto(live_server.url + "/jifen/basic/")
    fill_basic_step(page)
    page.click("button:has-text('下一步')")
    # Without the script the server asks the base-condition question after the title is known.
    assert page.is_visible("#id_title_base_ok_0")
    page.check("#id_title_base_ok_0")
    page.click("button:has-text('下一步')")
    assert finish(page) == expected_total()
    assert not page.is_visible("text=复制链接")


def test_the_result_prints_on_one_a4_page(chromium, live_server, default_rules):
    from django.test import Client

    from tests.calculator.wizard import complete

    # A long result: every bonus answered, deductions and a notice.
    response = complete(
        Client(),
        {"age": "62", "education": "master", "title_skill": "senior_title", "title_base_ok": "yes"},
        {"social_insurance_years": "20", "si_base_tier": "x2", "recent_contributions": "no"},
        {
            "has_award": "on",
            "award": "provincial_or_above",
            "has_spouse_hukou_years": "on",
            "spouse_hukou_years": "3",
            "shortage_major": "on",
        },
        {"detention_count": "1"},
    )
    page = chromium.new_page()
    page.goto(live_server.url + response.wsgi_request.path)
    pdf = page.pdf(format="A4")
    page.close()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1
