"""A consultant who sees numbers masked cannot recover them through URL filters (?phone__startswith=…):
only the filters the admin offers may be used."""

from datetime import date

import pytest

from tests.leads.test_consultant_admin import LIST_URL, make_lead
from tests.reminders.helpers import subscription

pytestmark = pytest.mark.django_db


def listed_names(response):
    return [lead.name for lead in response.context["cl"].result_list]


@pytest.mark.parametrize(
    "lookup",
    [
        {"phone__startswith": "139"},
        {"phone__startswith": "138"},
        {"phone": "13912345678"},
        {"phone__gte": "13900000000"},
        {"phone__contains": "1234"},
        {"phone__regex": "^139"},
    ],
)
def test_a_phone_prefix_filter_is_refused_and_tells_nothing(consultant_client, lookup):
    make_lead()
    make_lead(phone="13700000000", name="别人")
    response = consultant_client.get(LIST_URL, lookup)
    # Refused outright: the answer is the same whatever the prefix, so halving the range learns nothing.
    assert response.status_code == 400
    assert "李女士" not in response.content.decode()


def test_the_filters_the_admin_offers_still_work(consultant_client):
    make_lead()
    make_lead(phone="13700000000", name="别人", status="contacted")
    assert listed_names(consultant_client.get(LIST_URL, {"status__exact": "contacted"})) == ["别人"]
    assert consultant_client.get(LIST_URL, {"overdue": "no"}).status_code == 200
    today = date.today()
    assert consultant_client.get(LIST_URL, {"created_at__year": today.year}).status_code == 200


def test_reminder_numbers_and_links_cannot_be_filtered_either(admin_client):
    reminders = subscription()
    for lookup in (
        {"phone__startswith": "138"},
        {"phone__startswith": "139"},
        {"token__startswith": reminders.token[:1]},
    ):
        response = admin_client.get("/admin/reminders/subscription/", lookup)
        assert response.status_code == 400
        assert "138****5678" not in response.content.decode()
    # The date filter the list offers still answers.
    assert admin_client.get("/admin/reminders/subscription/", {"expiry__year": 2027}).status_code == 200
