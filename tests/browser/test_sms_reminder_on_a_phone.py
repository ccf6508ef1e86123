"""On a 390×844 phone: from the check result to a confirmed 签注 SMS reminder (CAPTCHA test mode, locmem SMS
backend), then the link of a text; axe finds nothing on the pages on the way."""

import re
from datetime import timedelta

import pytest
from captcha.conf import settings as captcha_settings
from django.utils import timezone
from playwright.sync_api import expect

from leads import sms
from reminders.models import Subscription
from tests.browser.test_accessibility import audited_phone, axe_source, axe_violations  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def captcha_test_mode(monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def sent_code():
    return re.search(r"\d{6}", sms.outbox[-1].text).group()


def test_from_the_check_result_to_a_confirmed_reminder(phone, live_server):
    # 60 days ahead: the window opens in 30 days, so all three reminders are still to come.
    expiry = timezone.localdate() + timedelta(days=60)
    phone.goto(live_server.url + "/renewal/check/")
    phone.get_by_label("居住证有效期至").fill(expiry.isoformat())
    phone.get_by_role("button", name="查询").click()
    phone.wait_for_url(f"**/renewal/check/?expiry={expiry.isoformat()}")

    phone.get_by_role("link", name="短信提醒我").click()
    phone.wait_for_url(f"**/renewal/remind/?expiry={expiry.isoformat()}")
    assert phone.get_by_label("居住证有效期至").input_value() == expiry.isoformat()
    assert f"{expiry.year}年{expiry.month}月{expiry.day}日" in phone.locator("main").inner_text()

    phone.get_by_label("手机号码").fill("138 1234 5678")
    phone.get_by_label("图片验证码").fill("passed")
    phone.get_by_role("button", name="获取验证码").click()
    phone.locator("[data-code-status]").get_by_text("验证码已发送到 138****5678").wait_for()
    phone.get_by_label("短信验证码").fill(sent_code())
    phone.get_by_label(re.compile("我同意本站用这个手机号")).check()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name="开启短信提醒", exact=True).last.click()

    phone.wait_for_url("**/renewal/remind/done/")
    assert phone.get_by_role("heading", level=1).inner_text() == "签注短信提醒已开启"
    main = phone.locator("main").inner_text()
    assert "138****5678" in main and "13812345678" not in main
    window_opens = expiry - timedelta(days=30)
    assert f"{window_opens.year}年{window_opens.month}月{window_opens.day}日" in main
    subscription = Subscription.objects.get()
    assert (subscription.phone, subscription.expiry) == ("13812345678", expiry)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.csp_violations == []


def test_the_link_of_a_text_stops_the_reminders(phone, live_server):
    from reminders.samples import example_link_path

    path = example_link_path()
    phone.goto(live_server.url + path)
    assert phone.get_by_role("heading", level=1).inner_text() == "我的签注提醒"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name="停止提醒并删除我的号码").click()
    phone.wait_for_url("**/renewal/remind/stop/done/")
    expect(phone.get_by_role("status")).to_contain_text("已停止这个手机号的签注提醒")
    assert not Subscription.objects.exists()
    assert phone.csp_violations == []


def test_the_form_with_errors_and_the_done_page_have_no_violations(audited_phone, live_server, axe_source):  # noqa: F811
    page = audited_phone
    page.goto(live_server.url + "/renewal/remind/?expiry=2020-01-01")
    page.get_by_role("button", name="开启短信提醒", exact=True).last.click()
    page.locator(".error-summary").wait_for()
    assert axe_violations(page, axe_source) == []

    page.get_by_label("居住证有效期至").fill((timezone.localdate() + timedelta(days=60)).isoformat())
    page.get_by_label("手机号码").fill("13900001111")
    page.get_by_label("图片验证码").fill("passed")
    page.get_by_role("button", name="获取验证码").click()
    page.locator("[data-code-status]").get_by_text("验证码已发送").wait_for()
    page.get_by_label("短信验证码").fill(sent_code())
    page.get_by_label(re.compile("我同意本站用这个手机号")).check()
    page.get_by_role("button", name="开启短信提醒", exact=True).last.click()
    page.wait_for_url("**/renewal/remind/done/")
    assert axe_violations(page, axe_source) == []

    from reminders.samples import example_link_path

    audited_phone.goto(live_server.url + example_link_path())
    audited_phone.get_by_role("button", name=re.compile("我已签注")).click()  # without the tick of consent
    audited_phone.locator(".error-summary").wait_for()
    assert axe_violations(audited_phone, axe_source) == []
