"""/renewal/remind/: the whole subscription journey with the locmem SMS backend, and every way it can fail."""

from datetime import date

import pytest

from permitsite.privacy import POLICY_VERSION
from reminders.models import Subscription
from tests.leads.helpers import ask_for_code, last_code_sent_to
from tests.reminders.helpers import PHONE, at, reminder_form, run_send, subscribe, texts_to

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 2)


@pytest.fixture(autouse=True)
def on_2_december_2026(time_machine):
    time_machine.move_to(at(TODAY, 10), tick=False)


def test_the_page_is_prefilled_from_the_check_result_and_lists_the_reminder_days(client):
    html = client.get("/renewal/remind/?expiry=2027-03-01").content.decode()
    assert 'value="2027-03-01"' in html
    for field in ('name="phone"', 'name="captcha_1"', 'name="code"', 'name="consent"', 'value="reminder"'):
        assert field in html
    assert 'name="consent" id="id_consent" checked' not in html and "checked" not in html
    for day in ("2027年1月30日", "2027年2月26日", "2027年4月20日"):
        assert day in html


def test_a_date_that_is_no_good_is_not_prefilled(client):
    html = client.get("/renewal/remind/?expiry=2020-01-01").content.decode()
    assert 'value="2020-01-01"' not in html
    assert client.get("/renewal/remind/?expiry=junk").status_code == 200


def test_a_visitor_subscribes_and_sees_what_will_be_sent_when(client):
    response = subscribe(client, phone="+86 138-1234-5678")
    assert response.status_code == 302
    assert response["Location"] == "/renewal/remind/done/"

    subscription = Subscription.objects.get()
    assert (subscription.phone, subscription.expiry, subscription.subscribed_on) == (
        PHONE,
        date(2027, 3, 1),
        TODAY,
    )
    assert subscription.consent_privacy_version == POLICY_VERSION
    assert len(subscription.consent_ip_hash) == 64 and "203.0.113.7" not in subscription.consent_ip_hash

    html = client.get(response["Location"]).content.decode()
    assert "签注短信提醒已开启" in html
    assert "138****5678" in html and PHONE not in html
    assert "2027年1月30日" in html and "2027年4月20日" in html


def test_the_subscription_brings_its_text_on_30_january(client, time_machine):
    subscribe(client)
    time_machine.move_to(at(date(2027, 1, 30), 9), tick=False)
    run_send()
    assert len(texts_to(PHONE)) == 1


def test_subscribing_again_changes_the_date_of_the_one_subscription(client, time_machine):
    subscribe(client)
    time_machine.shift(61)
    subscribe(client, expiry="2027-06-30")
    assert Subscription.objects.get().expiry == date(2027, 6, 30)


def test_a_wrong_code_stores_nothing(client):
    ask_for_code(client, purpose="reminder")
    code = last_code_sent_to()
    response = client.post("/renewal/remind/", reminder_form(code=f"{(int(code) + 1) % 1_000_000:06d}"))
    assert response.status_code == 200
    assert "验证码不正确" in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_used_code_cannot_subscribe_twice(client):
    ask_for_code(client, purpose="reminder")
    code = last_code_sent_to()
    assert client.post("/renewal/remind/", reminder_form(code=code)).status_code == 302
    Subscription.objects.all().delete()
    response = client.post("/renewal/remind/", reminder_form(code=code))
    assert "这个验证码已经用过了" in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("purpose", ["lead", "deletion"])
def test_a_code_sent_for_another_form_does_not_subscribe(client, purpose):
    ask_for_code(client, purpose=purpose)
    response = client.post("/renewal/remind/", reminder_form(code=last_code_sent_to()))
    assert "请先点击“获取验证码”" in response.content.decode()
    assert not Subscription.objects.exists()


def test_without_the_consent_tick_nothing_is_stored_and_the_code_still_works(client):
    ask_for_code(client, purpose="reminder")
    code = last_code_sent_to()
    response = client.post("/renewal/remind/", reminder_form(code=code, consent=None))
    html = response.content.decode()
    assert "请勾选同意，我们才能给您发签注提醒短信。" in html
    assert 'value="2027-03-01"' in html and "138" in html  # what was typed stays
    assert not Subscription.objects.exists()
    assert client.post("/renewal/remind/", reminder_form(code=code)).status_code == 302


@pytest.mark.parametrize(
    ("expiry", "message"),
    [
        ("", "请填写居住证的有效期截止日期。"),
        ("2026-09-01", "补办期限已经过了"),
        ("2026-10-10", "只剩几天"),
        ("2030-01-01", "超过两年"),
        ("2027-02-30", "2027年2月没有30日"),
    ],
)
def test_a_date_reminders_cannot_serve_is_refused_with_a_reason(client, expiry, message):
    ask_for_code(client, purpose="reminder")
    response = client.post("/renewal/remind/", reminder_form(code=last_code_sent_to(), expiry=expiry))
    assert message in response.content.decode()
    assert not Subscription.objects.exists()


def test_getting_a_code_without_javascript_keeps_what_was_typed(client):
    response = client.post(
        "/renewal/remind/",
        {
            "expiry": "2027-03-01",
            "phone": PHONE,
            "captcha_0": "any",
            "captcha_1": "PASSED",
            "purpose": "reminder",
            "action": "send_code",
        },
    )
    html = response.content.decode()
    assert "验证码已发送到 138****5678" in html
    assert 'value="2027-03-01"' in html
    assert last_code_sent_to()


def test_a_wrong_code_and_a_missing_consent_are_said_at_once(client):
    ask_for_code(client, purpose="reminder")
    wrong = "000000" if last_code_sent_to() != "000000" else "111111"
    response = client.post("/renewal/remind/", reminder_form(code=wrong, consent=None))
    errors = response.context["form"].errors
    assert errors["code"] == ["验证码不正确，请核对短信后重新输入。"] and "consent" in errors
    assert not Subscription.objects.exists()
