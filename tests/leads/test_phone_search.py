"""Searching leads by phone: trailing 4 digits for everyone; a longer number only with the reveal
permission, and then it is logged like a reveal, since finding the lead confirms the number."""

import pytest
from django.contrib.auth.models import Group, Permission

from leads.models import LeadAccessLog
from tests.leads.test_consultant_admin import LIST_URL, make_lead

pytestmark = pytest.mark.django_db


@pytest.fixture
def without_reveal(client, django_user_model):
    user = django_user_model.objects.create_user("kanke", password="x" * 12, is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_lead", "change_lead"]))
    client.force_login(user)
    return client


@pytest.fixture
def with_reveal(client, django_user_model):
    user = django_user_model.objects.create_user("xiaozhang", password="x" * 12, is_staff=True)
    user.groups.add(Group.objects.get(name="顾问"))
    client.force_login(user)
    return client


def found(response):
    return [lead.name for lead in response.context["cl"].result_list]


def test_trailing_four_digits_find_the_lead_without_a_log(without_reveal):
    make_lead()
    make_lead(phone="13700000000", name="别人")
    assert found(without_reveal.get(LIST_URL, {"q": "5678"})) == ["李女士"]
    assert LeadAccessLog.objects.count() == 0


def test_names_are_still_searchable(without_reveal):
    make_lead()
    make_lead(phone="13700000000", name="别人")
    assert found(without_reveal.get(LIST_URL, {"q": "李"})) == ["李女士"]


@pytest.mark.parametrize("term", ["13912345678", "139 1234 5678", "+86 139-1234-5678", "45678"])
def test_without_the_reveal_permission_a_longer_number_finds_nothing_and_says_why(without_reveal, term):
    make_lead()
    response = without_reveal.get(LIST_URL, {"q": term})
    assert found(response) == []
    assert "只能输入尾号 4 位" in response.content.decode()
    assert LeadAccessLog.objects.count() == 0


def test_with_the_reveal_permission_a_full_number_search_is_logged(with_reveal):
    lead = make_lead()
    make_lead(phone="13700000000", name="别人")
    response = with_reveal.get(LIST_URL, {"q": "139 1234 5678"})
    assert found(response) == ["李女士"]
    log = LeadAccessLog.objects.get()
    assert (log.username, log.lead_number, log.action) == ("xiaozhang", lead.pk, "search")
    # The number is still shown masked in the list.
    assert "13912345678" not in response.content.decode()
