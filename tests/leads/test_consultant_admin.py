"""Consultants work leads in admin: masked list, status, assignment, due-by, overdue, notes."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.utils import timezone

from leads.callback import callback_due
from leads.models import Lead, LeadAccessLog, Service
from permitsite.privacy import POLICY_VERSION

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/leads/lead/"


def make_lead(phone="13912345678", name="李女士", created=None, service="planning", **fields):
    created = created or timezone.now()
    values = {
        "name": name,
        "phone": phone,
        "service": Service.objects.get(slug=service),
        "created_at": created,
        "due_by": callback_due(created),
        "consent_privacy_version": POLICY_VERSION,
        "consent_at": created,
        "consent_ip_hash": "0" * 64,
        "consent_user_agent_hash": "0" * 64,
    }
    values.update(fields)
    return Lead.objects.create(**values)


def test_the_list_shows_numbers_masked(consultant_with_reveal_client):
    make_lead()
    html = consultant_with_reveal_client.get(LIST_URL).content.decode()
    assert "139****5678" in html
    assert "13912345678" not in html
    for header in ("手机号", "咨询服务", "状态", "负责顾问", "回电期限"):
        assert header in html


def test_the_change_page_shows_the_number_masked(consultant_with_reveal_client):
    lead = make_lead()
    html = consultant_with_reveal_client.get(f"{LIST_URL}{lead.pk}/change/").content.decode()
    assert "139****5678" in html
    assert "13912345678" not in html
    assert 'name="phone"' not in html


def test_a_consultant_sets_status_assignment_due_time_and_notes(
    consultant_with_reveal_client, consultant_with_reveal
):
    lead = make_lead()
    due = timezone.localtime(lead.due_by)
    response = consultant_with_reveal_client.post(
        f"{LIST_URL}{lead.pk}/change/",
        {
            "name": lead.name,
            "service": Service.objects.get(slug="planning").pk,
            "status": "following",
            "assigned_to": consultant_with_reveal.pk,
            "due_by_0": due.strftime("%Y-%m-%d"),
            "due_by_1": "15:30:00",
            "notes": "已电话沟通，周五再跟进",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    lead.refresh_from_db()
    assert lead.status == Lead.Status.FOLLOWING
    assert lead.assigned_to == consultant_with_reveal
    assert timezone.localtime(lead.due_by).strftime("%H:%M") == "15:30"
    assert lead.notes == "已电话沟通，周五再跟进"
    assert lead.phone == "13912345678"


def test_the_five_statuses_are_offered_in_chinese(consultant_with_reveal_client):
    lead = make_lead()
    html = consultant_with_reveal_client.get(f"{LIST_URL}{lead.pk}/change/").content.decode()
    for status in ("新线索", "已联系", "跟进中", "已转化", "无效"):
        assert status in html


def test_overdue_open_leads_are_highlighted_and_filterable(consultant_with_reveal_client):
    old = make_lead(phone="13900000001", name="逾期", created=timezone.now() - timedelta(days=5))
    make_lead(
        phone="13900000002", name="已转化", created=timezone.now() - timedelta(days=5), status="converted"
    )
    make_lead(phone="13900000003", name="新来的")
    # Called back in time and now waiting on the person: not overdue, however old its due time.
    make_lead(
        phone="13900000004", name="已联系", created=timezone.now() - timedelta(days=5), status="contacted"
    )
    html = consultant_with_reveal_client.get(LIST_URL).content.decode()
    assert html.count('class="lead-overdue"') == 1
    assert "（已逾期）" in html
    overdue = consultant_with_reveal_client.get(LIST_URL + "?overdue=yes")
    assert [lead.pk for lead in overdue.context["cl"].result_list] == [old.pk]
    not_overdue = consultant_with_reveal_client.get(LIST_URL + "?overdue=no")
    assert sorted(lead.name for lead in not_overdue.context["cl"].result_list) == [
        "已联系",
        "已转化",
        "新来的",
    ]


def test_a_follow_up_past_its_date_is_overdue():
    following = make_lead(created=timezone.now() - timedelta(days=5), status="following")
    assert following.is_overdue()
    assert list(Lead.objects.overdue()) == [following]


def test_search_by_the_last_digits_finds_the_lead(consultant_with_reveal_client):
    make_lead()
    make_lead(phone="13700000000", name="别人")
    response = consultant_with_reveal_client.get(LIST_URL + "?q=5678")
    assert [lead.name for lead in response.context["cl"].result_list] == ["李女士"]


def test_assign_to_me_action(consultant_with_reveal_client, consultant_with_reveal):
    lead = make_lead()
    consultant_with_reveal_client.post(LIST_URL, {"action": "assign_to_me", "_selected_action": [lead.pk]})
    lead.refresh_from_db()
    assert lead.assigned_to == consultant_with_reveal
    (entry,) = LogEntry.objects.filter(object_id=str(lead.pk))  # in the lead's history, without the number
    assert (
        entry.user == consultant_with_reveal
        and "5678" in entry.object_repr
        and "1391234" not in entry.object_repr
    )


def test_assign_to_me_leaves_a_colleagues_lead_alone_and_says_so(
    consultant_with_reveal_client, consultant_with_reveal, admin_user
):
    mine, theirs = make_lead(), make_lead(phone="13700000000", name="别人", assigned_to=admin_user)
    response = consultant_with_reveal_client.post(
        LIST_URL, {"action": "assign_to_me", "_selected_action": [mine.pk, theirs.pk]}, follow=True
    )
    assert Lead.objects.get(pk=theirs.pk).assigned_to == admin_user
    assert Lead.objects.get(pk=mine.pk).assigned_to == consultant_with_reveal
    assert "已把 1 条线索分配给您。另有 1 条已由其他顾问负责，没有改动" in response.content.decode()


def test_the_list_starts_with_the_calls_due_soonest(consultant_with_reveal_client):
    now = timezone.now()
    make_lead(phone="13900000001", name="已转化的老线索", created=now - timedelta(days=9), status="converted")
    make_lead(phone="13900000002", name="今天新来的", created=now)
    make_lead(phone="13900000003", name="前天来的", created=now - timedelta(days=2))
    make_lead(phone="13900000004", name="等对方回复", created=now - timedelta(days=5), status="contacted")
    names = [lead.name for lead in consultant_with_reveal_client.get(LIST_URL).context["cl"].result_list]
    assert names[:2] == ["前天来的", "今天新来的"]
    assert set(names[2:]) == {"已转化的老线索", "等对方回复"}


def test_only_consultants_and_superusers_can_be_assigned(consultant_with_reveal_client, editor):
    lead = make_lead()
    form = consultant_with_reveal_client.get(f"{LIST_URL}{lead.pk}/change/").context["adminform"].form
    assert [user.username for user in form.fields["assigned_to"].queryset] == ["xiaozhang"]


def test_staff_cannot_add_leads_by_hand(consultant_with_reveal_client, admin_client):
    assert admin_client.get(LIST_URL + "add/").status_code == 403


def test_consultants_cannot_delete_or_see_the_access_log(consultant_with_reveal_client):
    lead = make_lead()
    assert consultant_with_reveal_client.get(f"{LIST_URL}{lead.pk}/delete/").status_code == 403
    assert consultant_with_reveal_client.get("/admin/leads/leadaccesslog/").status_code == 403


def test_editors_cannot_see_leads(editor_client):
    make_lead()
    assert editor_client.get(LIST_URL).status_code == 403
    assert "咨询线索" not in editor_client.get("/admin/").content.decode()


def test_only_the_consultant_group_holds_lead_permissions():
    lead_models = ["lead", "leadaccesslog", "phoneverification", "smssend", "leadnotification"]
    holders = set(
        Group.objects.filter(
            permissions__content_type__app_label="leads", permissions__content_type__model__in=lead_models
        ).values_list("name", flat=True)
    )
    assert holders == {"顾问"}
    codenames = set(Group.objects.get(name="顾问").permissions.values_list("codename", flat=True))
    assert codenames == {"view_lead", "change_lead", "reveal_phone"}


def test_editors_maintain_the_services_offered_but_nothing_else_of_leads():
    codenames = set(
        Group.objects.get(name="编辑")
        .permissions.filter(content_type__app_label="leads")
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_service", "add_service", "change_service", "delete_service"}


def test_the_consultant_workflow_leaves_no_access_log_until_a_reveal(consultant_with_reveal_client):
    lead = make_lead()
    consultant_with_reveal_client.get(LIST_URL)
    consultant_with_reveal_client.get(f"{LIST_URL}{lead.pk}/change/")
    assert LeadAccessLog.objects.count() == 0


def test_a_number_typed_into_the_message_is_shown_only_by_a_logged_reveal(
    consultant_client, consultant_with_reveal, sign_in_admin
):
    from django.test import Client

    lead = make_lead(message="请打我另一个电话13687654321，白天方便")
    page = consultant_client.get(f"/admin/leads/lead/{lead.pk}/change/").content.decode()
    assert "请打我另一个电话136****4321，白天方便" in page and "13687654321" not in page
    revealer = Client()
    sign_in_admin(revealer, consultant_with_reveal)
    page = revealer.get(f"/admin/leads/lead/{lead.pk}/change/").content.decode()
    assert "136****4321" in page and "13687654321" not in page
    assert LeadAccessLog.objects.count() == 0
    revealed = revealer.post(f"/admin/leads/lead/{lead.pk}/reveal/").content.decode()
    assert "留言原文（其中的号码在线索页上是遮住的）：请打我另一个电话13687654321，白天方便" in revealed
    assert LeadAccessLog.objects.filter(lead_number=lead.pk, action=LeadAccessLog.Action.REVEAL).count() == 1
