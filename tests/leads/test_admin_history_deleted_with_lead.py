"""The admin's change history (django_admin_log) names no person and goes when the lead goes."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.utils import timezone

from leads.models import Lead
from tests.leads.helpers import PHONE, ask_for_code, last_code_sent_to, submit_lead
from tests.leads.test_consultant_admin import make_lead

pytestmark = pytest.mark.django_db


def edit_in_admin(admin_client, lead):
    due = timezone.localtime(lead.due_by)
    response = admin_client.post(
        f"/admin/leads/lead/{lead.pk}/change/",
        {
            "name": lead.name,
            "service": lead.service_id,
            "status": "contacted",
            "due_by_0": due.strftime("%Y-%m-%d"),
            "due_by_1": due.strftime("%H:%M:%S"),
            "notes": "已回电",
        },
    )
    assert response.status_code == 302


def entries_about(lead_pk):
    return LogEntry.objects.filter(content_type__app_label="leads", object_id=str(lead_pk))


def test_the_history_names_the_lead_by_number_and_masked_phone_only(admin_client):
    lead = make_lead(name="李女士")
    edit_in_admin(admin_client, lead)
    entry = entries_about(lead.pk).get()
    assert entry.object_repr == f"线索 #{lead.pk}（139****5678）"
    assert "李女士" not in entry.object_repr


def test_a_deletion_request_also_deletes_the_admin_history_of_the_lead(client, admin_client, time_machine):
    submit_lead(client, name="王先生")
    lead = Lead.objects.get(phone=PHONE)
    edit_in_admin(admin_client, lead)
    other = make_lead(phone="13900001111")
    edit_in_admin(admin_client, other)
    assert entries_about(lead.pk).exists()

    time_machine.move_to(timezone.now() + timedelta(minutes=2))  # past the resend cooldown
    assert ask_for_code(client, purpose="deletion").status_code == 200
    client.post(
        "/privacy/requests/",
        {"phone": PHONE, "code": last_code_sent_to(), "confirm": "on", "action": "delete"},
    )

    assert not Lead.objects.filter(phone=PHONE).exists()
    assert not entries_about(lead.pk).exists()
    assert not LogEntry.objects.filter(object_repr__contains="王先生").exists()
    assert entries_about(other.pk).exists()


def test_purge_leads_also_deletes_the_admin_history_of_purged_leads(admin_client):
    old = make_lead(phone="13900000001", created=timezone.now() - timedelta(days=181))
    recent = make_lead(phone="13900000002")
    edit_in_admin(admin_client, old)
    edit_in_admin(admin_client, recent)
    call_command("purge_leads", stdout=None)
    assert not entries_about(old.pk).exists()
    assert entries_about(recent.pk).exists()


def test_deleting_a_lead_in_the_admin_also_deletes_its_history(admin_client):
    lead, other = make_lead(), make_lead(phone="13900001111")
    edit_in_admin(admin_client, lead)
    edit_in_admin(admin_client, other)
    response = admin_client.post(f"/admin/leads/lead/{lead.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Lead.objects.filter(pk=lead.pk).exists()
    assert not entries_about(lead.pk).exists()
    assert entries_about(other.pk).exists()
    # And several at once, from the list's delete action.
    admin_client.post(
        "/admin/leads/lead/", {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"}
    )
    assert not Lead.objects.exists() and not entries_about(other.pk).exists()
