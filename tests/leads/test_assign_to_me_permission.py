"""分配给我 changes a lead, so staff who may only view leads cannot run it."""

import pytest

from tests.leads.test_consultant_admin import LIST_URL, make_lead

pytestmark = pytest.mark.django_db


def test_view_only_staff_are_not_offered_the_action(viewer_client):
    make_lead()
    response = viewer_client.get(LIST_URL)
    assert response.status_code == 200
    assert "分配给我" not in response.content.decode()


def test_view_only_staff_cannot_assign_by_posting_the_action(viewer_client):
    lead = make_lead()
    viewer_client.post(LIST_URL, {"action": "assign_to_me", "_selected_action": [lead.pk]})
    lead.refresh_from_db()
    assert lead.assigned_to is None
