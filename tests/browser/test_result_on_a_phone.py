"""The result on a 390×844 phone: the quickest routes in the first screen, zero rows folded, next steps for
a pass, 试一试 with and without JavaScript, and no accessibility violation in any state of the page."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from calculator.models import Assessment
from calculator.results import save_assessment
from calculator.rulesets import ruleset_in_force
from tests.browser.conftest import PHONE_VIEWPORT
from tests.browser.test_accessibility import audited_phone, axe_source, axe_violations  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)

FAILING = {"age": 30, "education": "bachelor", "social_insurance_years": 3}  # 99: gap 21
PASSING = {"age": 30, "education": "master", "social_insurance_years": 3}  # 139
STATES = {
    "failing": FAILING,
    "passing": PASSING,
    "vetoed": {**PASSING, "veto_serious_crime": True},
    "over sixty": {"age": 62, "education": "doctor", "social_insurance_years": 10},
    "nothing reaches": {"age": 60, "detention_count": 2},
    "a record that lapses": {
        "age": 29,
        "education": "master",
        "social_insurance_years": 3,
        "detention_count": 1,
    },
}


def result_path(answers):
    return reverse("calculator:result", args=[save_assessment(ruleset_in_force(), answers, True).token])


def planned_routes(answers):
    body = json.dumps(
        {**answers, "today": Assessment.objects.latest("created_at").created_at.date().isoformat()}
    )
    return Client().post("/api/v1/plan", body, content_type="application/json").json()["routes"]


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_a_failing_result_shows_score_gap_and_the_top_three_routes_in_the_first_screen(
    phone, seeded_live_server
):
    phone.goto(seeded_live_server.url + result_path(FAILING))
    assert phone.evaluate("window.scrollY") == 0
    assert phone.inner_text(".result-gap").strip().endswith("还差 21 分")
    routes = phone.locator("[data-route]")
    assert routes.count() == len(planned_routes(FAILING)) >= 3
    for index in range(3):
        bottom = routes.nth(index).bounding_box()
        assert bottom["y"] + bottom["height"] <= PHONE_VIEWPORT["height"], f"route {index} needs scrolling"
    first = routes.first
    assert first.locator(".route-when").is_visible()
    assert first.locator(".route-effort").inner_text().startswith("需要：")
    assert first.locator(".route-try").is_visible()
    assert phone.csp_violations == []


def test_zero_rows_are_folded_until_asked(phone, seeded_live_server):
    phone.goto(seeded_live_server.url + result_path(FAILING))
    assert phone.locator('[data-item="education"]').is_visible()
    zero = phone.locator('details.score-zero [data-item="award"]')
    assert zero.get_attribute("data-points") == "0"
    assert not zero.is_visible()
    phone.click("details.score-zero summary")
    assert zero.is_visible()


def test_a_passing_result_shows_the_next_step(phone, seeded_live_server):
    phone.goto(seeded_live_server.url + result_path(PASSING))
    section = phone.locator("[data-next-steps]")
    assert section.is_visible()
    assert section.locator("h2").inner_text().startswith("下一步")
    heading = section.locator("h2").bounding_box()
    assert heading["y"] < PHONE_VIEWPORT["height"]
    assert section.locator("a").count() == 3  # two next-step guides and the 居转户 check
    assert phone.locator("[data-route]").count() == 0


@pytest.mark.parametrize("java_script", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_try_recomputes_the_result_without_storing_it(chromium, seeded_live_server, java_script):
    from tests.browser.conftest import open_phone_page

    page = open_phone_page(chromium, java_script_enabled=java_script)
    path = result_path(FAILING)
    expected = planned_routes(FAILING)[0]
    page.goto(seeded_live_server.url + path)
    page.click("[data-route='0'] .route-try")
    assert "/try/" in page.url
    assert int(page.get_attribute("[data-total]", "data-total")) == 99 + expected["gain"]
    assert "原来 99 分" in page.inner_text(".result-gap")
    assert Assessment.objects.count() == 1
    # The quickest route lies years ahead (age and insurance years move): shown, never stored as today's.
    assert "不能存为新结果" in page.inner_text("[data-not-today]")
    assert page.locator("button:has-text('存为新结果')").count() == 0
    page.goto(seeded_live_server.url + path + "try/?si_base_tier=x0_8")
    page.click("button:has-text('存为新结果')")
    page.wait_for_url("**/jifen/result/*/")
    assert Assessment.objects.count() == 2
    assert int(page.get_attribute("[data-total]", "data-total")) == 99 + 25
    page.context.close()


def test_a_refused_copy_selects_the_link_for_a_long_press(phone, seeded_live_server):
    # WeChat's browser often refuses the clipboard: the button must not just sit there.
    phone.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));"
    )
    phone.goto(seeded_live_server.url + result_path(FAILING))
    copy = phone.locator("[data-copy]")
    expect(copy).to_have_text("复制链接")
    copy.click()
    expect(copy).to_have_text("请长按上面的链接复制")
    assert phone.evaluate("String(window.getSelection())") == phone.inner_text(".share-link")


def test_a_copied_link_says_so(phone, seeded_live_server):
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone.goto(seeded_live_server.url + result_path(FAILING))
    copy = phone.locator("[data-copy]")
    expect(copy).to_have_text("复制链接")
    copy.click()
    expect(copy).to_have_text("已复制")
    assert phone.evaluate("navigator.clipboard.readText()") == phone.inner_text(".share-link")


WECHAT = (
    "Mozilla/5.0 (Linux; Android 14; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile "
    "Safari/537.36 XWEB/1160117 MMWEBSDK/20240404 MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin"
)


@pytest.mark.parametrize(
    ("user_agent", "offered"), [(None, True), (WECHAT, False)], ids=["a browser", "WeChat"]
)
def test_print_is_offered_only_where_it_works(chromium, seeded_live_server, user_agent, offered):
    options = {"user_agent": user_agent} if user_agent else {}
    context = chromium.new_context(viewport=PHONE_VIEWPORT, is_mobile=True, locale="zh-CN", **options)
    page = context.new_page()
    page.goto(seeded_live_server.url + result_path(FAILING))  # waits for "load": the deferred script has run
    assert page.get_by_role("button", name="打印或存为 PDF").is_visible() is offered
    assert page.get_by_role("button", name="复制链接").is_visible()
    context.close()


@pytest.mark.parametrize("state", STATES, ids=str)
def test_every_result_state_has_no_violations(audited_phone, seeded_live_server, axe_source, state):  # noqa: F811
    audited_phone.goto(seeded_live_server.url + result_path(STATES[state]))
    for summary in audited_phone.locator("details summary").all():
        summary.click()  # the folded rows, the routes' details and the hints are audited open too
    assert axe_violations(audited_phone, axe_source) == []


def test_the_preview_has_no_violations(audited_phone, seeded_live_server, axe_source):  # noqa: F811
    audited_phone.goto(seeded_live_server.url + result_path(FAILING))
    audited_phone.click("[data-route='0'] .route-try")
    assert axe_violations(audited_phone, axe_source) == []
