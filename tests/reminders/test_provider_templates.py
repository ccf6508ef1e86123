"""With Aliyun, each reminder goes out through its own approved template, its date and link as parameters."""

import json
from datetime import date

import pytest

from leads import sms
from reminders import services
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
        "link": f"jzz.example.cn/r/{reminders.token}",
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
