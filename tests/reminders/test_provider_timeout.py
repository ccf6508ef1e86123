"""A reminder whose send timed out may have reached the phone: it is recorded as "结果未知" and never sent
again by a later run. Tested through the real Aliyun backend with a stand-in for the provider's client."""

from datetime import date

import pytest
import requests

from leads import sms
from reminders import services
from reminders.models import ReminderSent
from tests.leads.test_sms_backends import FakeClient
from tests.reminders.helpers import PHONE, at, subscription

pytestmark = pytest.mark.django_db

SITE = "https://jzz.example.cn"


@pytest.fixture
def aliyun(settings):
    pytest.importorskip("alibabacloud_dysmsapi20170525")
    settings.SMS_ALIYUN_ACCESS_KEY_ID = "test-id"
    settings.SMS_ALIYUN_ACCESS_KEY_SECRET = "test-secret"
    settings.SMS_ALIYUN_SIGN_NAME = "上海居住证助手"
    settings.SMS_ALIYUN_TEMPLATE_CODE = "SMS_000001"
    settings.SMS_ALIYUN_REMINDER_TEMPLATES = {
        "window_opens": "SMS_000002",
        "expiry_near": "SMS_000003",
        "grace_ending": "SMS_000004",
    }
    return settings


def sdk_timeout():
    """What the SDK raises when the provider took the request but the answer did not come in time."""
    from darabonba.exceptions import UnretryableException
    from darabonba.policy.retry import RetryPolicyContext

    context = RetryPolicyContext(
        retries_attempted=1,
        http_request=None,
        exception=requests.exceptions.ReadTimeout(f"read timed out PhoneNumbers={PHONE}"),
    )
    return UnretryableException(context)


def test_a_timed_out_reminder_is_kept_as_unknown_and_never_sent_twice(aliyun, time_machine, caplog):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    provider = FakeClient(error=sdk_timeout())

    report = services.send_due(date(2027, 1, 30), site_url=SITE, backend=sms.AliyunBackend(client=provider))
    assert (report.sent, report.failed, report.unknown) == (0, 0, 1)
    assert "1 条服务商未及时应答（可能已发出，不会自动重发" in str(report)
    reminder = ReminderSent.objects.get()
    assert reminder.sent_at is None
    assert PHONE not in caplog.text

    # The provider answers again; later runs the same day and the next day send nothing for that reminder.
    provider.error = None
    for hour_and_day in ((date(2027, 1, 30), 11), (date(2027, 1, 31), 10)):
        day, hour = hour_and_day
        time_machine.move_to(at(day, hour), tick=False)
        services.send_due(day, site_url=SITE, backend=sms.AliyunBackend(client=provider))
    assert len(provider.calls) == 1
    assert ReminderSent.objects.count() == 1


def test_a_connection_that_never_opened_is_tried_again(aliyun, time_machine):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    provider = FakeClient(error=requests.exceptions.ConnectTimeout("connect timed out"))
    report = services.send_due(date(2027, 1, 30), site_url=SITE, backend=sms.AliyunBackend(client=provider))
    assert (report.sent, report.failed, report.unknown) == (0, 1, 0)
    assert not ReminderSent.objects.exists()

    provider.error = None
    time_machine.move_to(at(date(2027, 1, 30), 11), tick=False)
    report = services.send_due(date(2027, 1, 30), site_url=SITE, backend=sms.AliyunBackend(client=provider))
    assert report.sent == 1
    assert len(provider.calls) == 2


def test_the_admin_says_the_text_may_have_gone_out(aliyun, time_machine, client, admin_user, sign_in_admin):
    reminders = subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    services.send_due(
        date(2027, 1, 30), site_url=SITE, backend=sms.AliyunBackend(client=FakeClient(error=sdk_timeout()))
    )
    sign_in_admin(client, admin_user)  # after the clock moved: a sign-in is only fresh for so long
    page = client.get(f"/admin/reminders/subscription/{reminders.pk}/change/").content.decode()
    assert "可能已发出，不会重发" in page
