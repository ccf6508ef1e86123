"""/privacy/ states what the reminders keep, why, and until when, with the figures the code uses."""

import pytest

from permitsite.privacy import POLICY_VERSION

pytestmark = pytest.mark.django_db


def test_the_privacy_page_has_a_section_on_the_reminders(client):
    html = client.get("/privacy/").content.decode()
    assert 'id="reminders"' in html
    assert "签注短信提醒的信息怎样处理" in html
    assert "最多 3 条" in html and "08:00–21:00" in html
    assert "到有效期后第 61 天" in html
    assert 'href="/renewal/remind/stop/"' in html
    assert f"版本 {POLICY_VERSION}" in html


def test_the_reminder_forms_name_the_policy_version_the_consent_records(client):
    html = client.get("/renewal/remind/").content.decode()
    assert f"版本 {POLICY_VERSION}" in html and 'href="/privacy/#reminders"' in html
