"""On a 390×844 phone: four years of bases in the base-tier helper, its tier carried into the wizard and
scored there; the helper's result and its errors pass axe. With JavaScript and without."""

import pytest

from tests.browser.conftest import PHONE_VIEWPORT
from tests.browser.test_accessibility import axe_violations

YEARS = (2022, 2023, 2024, 2025)


@pytest.fixture(params=[True, False], ids=["with-javascript", "without-javascript"])
def audited_phone(request, chromium):
    # bypass_csp lets axe-core in; tests/browser/test_site_shell.py checks the CSP itself.
    context = chromium.new_context(
        viewport=PHONE_VIEWPORT,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        bypass_csp=True,
        java_script_enabled=request.param,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.javascript = request.param
    yield page
    context.close()


@pytest.fixture(scope="module")
def axe_source():
    from tests.browser.test_accessibility import AXE

    if not AXE.exists():
        pytest.skip("node_modules/axe-core is missing: run `npm ci`")
    return AXE.read_text()


def audit(page, axe_source):
    """axe's violations; the markup without JavaScript is the same server HTML, audited in the other run."""
    return axe_violations(page, axe_source) if page.javascript else []


@pytest.mark.django_db(transaction=True)
def test_four_years_of_bases_carry_their_tier_into_the_wizard(audited_phone, seeded_live_server, axe_source):
    page = audited_phone
    page.goto(seeded_live_server.url + "/jifen/base/")
    page.select_option("#apply_month", "2026-07")
    page.click("button:has-text('按这个月份填写')")
    assert page.url.endswith("/jifen/base/?month=2026-07")
    for year in YEARS:
        page.fill(f"#id_base_{year}", "12500")
    page.click("button:has-text('计算')")

    heading = page.inner_text("#base-result-heading")
    assert heading == "结果：近 4 年累计 36 个月，基数不低于 1 倍，50 分"
    assert page.get_attribute("#id_base_2025", "value") == "12500"  # the form keeps what was typed
    assert audit(page, axe_source) == []

    page.click("button:has-text('带入自测')")
    assert page.url.endswith("/jifen/insurance/")
    assert "已带入缴费基数计算器的结果" in page.inner_text(".alert-success")
    assert page.is_checked("input[name=si_base_tier][value=x1]")
    assert "37,302 元" in page.inner_text(".wage-hint")

    # The rest of the self-test, then the result shows the carried tier's 50 points.
    page.goto(seeded_live_server.url + "/jifen/basic/")
    page.fill("#id_age", "30")
    page.select_option("#id_education", "bachelor")
    page.click("form button[type=submit]")
    assert page.is_checked("input[name=si_base_tier][value=x1]")
    page.fill("#id_social_insurance_years", "4")
    page.click("form button[type=submit]")
    page.click("form button[type=submit]")
    page.click("form button[type=submit]")
    page.click("button:has-text('查看结果')")
    assert int(page.get_attribute("[data-total]", "data-total")) == 30 + 60 + 12 + 50


@pytest.mark.django_db(transaction=True)
def test_the_helper_showing_errors_has_no_violations(audited_phone, seeded_live_server, axe_source):
    page = audited_phone
    page.goto(seeded_live_server.url + "/jifen/base/?month=2026-07")
    page.fill("#id_base_2025", "-3")
    page.click("button:has-text('计算')")
    page.wait_for_selector(".error-summary")
    assert "金额不能小于 0" in page.inner_text(".error-summary")
    assert audit(page, axe_source) == []
