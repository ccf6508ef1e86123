"""The whole journey with the locmem SMS backend: form → code → submit → thank-you page."""

import pytest

from leads import sms
from leads.callback import callback_due
from leads.models import Lead
from permitsite.privacy import POLICY_VERSION
from renewal.models import workday_calendar
from tests.html_tree import parse
from tests.leads.helpers import PHONE, ask_for_code, last_code_sent_to, lead_form

pytestmark = pytest.mark.django_db


def test_the_form_asks_for_name_phone_captcha_code_service_and_consent(client):
    response = client.get("/consult/")
    assert response.status_code == 200
    html = response.content.decode()
    for field in ('name="name"', 'name="phone"', 'name="captcha_1"', 'name="code"', 'name="service"'):
        assert field in html
    assert "获取验证码" in html
    consent = parse(html).by_id("id_consent")
    assert consent["name"] == "consent" and consent.get("checked") is None
    assert 'href="/privacy/"' in html
    for label in ("积分自测核实", "落户指南", "一对一规划", "政策资讯"):
        assert label in html


def test_a_visitor_gets_a_code_submits_and_sees_when_we_will_call(client):
    sent = ask_for_code(client, phone="+86 138-1234-5678")
    assert sent.status_code == 200
    assert sent.json() == {
        "sent": True,
        "resend_after": 60,
        "message": "验证码已发送到 138****5678，5 分钟内有效。",
    }
    assert [message.phone for message in sms.outbox] == [PHONE]

    response = client.post("/consult/", lead_form(code=last_code_sent_to()), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert response["Location"] == "/consult/thanks/"

    lead = Lead.objects.get()
    assert (lead.name, lead.phone, lead.service) == ("王先生", PHONE, "planning")
    assert lead.message == "想了解社保基数对积分的影响"
    assert lead.status == Lead.Status.NEW
    assert lead.assigned_to is None
    assert lead.due_by == callback_due(lead.created_at, workday_calendar())
    assert lead.consent_privacy_version == POLICY_VERSION
    assert lead.consent_at == lead.created_at
    assert len(lead.consent_ip_hash) == 64 and "203.0.113.7" not in lead.consent_ip_hash
    assert lead.result_token == ""

    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert "提交成功" in html
    assert "138****5678" in html
    assert PHONE not in html
    due = lead.due_by.astimezone(callback_due(lead.created_at).tzinfo)
    assert f"{due.month}月{due.day}日" in html
    assert "18:00" in html


def test_the_thank_you_page_without_a_submission_goes_back_to_the_form(client):
    response = client.get("/consult/thanks/")
    assert response.status_code == 302
    assert response["Location"] == "/consult/"


def test_the_promised_time_follows_the_holiday_calendar(client, time_machine):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    shanghai = ZoneInfo("Asia/Shanghai")
    time_machine.move_to(datetime(2026, 9, 30, 15, 0, tzinfo=shanghai), tick=False)
    ask_for_code(client)
    client.post("/consult/", lead_form(code=last_code_sent_to()))
    assert Lead.objects.get().due_by == datetime(2026, 10, 8, 18, 0, tzinfo=shanghai)
    assert "10月8日（星期四）18:00" in client.get("/consult/thanks/").content.decode()
