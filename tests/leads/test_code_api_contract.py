"""/consult/code/ answers like the /api/v1 endpoints (permitsite/api.py): a JSON 405 with Allow, JSON
errors, a strict JSON body for clients that send one; and, unlike them, it keeps the CSRF check (it uses the
session)."""

import json

import pytest
from django.test import Client

from leads import sms
from tests.leads.helpers import PHONE

pytestmark = pytest.mark.django_db

FIELDS = {"phone": PHONE, "captcha_0": "any", "captcha_1": "PASSED", "purpose": "lead"}


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_other_methods_get_a_json_405(client, method):
    response = getattr(client, method)("/consult/code/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json() == {"errors": {"__all__": ["这个接口只接受 POST 请求。"]}}


def test_a_json_body_is_accepted(client):
    response = client.post("/consult/code/", json.dumps(FIELDS), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["sent"] is True
    assert [message.phone for message in sms.outbox] == [PHONE]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ('{"phone": "13812345678", "phone": "13900001111"}', "phone", "这一项出现了不止一次，请只提交一次。"),
        ('{"phone": NaN}', "__all__", "请求正文不是有效的 JSON。"),
        ("[1, 2]", "__all__", "请提交一个 JSON 对象，例如"),
        (
            '{"phone": 13812345678, "captcha_0": "any", "captcha_1": "PASSED"}',
            "phone",
            "请用字符串填写这一项。",
        ),
        ("{not json", "__all__", "请求正文不是有效的 JSON。"),
        (
            '{"phone": "13812345678", "captcha_0": "any", "captcha_1": "PASSED", "extra": "y"}',
            "extra",
            "没有这一项，只接受 phone、captcha_0、captcha_1 和 purpose。",
        ),
        (
            '{"phone": "13812345678", "captcha_0": "any", "captcha_1": "PASSED", "purpose": "x"}',
            "purpose",
            "验证码用途不对，请刷新页面后重新获取验证码。",
        ),
    ],
)
def test_a_json_body_is_read_strictly(client, body, field, message):
    response = client.post("/consult/code/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][field][0].startswith(message)
    assert sms.outbox == []


def test_form_errors_are_the_api_shape(client):
    response = client.post("/consult/code/", {**FIELDS, "phone": "123"})
    assert response.status_code == 400
    assert list(response.json()) == ["errors"]
    assert "phone" in response.json()["errors"]


def test_the_csrf_check_stays_on():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/consult/code/", FIELDS)
    assert response.status_code == 403
    assert sms.outbox == []
