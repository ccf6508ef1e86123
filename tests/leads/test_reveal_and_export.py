"""Seeing a full number is a permission, and every reveal or export leaves an access-log row."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission

from leads.models import LeadAccessLog
from tests.leads.test_consultant_admin import LIST_URL, make_lead

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultant(django_user_model):
    user = django_user_model.objects.create_user("xiaozhang", password="consultant-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="顾问"))
    return user


@pytest.fixture
def viewer(django_user_model):
    """Staff who may look at the lead list but not at full numbers."""
    user = django_user_model.objects.create_user("jianli", password="viewer-pass-12345", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_lead"))
    return user


def test_a_consultant_reveals_a_number_and_the_reveal_is_logged(client, consultant):
    lead = make_lead()
    client.force_login(consultant)
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
        consultant,
        "xiaozhang",
        lead,
        lead.pk,
        "reveal",
    )


def test_without_the_permission_there_is_no_reveal(client, viewer):
    lead = make_lead()
    client.force_login(viewer)
    change_page = client.get(f"{LIST_URL}{lead.pk}/change/").content.decode()
    assert "139****5678" in change_page
    assert "/reveal/" not in change_page
    assert client.post(f"{LIST_URL}{lead.pk}/reveal/").status_code == 403
    assert LeadAccessLog.objects.count() == 0


def test_export_needs_its_own_permission(client, consultant):
    make_lead()
    client.force_login(consultant)
    actions = client.get(LIST_URL).context["action_form"].fields["action"].choices
    assert "export_csv" not in [name for name, _ in actions]


def test_a_permitted_export_is_a_csv_and_logs_each_lead(client, consultant):
    first = make_lead(name="=HYPERLINK(1)")
    second = make_lead(phone="13700001111", name="赵先生", message="+1 想咨询")
    consultant.user_permissions.add(Permission.objects.get(codename="export_leads"))
    client.force_login(consultant)
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


def test_the_access_log_is_read_only_for_superusers(admin_client, consultant, client):
    lead = make_lead()
    client.force_login(consultant)
    client.post(f"{LIST_URL}{lead.pk}/reveal/")
    html = admin_client.get("/admin/leads/leadaccesslog/").content.decode()
    assert "xiaozhang" in html and "查看完整号码" in html
    log = LeadAccessLog.objects.get()
    assert admin_client.get(f"/admin/leads/leadaccesslog/{log.pk}/delete/").status_code == 403
