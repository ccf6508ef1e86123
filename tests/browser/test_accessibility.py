"""Every public page passes axe-core's WCAG 2.1 A and AA rules on a phone.

axe-core comes from node_modules (`npm ci`, pinned in package.json), never from a CDN. Our CSP
(`script-src 'self'`) rightly refuses the inline script that carries it into the page, so the audit's
browser context bypasses the CSP; tests/browser/test_site_shell.py checks the CSP itself.
"""

from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import PHONE_VIEWPORT
from tests.public_pages import PUBLIC_PAGES, browser_cookies, page_path

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.skip(f"{AXE.relative_to(settings.BASE_DIR)} is missing: run `npm ci` (.ci/run does)")
    return AXE.read_text()


@pytest.fixture
def audited_phone(chromium):
    context = chromium.new_context(
        viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True, locale="zh-CN", bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def axe_violations(page, axe_source):
    page.add_script_tag(content=axe_source)
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_21_AA,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']]}"
        for v in results["violations"]
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=str)
def test_page_has_no_wcag_21_aa_violations(
    audited_phone, seeded_live_server, axe_source, public_page, client
):
    path = page_path(public_page, client)
    audited_phone.context.add_cookies(browser_cookies(client, seeded_live_server.url))
    response = audited_phone.goto(seeded_live_server.url + path)
    assert response.status == public_page.status
    assert axe_violations(audited_phone, axe_source) == []


def test_the_audit_catches_a_real_violation(audited_phone, live_server, axe_source):
    """The check can fail: an image without alternative text and an unlabeled input are reported."""
    audited_phone.goto(live_server.url + "/ping")
    audited_phone.set_content(
        '<!doctype html><html lang="zh-Hans"><title>t</title><main><img src="/x.png"><input></main></html>'
    )
    found = " ".join(axe_violations(audited_phone, axe_source))
    assert "image-alt" in found
    assert "label" in found


# What a hurried thumb gets wrong on each wizard step: the server answers with the step and its errors.
WIZARD_MISTAKES = {
    "basic": lambda page: page.fill("#id_age", "5"),  # under 16, and 学历 left at 请选择
    "insurance": lambda page: page.fill("#id_social_insurance_years", "99"),
    "bonus": lambda page: page.check("#id_has_public_service_years"),  # ticked, years left blank
    "deductions": lambda page: page.fill("#id_crime_count", "999"),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("slug", WIZARD_MISTAKES)
def test_a_wizard_step_showing_errors_has_no_violations(audited_phone, seeded_live_server, axe_source, slug):
    audited_phone.goto(f"{seeded_live_server.url}/jifen/{slug}/")
    WIZARD_MISTAKES[slug](audited_phone)
    audited_phone.click("form button[type=submit]")
    audited_phone.wait_for_selector(".error-summary")
    assert audited_phone.locator("[aria-invalid=true]").count() >= 1
    assert axe_violations(audited_phone, axe_source) == []


@pytest.mark.django_db(transaction=True)
def test_the_summary_and_the_result_it_leads_to_have_no_violations(
    audited_phone, seeded_live_server, axe_source
):
    audited_phone.goto(f"{seeded_live_server.url}/jifen/basic/")
    audited_phone.fill("#id_age", "30")
    audited_phone.select_option("#id_education", "master")
    audited_phone.click("form button[type=submit]")
    audited_phone.fill("#id_social_insurance_years", "3")
    audited_phone.click("form button[type=submit]")
    audited_phone.check("#id_has_award")
    audited_phone.check("#id_award_1")
    audited_phone.click("form button[type=submit]")
    audited_phone.fill("#id_detention_count", "1")
    audited_phone.click("form button[type=submit]")
    assert audited_phone.url.endswith("/jifen/check/")
    assert axe_violations(audited_phone, axe_source) == []
    audited_phone.click("button:has-text('查看结果')")
    assert "/jifen/result/" in audited_phone.url
    # Bars of every kind are on the page: added points and the detention's deduction.
    assert audited_phone.locator(".score-deduction .score-points", has_text="-").count() == 1
    assert axe_violations(audited_phone, axe_source) == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/consult/", "/privacy/requests/"])
def test_a_consultation_form_showing_errors_has_no_violations(
    audited_phone, seeded_live_server, axe_source, path
):
    audited_phone.goto(seeded_live_server.url + path)
    audited_phone.click("form .d-grid button[type=submit]")
    audited_phone.wait_for_selector(".error-summary")
    assert audited_phone.locator("[aria-invalid=true]").count() >= 2
    assert axe_violations(audited_phone, axe_source) == []
