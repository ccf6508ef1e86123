"""On a 390×844 phone, "让顾问帮我核实" on a result leads to a consultation form that has already chosen the
points check and says what would be attached; the journey completes, and the CAPTCHA stays away once the
code is on its way."""

import re

import pytest
from captcha.conf import settings as captcha_settings
from playwright.sync_api import expect

from calculator.models import Assessment
from calculator.samples import example_result_path
from leads import sms
from leads.models import Lead

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("seeded_transactional_db")]


@pytest.fixture(autouse=True)
def captcha_test_mode(monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def test_from_a_result_to_a_consultation_with_the_result_attached(phone, live_server):
    result_path = example_result_path()
    assessment = Assessment.objects.get()
    summary = f"将附上：{assessment.total} 分"

    phone.goto(live_server.url + result_path)
    phone.get_by_role("link", name="让顾问帮我核实").click()
    phone.wait_for_url(f"**/consult/?result={assessment.token}")

    assert phone.get_by_label("积分自测结果核实（免费）").is_checked()
    attach = phone.get_by_role("checkbox", name=re.compile("一并发给顾问"))
    assert not attach.is_checked()
    assert summary in phone.locator("#id_attach_result_helptext").inner_text()
    assert not phone.get_by_role("checkbox", name=re.compile("我已阅读并同意")).is_checked()

    phone.get_by_label("您的称呼").fill("王先生")
    phone.get_by_label("手机号码").fill("13812345678")
    phone.get_by_label("图片验证码").fill("passed")
    phone.get_by_role("button", name="获取验证码").click()
    phone.locator("[data-code-status]").get_by_text("验证码已发送到 138****5678").wait_for()
    assert not phone.locator("img.captcha").is_visible()
    code = re.search(r"\d{6}", sms.outbox[-1].text).group()
    phone.get_by_label("短信验证码").fill(code)
    phone.get_by_label("下午（13:00–18:00）").check()
    attach.check()
    phone.get_by_role("checkbox", name=re.compile("我已阅读并同意")).check()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name="提交咨询", exact=True).last.click()

    phone.wait_for_url("**/consult/thanks/")
    due = phone.locator("[data-callback-due]").inner_text()
    assert re.fullmatch(r"\d{1,2}月\d{1,2}日（星期.）18:00", due), due
    assert "在您希望的下午（13:00–18:00）" in phone.locator("main").inner_text()
    lead = Lead.objects.get()
    assert (lead.service.slug, lead.result_token, lead.callback_time) == (
        "check_score",
        assessment.token,
        "afternoon",
    )
    assert phone.csp_violations == []


def test_asking_for_another_code_brings_a_fresh_captcha_back(phone, live_server):
    phone.clock.install()  # the 60 s countdown passes at once below
    phone.goto(live_server.url + "/consult/")
    phone.get_by_label("手机号码").fill("13812345678")
    phone.get_by_label("图片验证码").fill("passed")
    phone.get_by_role("button", name="获取验证码").click()
    phone.locator("[data-code-status]").get_by_text("验证码已发送").wait_for()
    assert not phone.locator("img.captcha").is_visible()
    phone.clock.run_for("01:01")
    phone.get_by_role("button", name="没收到短信？重新获取验证码").click()
    expect(phone.locator("img.captcha")).to_be_visible()
    # consult.js empties the answer once the fresh challenge has arrived (a fetch): wait for it.
    expect(phone.get_by_label("图片验证码")).to_have_value("")
    assert len(sms.outbox) == 1  # revealing the CAPTCHA sent nothing
