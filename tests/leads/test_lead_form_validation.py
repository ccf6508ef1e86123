"""Every field of /consult/ is checked with a clear Chinese message; nothing else comes from the request."""

import logging

import pytest
from django.contrib.auth import get_user_model

from leads.models import Lead, PhoneVerification
from permitsite.privacy import POLICY_VERSION
from tests.leads.helpers import PHONE, ask_for_code, last_code_sent_to, lead_form, submit_lead

pytestmark = pytest.mark.django_db


def form_errors(response):
    assert response.status_code == 200
    return response.context["form"].errors


def test_without_the_consent_tick_nothing_is_stored(client):
    ask_for_code(client)
    response = client.post("/consult/", lead_form(code=last_code_sent_to(), consent=None))
    assert form_errors(response)["consent"] == [
        "请阅读并勾选同意《隐私保护声明》，我们才能保存您的信息并回电。"
    ]
    assert Lead.objects.count() == 0
    html = response.content.decode()
    assert 'value="王先生"' in html and "想了解社保基数对积分的影响" in html


def test_a_wrong_code_is_said_together_with_the_missing_consent(client):
    ask_for_code(client)
    wrong = "000000" if last_code_sent_to() != "000000" else "111111"
    errors = form_errors(client.post("/consult/", lead_form(code=wrong, consent=None)))
    assert errors["code"] == ["验证码不正确，请核对短信后重新输入。"]
    assert "consent" in errors
    assert PhoneVerification.objects.get().wrong_tries == 1  # as on a valid form: guessing is not free


def test_a_right_code_beside_another_mistake_is_not_spent(client):
    ask_for_code(client)
    code = last_code_sent_to()
    errors = form_errors(client.post("/consult/", lead_form(code=code, consent=None)))
    assert "code" not in errors
    # The same code, now with the consent ticked.
    assert client.post("/consult/", lead_form(code=code)).status_code == 302
    assert Lead.objects.count() == 1


@pytest.mark.parametrize(
    "phone, message",
    [
        ("", "请填写手机号码。"),
        ("1381234567", "请输入 11 位中国大陆手机号码。"),
        ("12812345678", "这不是有效的中国大陆手机号码，请检查后重新输入。"),
        ("138-abcd-5678", "手机号码只能包含数字，可带 +86 前缀。"),
    ],
)
def test_an_invalid_number_is_explained(client, phone, message):
    response = client.post("/consult/", lead_form(phone=phone, code="123456"))
    assert form_errors(response)["phone"] == [message]


@pytest.mark.parametrize(
    "name, message",
    [("", "请填写您的称呼。"), ("   ", "请填写您的称呼。"), ("王" * 21, "称呼最多 20 个字。")],
)
def test_the_name_must_be_1_to_20_characters(client, name, message):
    response = client.post("/consult/", lead_form(name=name, code="123456"))
    assert form_errors(response)["name"] == [message]


def test_a_20_character_name_is_fine(client):
    assert submit_lead(client, name="欧阳" * 10).status_code == 302
    assert Lead.objects.get().name == "欧阳" * 10


@pytest.mark.parametrize("service", ["", "vip", "converted"])
def test_the_service_must_be_one_of_the_four(client, service):
    response = client.post("/consult/", lead_form(service=service, code="123456"))
    assert "服务" in form_errors(response)["service"][0]


def test_the_message_is_optional_but_at_most_500_characters(client):
    response = client.post("/consult/", lead_form(message="字" * 501, code="123456"))
    assert form_errors(response)["message"] == ["留言最多 500 字，请精简后再提交。"]
    assert submit_lead(client, message="").status_code == 302


def test_a_filled_honeypot_stores_nothing_and_does_not_name_the_trap(client, caplog):
    caplog.set_level(logging.INFO, logger="leads")
    response = submit_lead(client, website="http://spam.example")
    assert form_errors(response) == {"__all__": ["提交未成功，请刷新页面后重试。"]}
    html = response.content.decode()
    assert "<li>提交未成功，请刷新页面后重试。</li>" in html
    assert "清空" not in html
    assert Lead.objects.count() == 0
    honeypot_logs = [record for record in caplog.records if "honeypot" in record.getMessage()]
    assert [record.levelno for record in honeypot_logs] == [logging.INFO]
    # No personal data in the record: neither the number, the name nor what the bot typed.
    assert not any(text in honeypot_logs[0].getMessage() for text in ("138", "王先生", "spam.example"))


def test_fields_the_server_owns_cannot_be_set_from_the_request(client):
    consultant = get_user_model().objects.create_user("gu", password="x" * 12)
    response = submit_lead(
        client,
        status="converted",
        assigned_to=str(consultant.pk),
        due_by="2099-01-01T00:00",
        notes="VIP",
        submissions="99",
        consent_privacy_version="0.1",
        consent_at="2000-01-01T00:00",
        result_token="forged",
        created_at="2000-01-01T00:00",
        id="999",
    )
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert lead.pk != 999
    assert lead.status == Lead.Status.NEW
    assert lead.assigned_to is None
    assert lead.due_by.year < 2099
    assert lead.notes == ""
    assert lead.submissions == 1
    assert lead.consent_privacy_version == POLICY_VERSION
    assert lead.created_at.year > 2000
    assert lead.result_token == ""


@pytest.mark.parametrize(
    "junk",
    [
        {"phone": ["13812345678", "13900001111"]},
        {"name": "\x00王"},
        {"service": "<script>"},
        {"code": "１２３４５６"},
        {"result": "../../etc/passwd"},
    ],
)
def test_odd_input_never_causes_a_server_error(client, junk):
    data = lead_form(code="123456")
    data.update(junk)
    response = client.post("/consult/", data)
    assert response.status_code in (200, 302)


def test_the_number_is_stored_as_11_digits_whatever_the_format(client):
    assert submit_lead(client, phone="0086 138 1234 5678").status_code == 302
    assert Lead.objects.get().phone == PHONE
