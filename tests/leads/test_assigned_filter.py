"""The 负责顾问 filter lists the people leads are assigned to, not every account in the system."""

import pytest

from tests.leads.test_consultant_admin import LIST_URL, make_lead

pytestmark = pytest.mark.django_db


def test_the_assignee_filter_offers_only_people_with_leads(admin_client, consultant_with_reveal, editor):
    make_lead(assigned_to=consultant_with_reveal)
    response = admin_client.get(LIST_URL)
    assignee_filter = next(
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "field_path", "") == "assigned_to"
    )
    offered = {choice["display"] for choice in assignee_filter.choices(response.context["cl"])}
    assert "xiaozhang" in offered
    assert "bianji" not in offered
    assert "admin" not in offered
