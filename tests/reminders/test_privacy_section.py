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


def test_the_rights_table_covers_the_reminders(client):
    from tests.html_tree import parse

    document = parse(client.get("/privacy/").content.decode())
    row = "".join(document.find(id="rights-reminders").text().split())
    # What is kept, for how long, and how to see, correct and delete it.
    for words in ("手机号", "居住证有效期", "每条提醒的发送时间", "有效期后第61天自动删除"):
        assert words in row
    for words in ("查阅、复制", "更正有效期", "我已签注", "删除、撤回同意", "停止提醒"):
        assert words in row
    links = {link.get("href") for link in document.find(id="rights-reminders").find_all("a")}
    assert {"/renewal/remind/", "/renewal/remind/stop/", "/privacy/requests/"} <= links
    page = "".join(document.find("main").text().split())
    assert "签注短信提醒（手机号、居住证有效期、每条提醒的发送记录、同意记录）：保存到有效期后第61天" in page


def test_a_new_subscription_records_version_1_5(client, time_machine):
    from datetime import date

    from reminders.models import Subscription
    from tests.reminders.helpers import at, subscribe

    time_machine.move_to(at(date(2026, 12, 2)), tick=False)
    subscribe(client)
    assert POLICY_VERSION == "1.5"
    assert Subscription.objects.get().consent_privacy_version == "1.5"
