"""A visitor on a 390×844 phone fills in the consultation form, gets a code by SMS (locmem backend,
CAPTCHA test mode), submits, and reads when the consultant will call."""

import re

import pytest
from captcha.conf import settings as captcha_settings

from leads import sms
from leads.models import Lead

# The services the form offers are rows the migrations store.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("seeded_transactional_db")]


@pytest.fixture(autouse=True)
def captcha_test_mode(monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def sent_code():
    return re.search(r"\d{6}", sms.outbox[-1].text).group()


def test_a_visitor_requests_a_code_submits_and_sees_the_callback_time(phone, live_server):
    phone.goto(live_server.url + "/consult/")
    phone.get_by_label("您的称呼").fill("王先生")
    phone.get_by_label("手机号码").fill("138 1234 5678")
    phone.get_by_label("图片验证码").fill("passed")
    phone.get_by_role("button", name="获取验证码").click()
    status = phone.locator("[data-code-status]")
    status.get_by_text("验证码已发送到 138****5678").wait_for()
    # The script counts down instead of letting the visitor ask again at once.
    assert phone.get_by_role("button", name=re.compile("秒后可重发")).is_disabled()
    assert [message.phone for message in sms.outbox] == ["13812345678"]

    phone.get_by_label("短信验证码").fill(sent_code())
    phone.get_by_label("积分规划（免费）").check()
    phone.get_by_label(re.compile("我已阅读并同意")).check()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name="提交咨询", exact=True).last.click()

    phone.wait_for_url("**/consult/thanks/")
    assert phone.get_by_role("heading", level=1).inner_text() == "提交成功"
    due = phone.locator("[data-callback-due]").inner_text()
    assert re.fullmatch(r"\d{1,2}月\d{1,2}日（星期.）18:00", due), due
    assert "138****5678" in phone.locator("main").inner_text()
    assert Lead.objects.get().phone == "13812345678"
    assert phone.csp_violations == []


def test_without_javascript_the_same_form_works(phone_without_js, live_server):
    page = phone_without_js
    page.goto(live_server.url + "/consult/")
    page.get_by_label("您的称呼").fill("李女士")
    page.get_by_label("手机号码").fill("+86 139 0000 1111")
    page.get_by_label("图片验证码").fill("passed")
    page.get_by_role("button", name="获取验证码").click()
    page.get_by_text("验证码已发送到 139****1111").wait_for()
    assert page.get_by_label("您的称呼").input_value() == "李女士"

    page.get_by_label("短信验证码").fill(sent_code())
    page.get_by_label("居住证签注与续签（免费）").check()
    page.get_by_label(re.compile("我已阅读并同意")).check()
    page.get_by_role("button", name="提交咨询", exact=True).last.click()
    page.wait_for_url("**/consult/thanks/")
    assert "139****1111" in page.locator("main").inner_text()


def test_a_new_captcha_image_without_reloading_the_page(phone, live_server):
    phone.goto(live_server.url + "/consult/")
    phone.get_by_label("您的称呼").fill("王先生")
    image = phone.locator("img.captcha")
    before = image.get_attribute("src")
    phone.get_by_role("button", name="换一张").click()
    phone.wait_for_function(
        "src => document.querySelector('img.captcha').getAttribute('src') !== src", arg=before
    )
    assert phone.locator("input[name=captcha_0]").input_value() in image.get_attribute("src")
    assert phone.get_by_label("您的称呼").input_value() == "王先生"


def test_the_script_explains_a_refused_request_in_place(phone, live_server):
    phone.goto(live_server.url + "/consult/")
    phone.get_by_label("手机号码").fill("123")
    phone.get_by_label("图片验证码").fill("passed")
    phone.get_by_role("button", name="获取验证码").click()
    phone.locator("[data-code-status]").get_by_text("请输入 11 位中国大陆手机号码。").wait_for()
    assert phone.get_by_role("button", name="获取验证码").is_enabled()
    assert sms.outbox == []


def test_a_daily_limit_shows_the_message_without_an_hours_long_countdown(phone, live_server):
    from datetime import timedelta

    from django.utils import timezone

    from leads.models import SmsSend
    from leads.services import digest

    now = timezone.now()
    for hours_ago in range(2, 12):  # ten codes today, none in the last hour: the daily limit holds
        SmsSend.objects.create(
            phone_hash=digest("phone", "13812345678"), ip_hash="x", sent_at=now - timedelta(hours=hours_ago)
        )
    phone.goto(live_server.url + "/consult/")
    phone.get_by_label("手机号码").fill("13812345678")
    phone.get_by_label("图片验证码").fill("passed")
    phone.get_by_role("button", name="获取验证码").click()
    phone.locator("[data-code-status]").get_by_text("今天获取验证码的次数已达上限").wait_for()
    button = phone.get_by_role("button", name="获取验证码")
    assert button.is_enabled()
    assert "秒后可重发" not in phone.locator("main").inner_text()
    assert sms.outbox == []


def test_a_second_tap_while_the_first_is_on_its_way_posts_nothing(phone, live_server):
    phone.goto(live_server.url + "/consult/")
    phone.get_by_label("您的称呼").fill("王先生")
    phone.get_by_label("手机号码").fill("13812345678")
    phone.get_by_label("图片验证码").fill("passed")
    phone.get_by_role("button", name="获取验证码").click()
    phone.locator("[data-code-status]").get_by_text("验证码已发送").wait_for()
    phone.get_by_label("短信验证码").fill(sent_code())
    phone.get_by_label("积分规划（免费）").check()
    phone.get_by_label(re.compile("我已阅读并同意")).check()
    posts = []
    phone.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    network = phone.context.new_cdp_session(phone)
    network.send("Network.enable")
    network.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 1500, "downloadThroughput": -1, "uploadThroughput": -1},
    )

    submit = phone.get_by_role("button", name="提交咨询", exact=True).last
    submit.scroll_into_view_if_needed()
    box = submit.bounding_box()
    for _ in range(2):  # two taps 300 ms apart, where the button is, disabled or not
        phone.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        phone.wait_for_timeout(300)
    phone.wait_for_url("**/consult/thanks/")
    assert posts == [live_server.url + "/consult/"]
    assert Lead.objects.get().submissions == 1


def test_enter_in_the_captcha_asks_for_the_code_instead_of_submitting(phone, live_server):
    phone.goto(live_server.url + "/consult/")
    phone.get_by_label("您的称呼").fill("王先生")
    phone.get_by_label("手机号码").fill("13812345678")
    phone.get_by_label("图片验证码").fill("passed")
    phone.get_by_label("图片验证码").press("Enter")  # a phone keyboard's 前往

    phone.locator("[data-code-status]").get_by_text("验证码已发送到 138****5678").wait_for()
    assert [message.phone for message in sms.outbox] == ["13812345678"]
    assert phone.url.endswith("/consult/") and phone.locator(".error-summary").count() == 0
    assert Lead.objects.count() == 0
