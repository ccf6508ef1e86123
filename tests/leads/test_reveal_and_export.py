"""Seeing a full number is a permission, and every reveal or export leaves an access-log row."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission

from leads.models import LeadAccessLog
from tests.conftest import current_code, wrong_code
from tests.leads.test_consultant_admin import LIST_URL, make_lead

pytestmark = pytest.mark.django_db


def test_a_consultant_reveals_a_number_and_it_is_logged(client, consultant_with_reveal, sign_in_admin):
    lead = make_lead()
    sign_in_admin(client, consultant_with_reveal)
    change_page = client.get(f"{LIST_URL}{lead.pk}/change/").content.decode()
    assert f"{LIST_URL}{lead.pk}/reveal/" in change_page

    confirm = client.get(f"{LIST_URL}{lead.pk}/reveal/")
    assert "13912345678" not in confirm.content.decode()
    assert LeadAccessLog.objects.count() == 0

    revealed = client.post(f"{LIST_URL}{lead.pk}/reveal/")
    assert "13912345678" in revealed.content.decode()
    assert "no-store" in revealed["Cache-Control"]
    log = LeadAccessLog.objects.get()
    assert (log.user, log.username, log.lead, log.lead_number, log.action) == (
        consultant_with_reveal,
        "xiaozhang",
        lead,
        lead.pk,
        "reveal",
    )


def test_without_the_permission_there_is_no_reveal(viewer_client):
    client = viewer_client
    lead = make_lead()
    change_page = client.get(f"{LIST_URL}{lead.pk}/change/").content.decode()
    assert "139****5678" in change_page
    assert "/reveal/" not in change_page
    assert client.post(f"{LIST_URL}{lead.pk}/reveal/").status_code == 403
    assert LeadAccessLog.objects.count() == 0


def test_export_needs_its_own_permission(consultant_with_reveal_client):
    make_lead()
    actions = consultant_with_reveal_client.get(LIST_URL).context["action_form"].fields["action"].choices
    assert "export_csv" not in [name for name, _ in actions]


def test_a_permitted_export_is_a_csv_and_logs_each_lead(client, consultant_with_reveal, sign_in_admin):
    first = make_lead(name="=HYPERLINK(1)")
    second = make_lead(phone="13700001111", name="赵先生", message="+1 想咨询")
    consultant_with_reveal.user_permissions.add(Permission.objects.get(codename="export_leads"))
    sign_in_admin(client, consultant_with_reveal)
    response = client.post(LIST_URL, {"action": "export_csv", "_selected_action": [first.pk, second.pk]})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="leads-')
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["编号", "称呼", "手机号", "服务"]
    assert [row[2] for row in rows[1:]] == ["13912345678", "13700001111"]
    # A name or message that looks like a spreadsheet formula is neutralised.
    assert rows[1][1] == "'=HYPERLINK(1)"
    assert rows[2][8] == "'+1 想咨询"
    logs = LeadAccessLog.objects.order_by("lead_number")
    assert [(log.username, log.action, log.lead_number) for log in logs] == [
        ("xiaozhang", "export", first.pk),
        ("xiaozhang", "export", second.pk),
    ]


def test_the_access_log_is_read_only_for_superusers(admin_client, consultant_with_reveal_client):
    lead = make_lead()
    consultant_with_reveal_client.post(f"{LIST_URL}{lead.pk}/reveal/")
    html = admin_client.get("/admin/leads/leadaccesslog/").content.decode()
    assert "xiaozhang" in html and "查看完整号码" in html
    log = LeadAccessLog.objects.get()
    assert admin_client.get(f"/admin/leads/leadaccesslog/{log.pk}/delete/").status_code == 403


def test_a_reveal_asks_for_the_code_again_after_fifteen_minutes(
    client, consultant_with_reveal, sign_in_admin, frozen_clock
):
    lead = make_lead()
    device = sign_in_admin(client, consultant_with_reveal)
    url = f"{LIST_URL}{lead.pk}/reveal/"
    frozen_clock.shift(timedelta(minutes=15))
    assert 'name="otp_token"' not in client.get(url).content.decode()
    frozen_clock.shift(timedelta(minutes=1))

    asked = client.get(url).content.decode()
    assert 'name="otp_token"' in asked and "超过 15 分钟" in asked
    for posted in ({}, {"otp_token": wrong_code(device)}):
        refused = client.post(url, posted).content.decode()
        assert "13912345678" not in refused
        assert 'name="otp_token"' in refused
    assert LeadAccessLog.objects.count() == 0

    frozen_clock.shift(timedelta(seconds=10))  # past django-otp's short delay after a wrong code
    revealed = client.post(url, {"otp_token": current_code(device)}).content.decode()
    assert "13912345678" in revealed
    assert LeadAccessLog.objects.get().action == "reveal"
    # The code just typed counts as fresh for the next quarter of an hour.
    frozen_clock.shift(timedelta(minutes=10))
    assert "13912345678" in client.post(url).content.decode()


def test_an_export_asks_for_the_code_again_after_fifteen_minutes(
    client, consultant_with_reveal, sign_in_admin, frozen_clock
):
    lead = make_lead()
    consultant_with_reveal.user_permissions.add(Permission.objects.get(codename="export_leads"))
    device = sign_in_admin(client, consultant_with_reveal)
    frozen_clock.shift(timedelta(minutes=16))

    asked = client.post(LIST_URL, {"action": "export_csv", "_selected_action": [lead.pk]})
    assert asked["Content-Type"].startswith("text/html")
    page = asked.content.decode()
    assert 'name="otp_token"' in page and "13912345678" not in page
    assert f'name="_selected_action" value="{lead.pk}"' in page
    assert LeadAccessLog.objects.count() == 0

    exported = client.post(
        LIST_URL, {"action": "export_csv", "_selected_action": [lead.pk], "otp_token": current_code(device)}
    )
    assert exported["Content-Type"] == "text/csv; charset=utf-8"
    assert "13912345678" in exported.content.decode("utf-8-sig")
    assert LeadAccessLog.objects.get().action == "export"
