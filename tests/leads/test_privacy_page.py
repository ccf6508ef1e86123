"""/privacy/ tells what happens to a lead: purposes, retention, the SMS processor, how to delete."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_privacy_page_explains_leads(client):
    html = client.get("/privacy/").content.decode()
    assert "在线咨询的信息怎样处理" in html
    assert "阿里云短信服务" in html
    assert "自提交起 180 天" in html
    assert 'href="/privacy/requests/"' in html


def test_the_retention_period_shown_is_the_one_in_force(client, settings):
    settings.LEADS_RETENTION_DAYS = 90
    html = client.get("/privacy/").content.decode()
    assert "自提交起 90 天" in html
    assert "最多保存 90 天" in html
    assert "180 天" not in html
