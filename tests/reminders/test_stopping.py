"""Stopping: by the link in a text, or on /renewal/remind/stop/ with the number and an SMS code."""

from datetime import date

import pytest
from django.test import Client

from reminders.models import Subscription
from tests.leads.helpers import ask_for_code, last_code_sent_to
from tests.reminders.helpers import PHONE, at, run_send, subscription, texts_to

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_2_december_2026(time_machine):
    time_machine.move_to(at(date(2026, 12, 2), 10), tick=False)


def test_opening_the_link_only_shows_the_choices(client):
    reminders = subscription()
    html = client.get(f"/r/{reminders.token}").content.decode()
    assert "138****5678" in html and PHONE not in html
    assert "2027年3月1日" in html
    assert "我已签注" in html and "停止提醒" in html
    assert 'value="2028-03-01"' in html  # next year's date, ready to confirm
    assert '<meta name="robots" content="noindex">' in html
    assert Subscription.objects.exists()


def test_the_link_stops_the_reminders_and_deletes_the_number(client, time_machine):
    reminders = subscription()
    response = client.post(f"/r/{reminders.token}", {"action": "stop"})
    assert response.status_code == 302 and response["Location"] == "/renewal/remind/stop/done/"
    assert not Subscription.objects.exists()
    # A reload of what the person sees posts nothing and still says it is done.
    for _ in range(2):
        done = client.get(response["Location"]).content.decode()
        assert "已停止这个手机号的签注提醒" in done and "138****5678" in done and PHONE not in done

    gone = client.get(f"/r/{reminders.token}")
    assert gone.status_code == 404
    assert "这个提醒链接已失效" in gone.content.decode()
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    run_send()
    assert texts_to(PHONE) == []


def test_links_that_were_never_given_out_are_not_found(client):
    subscription()
    assert client.get("/r/22222222").status_code == 404
    assert client.get("/r/short").status_code == 404
    assert client.post("/r/22222222", {"action": "stop"}).status_code == 404
    assert Subscription.objects.count() == 1


def test_the_page_stops_the_reminders_of_a_proven_number(client):
    subscription()
    other = subscription(phone="13900001111")
    ask_for_code(client, purpose="reminder")
    response = client.post(
        "/renewal/remind/stop/", {"phone": PHONE, "code": last_code_sent_to(), "action": "stop"}, follow=True
    )
    assert response.redirect_chain == [("/renewal/remind/stop/done/", 302)]
    assert "已停止这个手机号的签注提醒" in response.content.decode()
    assert list(Subscription.objects.all()) == [other]


def test_the_page_says_so_when_the_number_had_no_reminders(client):
    ask_for_code(client, purpose="reminder")
    response = client.post(
        "/renewal/remind/stop/", {"phone": PHONE, "code": last_code_sent_to(), "action": "stop"}, follow=True
    )
    assert "这个手机号没有订阅签注提醒" in response.content.decode()


def test_the_page_needs_the_right_code_of_the_right_purpose(client, time_machine):
    subscription()
    ask_for_code(client, purpose="lead")
    lead_code = last_code_sent_to()
    response = client.post("/renewal/remind/stop/", {"phone": PHONE, "code": lead_code, "action": "stop"})
    assert "请先点击“获取验证码”" in response.content.decode()

    time_machine.shift(61)  # one code a minute per number
    other = Client()
    ask_for_code(other, purpose="reminder", ip="198.51.100.9")
    code = last_code_sent_to()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    response = other.post("/renewal/remind/stop/", {"phone": PHONE, "code": wrong, "action": "stop"})
    assert "验证码不正确" in response.content.decode()
    # A code belongs to the browser that asked for it.
    response = client.post("/renewal/remind/stop/", {"phone": PHONE, "code": code, "action": "stop"})
    assert "请先点击“获取验证码”" in response.content.decode()
    assert Subscription.objects.exists()
