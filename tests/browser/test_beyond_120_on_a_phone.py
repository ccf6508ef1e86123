"""The 居转户 self-check and the school timeline on a 390×844 phone, with JavaScript on and off:
the journeys work, nothing scrolls sideways, the CSP blocks nothing, and axe finds no WCAG 2.1 AA
violation in the states a person reaches (results, mistakes, a parent's own result)."""

import pytest
from django.utils import timezone

from tests.browser import test_accessibility as a11y
from tests.browser.conftest import open_phone_page
from tests.browser.test_accessibility import axe_violations

# The accessibility audit's own fixtures (a phone page that can carry axe, and axe itself), shared.
audited_phone, axe_source = a11y.audited_phone, a11y.axe_source

pytestmark = pytest.mark.django_db(transaction=True)
# 30 + 60 + 9 = 99 points: seven more years of insurance reach 120.
SEVEN_YEARS_SHORT = {"age": 30, "education": "bachelor", "social_insurance_years": 3}


@pytest.fixture(params=[True, False], ids=["with JavaScript", "without JavaScript"])
def any_phone(request, chromium, seeded_live_server):
    page = open_phone_page(chromium, java_script_enabled=request.param)
    yield page
    page.context.close()


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def self_test_token(answers):
    from calculator.results import save_assessment
    from calculator.rulesets import ruleset_in_force

    return save_assessment(ruleset_in_force(), answers, recent_contributions=True).token


def test_the_settle_check_answers_on_a_phone(any_phone, seeded_live_server):
    phone = any_phone
    phone.goto(seeded_live_server.url + "/")
    phone.get_by_role("link", name="看我符不符合").click()
    phone.get_by_label("持有《上海市居住证》几年了？").fill("5")
    phone.get_by_label("持证期间在上海缴纳职工社保几年了？").fill("5")
    phone.get_by_label("您的职称或职业资格（取最高的一项）").select_option("mid_title")
    phone.get_by_role("button", name="看看我符不符合").click()

    result = phone.locator(".check-result")
    year = timezone.localdate().year + 2
    assert f"现在还不符合，最早 {year} 年" in result.locator("h2").inner_text()
    assert "持有居住证还差 2 年（需满 7 年）。" in result.inner_text()
    assert phone.get_by_label("持有《上海市居住证》几年了？").input_value() == "5"
    assert phone.url.removeprefix(seeded_live_server.url) == "/juzhuanhu/"  # no answers in the address
    assert fits_the_screen(phone)
    assert phone.csp_violations == []

    phone.get_by_role("link", name="查一查我的签注期限").click()
    assert phone.url.endswith("/renewal/check/")


def test_a_settle_mistake_is_summarised_and_leads_to_its_field(any_phone, seeded_live_server):
    phone = any_phone
    phone.goto(seeded_live_server.url + "/juzhuanhu/")
    phone.get_by_role("button", name="看看我符不符合").click()

    summary = phone.locator(".error-summary")
    assert "持有《上海市居住证》几年了？：请填写年数；不满一年填 0。" in summary.inner_text()
    summary.get_by_role("link", name="持有《上海市居住证》几年了？：请填写年数；不满一年填 0。").click()
    assert phone.evaluate("document.activeElement.id") == "id_card_years"
    assert fits_the_screen(phone)


def test_the_school_timeline_on_a_phone(any_phone, seeded_live_server, time_machine):
    # A child born in 2015 sits 中考 in 2031: the countdown holds only until then, so the day is fixed.
    time_machine.move_to("2026-12-03 10:00:00+08:00", tick=True)
    phone = any_phone
    phone.goto(seeded_live_server.url + "/")
    phone.get_by_role("link", name="算孩子的时间表").click()
    phone.get_by_label("孩子的出生日期").fill("2015-09-01")
    phone.get_by_role("button", name="算一算").click()

    phone.wait_for_url("**/shengxue/?child_birth=2015-09-01*")
    result = phone.locator(".check-result")
    assert "2031 年中考" in result.inner_text()
    assert "2022 年 9 月" in result.inner_text()
    assert "距离最晚拿到 120 分批准还有" in result.inner_text()
    assert fits_the_screen(phone)
    assert phone.csp_violations == []


def test_from_a_self_test_result_to_whether_the_parent_makes_it(any_phone, seeded_live_server, time_machine):
    time_machine.move_to("2026-12-03 10:00:00+08:00", tick=True)  # "赶不上" holds for this child until 2030
    phone = any_phone
    token = self_test_token(SEVEN_YEARS_SHORT)
    phone.goto(f"{seeded_live_server.url}/jifen/result/{token}/")
    phone.get_by_role("link", name="孩子升学时间表").click()
    phone.get_by_label("孩子的出生日期").fill("2015-05-01")
    phone.get_by_role("button", name="算一算").click()

    verdict = phone.locator("#parent-heading + p + .alert")
    assert "赶不上" in verdict.inner_text()
    assert f"result={token}" in phone.url
    assert fits_the_screen(phone)


def test_the_settle_result_has_no_violations(audited_phone, seeded_live_server, axe_source):
    audited_phone.goto(seeded_live_server.url + "/juzhuanhu/")
    audited_phone.fill("#id_card_years", "7")
    audited_phone.fill("#id_si_years", "7")
    audited_phone.check("#id_salary_alternative_0")
    audited_phone.click("form button[type=submit]")
    audited_phone.wait_for_selector(".check-result")

    assert axe_violations(audited_phone, axe_source) == []


def test_the_settle_form_showing_errors_has_no_violations(audited_phone, seeded_live_server, axe_source):
    audited_phone.goto(seeded_live_server.url + "/juzhuanhu/")
    audited_phone.click("form button[type=submit]")
    audited_phone.wait_for_selector(".error-summary")

    assert audited_phone.locator("[aria-invalid=true]").count() >= 2
    assert axe_violations(audited_phone, axe_source) == []


def test_the_timeline_with_a_parent_result_or_a_mistake_has_no_violations(
    audited_phone,
    seeded_live_server,
    axe_source,
):
    token = self_test_token(SEVEN_YEARS_SHORT)
    audited_phone.goto(f"{seeded_live_server.url}/shengxue/?child_birth=2022-01-01&result={token}")
    # The verdict itself, not the heading "您的积分赶得上吗？" that every parent sees.
    assert "，赶得上。" in audited_phone.locator("#parent-heading + p + .alert").inner_text()
    assert axe_violations(audited_phone, axe_source) == []

    audited_phone.goto(f"{seeded_live_server.url}/shengxue/?child_birth=2015-02-30")
    audited_phone.wait_for_selector(".error-summary")
    assert axe_violations(audited_phone, axe_source) == []
