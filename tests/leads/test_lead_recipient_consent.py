"""When another company calls people back, the form asks separately for consent to pass the lead to it,
naming it and how to reach it (个人信息保护法 第二十三条); the lead keeps what was agreed to."""

import pytest

from leads.checks import check_lead_recipient_and_notifications
from leads.models import Lead
from tests.html_tree import parse
from tests.leads.helpers import submit_lead

pytestmark = pytest.mark.django_db

RECIPIENT = "上海示例咨询服务有限公司"
CONTACT = "021-5555 0000"


@pytest.fixture
def separate_recipient(settings):
    settings.LEADS_RECIPIENT = RECIPIENT
    settings.LEADS_RECIPIENT_CONTACT = CONTACT


def test_without_a_separate_recipient_there_is_no_extra_box(client):
    assert 'name="recipient_consent"' not in client.get("/consult/").content.decode()
    assert submit_lead(client).status_code == 302
    lead = Lead.objects.get()
    assert (lead.recipient, lead.recipient_consent_at) == ("", None)


def test_the_separate_box_names_the_recipient_and_its_contact_and_starts_unticked(client, separate_recipient):
    document = parse(client.get("/consult/").content)
    box = document.by_id("id_recipient_consent")
    assert box.get("checked") is None
    label = document.find("label", class_="choice-label", **{"for": "id_recipient_consent"}).text()
    assert RECIPIENT in label and CONTACT in label
    assert document.by_id("id_consent").get("checked") is None  # still its own box


def test_without_the_separate_consent_nothing_is_stored(client, separate_recipient):
    response = submit_lead(client)
    assert response.status_code == 200
    assert "回电由另一家公司负责" in response.context["form"].errors["recipient_consent"][0]
    assert Lead.objects.count() == 0


def test_with_it_the_lead_records_whom_it_may_go_to_and_when(client, separate_recipient):
    response = submit_lead(client, recipient_consent="on")
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert lead.recipient == RECIPIENT
    assert lead.recipient_consent_at == lead.consent_at
    assert RECIPIENT in client.get(response["Location"]).content.decode()


def test_the_privacy_notice_and_about_page_name_the_recipient(client, separate_recipient):
    for path in ("/privacy/", "/about/"):
        html = client.get(path).content.decode()
        assert RECIPIENT in html and CONTACT in html, path


def test_a_recipient_without_a_contact_is_refused_by_the_system_check(settings):
    settings.LEADS_RECIPIENT, settings.LEADS_RECIPIENT_CONTACT = RECIPIENT, ""
    assert "leads.E005" in [error.id for error in check_lead_recipient_and_notifications(None)]
