"""A consultant's admin pages for leads run under our CSP, and the overdue highlight shows on a phone."""

from datetime import timedelta

from django.utils import timezone

from permitsite.models import SitePage
from tests.leads.test_consultant_admin import make_lead


# seeded_transactional_db first: the services (and /about/'s text) are rows the migrations store, and it
# empties the database before the signed-in user is created.
def test_lead_admin_pages_have_no_csp_violations(seeded_transactional_db, signed_in_phone, live_server):
    page = signed_in_phone
    lead = make_lead(name="逾期的王先生", created=timezone.now() - timedelta(days=5))
    for path in (
        "leads/lead/",
        "leads/lead/?overdue=yes",
        f"leads/lead/{lead.pk}/change/",
        "leads/leadaccesslog/",
        "leads/service/",
        f"leads/service/{lead.service_id}/change/",
        "permitsite/sitepage/",
        f"permitsite/sitepage/{SitePage.objects.get(slug='about').pk}/change/",
    ):
        response = page.goto(f"{live_server.url}/admin/{path}")
        assert response.status == 200, path

    page.goto(f"{live_server.url}/admin/leads/lead/")
    overdue = page.locator(".lead-overdue")
    assert "已逾期" in overdue.inner_text()
    assert overdue.evaluate("element => getComputedStyle(element).fontWeight") == "600"

    page.goto(f"{live_server.url}/admin/leads/lead/{lead.pk}/reveal/")
    assert "13912345678" not in page.content()
    page.get_by_role("button", name="查看完整号码（会被记录）").click()
    page.get_by_text("13912345678").wait_for()
    assert page.csp_violations == []
