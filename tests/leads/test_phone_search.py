"""Searching leads by phone: trailing 4 digits for everyone; a longer number only with the reveal
permission, and then it is logged like a reveal, since finding the lead confirms the number."""

import pytest

from leads.models import LeadAccessLog
from tests.leads.test_consultant_admin import LIST_URL, make_lead

pytestmark = pytest.mark.django_db


def found(response):
    return [lead.name for lead in response.context["cl"].result_list]


def test_trailing_four_digits_find_the_lead_without_a_log(consultant_client):
    make_lead()
    make_lead(phone="13700000000", name="别人")
    assert found(consultant_client.get(LIST_URL, {"q": "5678"})) == ["李女士"]
    assert LeadAccessLog.objects.count() == 0


def test_names_are_still_searchable(consultant_client):
    make_lead()
    make_lead(phone="13700000000", name="别人")
    assert found(consultant_client.get(LIST_URL, {"q": "李"})) == ["李女士"]


@pytest.mark.parametrize("term", ["13912345678", "139 1234 5678", "+86 139-1234-5678", "45678"])
def test_without_the_reveal_permission_a_longer_number_finds_nothing_and_says_why(consultant_client, term):
    make_lead()
    response = consultant_client.get(LIST_URL, {"q": term})
    assert found(response) == []
    assert "只能输入尾号 4 位" in response.content.decode()
    assert LeadAccessLog.objects.count() == 0


def test_with_the_reveal_permission_a_full_number_search_is_logged(consultant_with_reveal_client):
    lead = make_lead()
    make_lead(phone="13700000000", name="别人")
    response = consultant_with_reveal_client.get(LIST_URL, {"q": "139 1234 5678"})
    assert found(response) == ["李女士"]
    log = LeadAccessLog.objects.get()
    assert (log.username, log.lead_number, log.action) == ("xiaozhang", lead.pk, "search")
    # The number is still shown masked in the list.
    assert "13912345678" not in response.content.decode()
