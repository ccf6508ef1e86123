"""Stored self-test results (and so their share links) are deleted after the period /privacy/ states, except
those attached to a consultation that is still kept."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from calculator.models import Assessment
from calculator.results import kept_until
from permitsite.privacy import RESULTS_RETENTION_DAYS_STATED
from tests.leads.test_consultant_admin import make_lead

pytestmark = pytest.mark.django_db


def stored_result(age_in_days):
    assessment = Assessment.objects.create(
        answers={"age": 30}, result={"total": 0}, ruleset_version="2023-01", total=0, reaches_threshold=False
    )
    Assessment.objects.filter(pk=assessment.pk).update(
        created_at=timezone.now() - timedelta(days=age_in_days)
    )
    return assessment


def purge():
    out = StringIO()
    call_command("purge_results", stdout=out)
    return out.getvalue()


def test_results_older_than_the_stated_period_are_deleted():
    assert RESULTS_RETENTION_DAYS_STATED == 365
    fresh, _old = stored_result(364), stored_result(366)
    assert purge() == "已删除 1 条过期的自测结果。\n"
    assert list(Assessment.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert purge() == "已删除 0 条过期的自测结果。\n"


def test_a_result_attached_to_a_kept_consultation_stays_until_the_consultation_goes():
    attached = stored_result(400)
    lead = make_lead(result_token=attached.token)
    purge()
    assert Assessment.objects.filter(pk=attached.pk).exists()
    lead.delete()
    purge()
    assert not Assessment.objects.exists()


def test_the_result_page_says_until_when_its_link_works(client):
    from calculator.samples import example_result_path

    path = example_result_path()
    assessment = Assessment.objects.get()
    until = kept_until(timezone.localdate(assessment.created_at))
    html = client.get(path).content.decode()
    assert f"{until.year}年{until.month}月{until.day}日前，这个链接都会显示这个结果" in html
