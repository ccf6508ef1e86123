"""/privacy/ tells what happens to a lead: purposes, retention, the SMS processor, how to delete."""

import pytest

from leads.checks import check_retention_matches_policy
from permitsite.privacy import LEADS_RETENTION_DAYS_STATED

pytestmark = pytest.mark.django_db


def test_the_privacy_page_explains_leads(client):
    html = client.get("/privacy/").content.decode()
    assert "在线咨询的信息怎样处理" in html
    assert "阿里云短信服务" in html
    assert "自提交起 180 天" in html
    assert 'href="/privacy/requests/"' in html


def test_the_sms_processor_is_described_once(client):
    html = client.get("/privacy/").content.decode()
    assert html.count("短信服务商") == 1
    assert html.count("阿里云短信服务") == 1
    assert "受合同约束不得另作他用" in html


def test_the_retention_period_shown_is_the_one_the_policy_version_states(client, settings):
    settings.LEADS_RETENTION_DAYS = 90
    html = client.get("/privacy/").content.decode()
    assert "自提交起 180 天" in html
    assert "最多保存 180 天" in html
    assert "90 天" not in html


def test_the_system_check_refuses_a_retention_setting_the_policy_does_not_state(settings):
    settings.LEADS_RETENTION_DAYS = 90
    errors = check_retention_matches_policy(None)
    assert [error.id for error in errors] == ["leads.E004"]
    assert "POLICY_VERSION" in errors[0].hint


def test_the_system_check_passes_when_setting_and_policy_agree(settings):
    settings.LEADS_RETENTION_DAYS = LEADS_RETENTION_DAYS_STATED
    assert check_retention_matches_policy(None) == []
