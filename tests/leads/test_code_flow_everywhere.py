"""The four pages that take a phone number and its SMS code share one code flow (leads/code_flow.py): the
no-JavaScript 获取验证码 button behaves the same on each, for that page's purpose."""

import pytest

from leads import sms
from leads.models import PhoneVerification

pytestmark = pytest.mark.django_db

PAGES = [
    ("/consult/", "lead"),
    ("/privacy/requests/", "deletion"),
    ("/renewal/remind/", "reminder"),
    ("/renewal/remind/stop/", "reminder"),
]


@pytest.mark.parametrize(("url", "purpose"), PAGES)
def test_the_code_button_sends_a_code_for_the_pages_purpose_and_keeps_the_number(client, url, purpose):
    response = client.post(
        url,
        {
            "phone": "13812345678",
            "captcha_0": "any",
            "captcha_1": "PASSED",
            "purpose": purpose,
            "action": "send_code",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "验证码已发送到 138****5678，5 分钟内有效。" in html
    assert [message.phone for message in sms.outbox] == ["13812345678"]
    assert PhoneVerification.objects.get().purpose == purpose
    # The number typed is shown again (in the phone field); the CAPTCHA stays away now that a code is out.
    assert 'value="13812345678"' in html
    assert 'name="captcha_1"' not in html
