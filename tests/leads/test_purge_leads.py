"""`manage.py purge_leads` removes what is past its retention and nothing else; a second run is harmless."""

from datetime import timedelta
from io import StringIO

import pytest
from captcha.models import CaptchaStore
from django.core.management import call_command
from django.utils import timezone

from leads.models import Lead, LeadAccessLog, PhoneVerification, SmsSend
from tests.leads.test_consultant_admin import make_lead

pytestmark = pytest.mark.django_db


def purge(*args):
    out = StringIO()
    call_command("purge_leads", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def history():
    now = timezone.now()
    make_lead(phone="13900000001", name="181 天前", created=now - timedelta(days=181))
    make_lead(phone="13900000002", name="179 天前", created=now - timedelta(days=179))
    make_lead(phone="13900000003", name="今天")
    for age in (timedelta(hours=1), timedelta(days=2)):
        PhoneVerification.objects.create(
            phone_hash="p",
            session_hash="s",
            purpose="lead",
            code_hash="c",
            created_at=now - age,
            expires_at=now - age + timedelta(minutes=5),
        )
    for age in (timedelta(hours=23), timedelta(days=3)):
        SmsSend.objects.create(phone_hash="p", ip_hash="i", sent_at=now - age)
    for expiration in (now - timedelta(minutes=1), now + timedelta(minutes=4)):
        CaptchaStore.objects.create(challenge="ABCD", response="abcd", expiration=expiration)


def test_leads_older_than_the_retention_period_are_deleted(history):
    output = purge()
    assert sorted(Lead.objects.values_list("name", flat=True)) == ["179 天前", "今天"]
    assert PhoneVerification.objects.count() == 1
    assert SmsSend.objects.count() == 1  # the last 24 h are still needed for the send limits
    assert CaptchaStore.objects.count() == 1
    assert output == "已删除 1 条过期线索、1 条验证记录、1 条短信发送记录、1 个过期图片验证码。\n"


def test_running_it_again_changes_nothing(history):
    purge()
    assert purge() == "已删除 0 条过期线索、0 条验证记录、0 条短信发送记录、0 个过期图片验证码。\n"
    assert Lead.objects.count() == 2


def test_the_retention_period_is_a_setting(history, settings):
    settings.LEADS_RETENTION_DAYS = 30
    purge()
    assert list(Lead.objects.values_list("name", flat=True)) == ["今天"]


def test_the_period_can_be_given_on_the_command_line(history):
    purge("--days", "1")
    assert list(Lead.objects.values_list("name", flat=True)) == ["今天"]


def test_the_access_log_keeps_its_rows_when_the_lead_goes(history, admin_user):
    old = Lead.objects.get(name="181 天前")
    LeadAccessLog.objects.create(
        user=admin_user, username="admin", lead=old, lead_number=old.pk, action="reveal"
    )
    purge()
    log = LeadAccessLog.objects.get()
    assert (log.lead, log.lead_number) == (None, old.pk)


def test_a_nonsense_period_is_refused(history):
    with pytest.raises(SystemExit):
        call_command("purge_leads", "--days", "0", stdout=StringIO(), stderr=StringIO())
    assert Lead.objects.count() == 3
