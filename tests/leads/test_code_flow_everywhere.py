"""The four pages that take a phone number and its SMS code share one code flow (leads/code_flow.py): the
no-JavaScript 获取验证码 button behaves the same on each, for that page's purpose, and each page is shared
by the visitors who have not started on it, with a token and a challenge of their own."""

import re

import pytest
from captcha.models import CaptchaStore
from django.test import Client

from leads import sms
from leads.models import PhoneVerification, Service

pytestmark = pytest.mark.django_db

PAGES = [
    ("/consult/", "lead"),
    ("/privacy/requests/", "deletion"),
    ("/renewal/remind/", "reminder"),
    ("/renewal/remind/stop/", "reminder"),
]


def press_send_code(client, url, purpose):
    """获取验证码 without JavaScript, with the CAPTCHA answered (the package's test mode)."""
    fields = {"phone": "13812345678", "captcha_0": "any", "captcha_1": "PASSED", "purpose": purpose}
    return client.post(url, {**fields, "action": "send_code"})


@pytest.mark.parametrize(("url", "purpose"), PAGES)
def test_the_code_button_sends_a_code_for_the_pages_purpose_and_keeps_the_number(client, url, purpose):
    response = press_send_code(client, url, purpose)
    assert response.status_code == 200
    html = response.content.decode()
    assert "验证码已发送到 138****5678，5 分钟内有效。" in html
    assert [message.phone for message in sms.outbox] == ["13812345678"]
    assert PhoneVerification.objects.get().purpose == purpose
    # The number typed is shown again (in the phone field); the CAPTCHA stays away now that a code is out.
    assert 'value="13812345678"' in html
    assert 'name="captcha_1"' not in html


def own_values(html: str) -> tuple[str, str]:
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    key = re.search(r'name="captcha_0" value="([^"]+)"', html).group(1)
    return token, key


@pytest.mark.parametrize(("url", "purpose"), PAGES)
def test_visitors_who_have_not_started_share_the_page_but_not_their_token_or_challenge(
    url, purpose, monkeypatch
):
    """The page is kept for everyone who has not posted (leads/code_flow.py); each visitor still gets a
    token and an image challenge of their own, and solving their own challenge sends their code."""
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    visitors = [Client(enforce_csrf_checks=True) for _ in range(3)]
    responses = [visitor.get(url) for visitor in visitors]
    assert [bool(response.templates) for response in responses] == [True, False, False]  # rendered once
    pages = [response.content.decode() for response in responses]
    owns = [own_values(page) for page in pages]
    assert len({token for token, _ in owns}) == len({key for _, key in owns}) == 3
    shared = {
        page.replace(token, "T").replace(key, "K") for page, (token, key) in zip(pages, owns, strict=True)
    }
    assert len(shared) == 1

    visitor, (token, key) = visitors[2], owns[2]
    answer = CaptchaStore.objects.get(hashkey=key).response
    fields = {"phone": "13812345678", "captcha_0": key, "captcha_1": answer, "purpose": purpose}
    response = visitor.post(url, {**fields, "action": "send_code", "csrfmiddlewaretoken": token})
    assert "验证码已发送到 138****5678" in response.content.decode()


@pytest.mark.parametrize(("url", "purpose"), PAGES)
def test_once_a_code_is_on_its_way_the_page_is_the_visitors_own(client, url, purpose):
    Client().get(url)  # the shared page is now kept
    press_send_code(client, url, purpose)
    again = client.get(url).content.decode()
    assert "138****5678" in again
    assert 'name="captcha_1"' not in again
    newcomer = Client().get(url).content.decode()
    assert "138****5678" not in newcomer
    assert 'name="captcha_1"' in newcomer


def test_an_editors_change_to_a_service_shows_on_the_next_consultation_form(
    client, django_capture_on_commit_callbacks
):
    service = Service.objects.offered().first()
    assert service.name in client.get("/consult/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        service.name = "落户材料预审"
        service.save()
    assert "落户材料预审" in client.get("/consult/").content.decode()
