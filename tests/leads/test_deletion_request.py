"""/privacy/requests/: a person proves the number by SMS code and their leads are deleted at once."""

import pytest
from django.test import Client

from leads.models import Lead, LeadAccessLog, PhoneVerification
from tests.leads.helpers import PHONE, ask_for_code, last_code_sent_to, submit_lead

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_leads_of_one_number(time_machine):
    from datetime import timedelta

    from django.utils import timezone

    time_machine.move_to(timezone.now() - timedelta(days=3), tick=False)
    submit_lead(Client())
    time_machine.move_to(timezone.now() + timedelta(days=2), tick=False)
    submit_lead(Client())
    submit_lead(Client(), phone="13900001111")
    time_machine.move_to(timezone.now() + timedelta(days=1), tick=False)
    assert Lead.objects.filter(phone=PHONE).count() == 2


def delete_with_code(client, code, follow=False, **extra):
    data = {"phone": PHONE, "code": code, "confirm": "on", "action": "delete"}
    data.update(extra)
    return client.post("/privacy/requests/", data, follow=follow)


def test_the_page_asks_for_number_captcha_code_and_confirmation(client):
    html = client.get("/privacy/requests/").content.decode()
    for field in ('name="phone"', 'name="captcha_1"', 'name="code"', 'name="confirm"', 'value="deletion"'):
        assert field in html


def test_a_proven_number_has_all_its_leads_deleted_at_once(client, two_leads_of_one_number):
    ask_for_code(client, purpose="deletion")
    response = delete_with_code(client, last_code_sent_to(), follow=True)
    assert response.redirect_chain == [("/privacy/requests/done/", 302)]
    assert "已删除这个手机号的 2 条咨询记录" in response.content.decode()
    assert not Lead.objects.filter(phone=PHONE).exists()
    assert Lead.objects.filter(phone="13900001111").count() == 1
    # Only the verification that proved this request stays, spent, until the daily purge.
    assert list(PhoneVerification.objects.filter(used_at=None, purpose="deletion")) == []
    assert PhoneVerification.objects.filter(purpose="lead").count() == 1  # the other number's


def test_access_log_rows_survive_the_deletion_without_the_lead(client, two_leads_of_one_number, admin_user):
    lead = Lead.objects.filter(phone=PHONE).first()
    LeadAccessLog.objects.create(
        user=admin_user, username="admin", lead=lead, lead_number=lead.pk, action="reveal"
    )
    ask_for_code(client, purpose="deletion")
    delete_with_code(client, last_code_sent_to())
    log = LeadAccessLog.objects.get()
    assert log.lead is None
    assert log.lead_number == lead.pk


def test_a_wrong_code_deletes_nothing(client, two_leads_of_one_number):
    ask_for_code(client, purpose="deletion")
    code = last_code_sent_to()
    response = delete_with_code(client, f"{(int(code) + 1) % 1_000_000:06d}")
    assert "验证码不正确" in response.content.decode()
    assert Lead.objects.filter(phone=PHONE).count() == 2


def test_a_code_sent_for_the_consult_form_cannot_delete(client, two_leads_of_one_number):
    ask_for_code(client, purpose="lead")
    response = delete_with_code(client, last_code_sent_to())
    assert "请先点击“获取验证码”" in response.content.decode()
    assert Lead.objects.filter(phone=PHONE).count() == 2


def test_without_the_confirmation_tick_nothing_is_deleted(client, two_leads_of_one_number):
    ask_for_code(client, purpose="deletion")
    response = delete_with_code(client, last_code_sent_to(), confirm="")
    assert "请勾选确认后再删除。" in response.content.decode()
    assert Lead.objects.filter(phone=PHONE).count() == 2


def test_a_number_without_leads_is_told_so_after_proving_it(client):
    ask_for_code(client, purpose="deletion")
    response = delete_with_code(client, last_code_sent_to(), follow=True)
    assert "这个手机号没有咨询记录" in response.content.decode()


def test_the_code_button_works_without_javascript(client):
    response = client.post(
        "/privacy/requests/",
        {
            "phone": "138 1234 5678",
            "captcha_0": "k",
            "captcha_1": "PASSED",
            "action": "send_code",
            "purpose": "deletion",
        },
    )
    html = response.content.decode()
    assert "验证码已发送到 138****5678" in html
    assert PhoneVerification.objects.get().purpose == "deletion"
