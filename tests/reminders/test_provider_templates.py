"""With Aliyun, each reminder goes out through its own approved template, its date and link as parameters."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from leads import sms
from reminders import services
from reminders.schedule import Kind
from reminders.texts import SIGNATURE, provider_params, provider_template, reminder_text
from tests.leads.test_sms_backends import FakeClient, aliyun_settings  # noqa: F401 (a fixture)
from tests.reminders.helpers import at, subscription

pytestmark = pytest.mark.django_db


def test_a_reminder_uses_the_template_of_its_kind(aliyun_settings, time_machine):  # noqa: F811
    aliyun_settings.SMS_ALIYUN_REMINDER_TEMPLATES = {
        "window_opens": "SMS_2",
        "expiry_near": "SMS_3",
        "grace_ending": "SMS_4",
    }
    reminders = subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 4, 20)), tick=False)
    client = FakeClient()

    report = services.send_due(
        date(2027, 4, 20), site_url="https://jzz.example.cn", backend=sms.AliyunBackend(client=client)
    )

    assert report.sent == 1
    ((request, _),) = client.calls
    assert request.template_code == "SMS_4"
    assert json.loads(request.template_param) == {
        "grace_ends": "4月30日",
        "token": reminders.token,
    }


def test_a_reminder_without_its_template_is_not_sent_and_is_tried_again(aliyun_settings, time_machine):  # noqa: F811
    aliyun_settings.SMS_ALIYUN_REMINDER_TEMPLATES = {
        "window_opens": "",
        "expiry_near": "",
        "grace_ending": "",
    }
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    client = FakeClient()

    report = services.send_due(
        date(2027, 1, 30), site_url="https://jzz.example.cn", backend=sms.AliyunBackend(client=client)
    )

    assert (report.sent, report.failed, client.calls) == (0, 1, [])


@pytest.mark.parametrize("kind", list(Kind))
def test_the_approved_template_with_its_parameters_reads_as_the_text(kind, settings):
    settings.SITE_URL = "https://jzz.example.cn"
    template = provider_template(kind, settings.SITE_URL)
    # The host is fixed text; only the date and the code vary.
    assert template.endswith("已签注或退订点jzz.example.cn/r/${token}")
    expiry = date(2027, 3, 1)
    params = provider_params(kind, expiry, "Ab3dE9xY")
    filled = template
    for name, value in params.items():
        filled = filled.replace("${" + name + "}", value)
    assert SIGNATURE + filled == reminder_text(kind, expiry, "jzz.example.cn/r/Ab3dE9xY")


def test_sms_templates_prints_the_texts_for_this_site(settings):
    settings.SITE_URL = "https://zheng.example.cn"
    out = StringIO()
    call_command("sms_templates", stdout=out)
    printed = out.getvalue()
    assert "居住证${expiry}到期，现在可以签注了。已签注或退订点zheng.example.cn/r/${token}" in printed
    assert (
        "居住证已过期，${grace_ends}前补办签注年限不断。已签注或退订点zheng.example.cn/r/${token}" in printed
    )
    assert "您的验证码是 ${code}" in printed
    assert "jzz.example.cn" not in printed
