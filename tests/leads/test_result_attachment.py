"""A self-test result travels with the lead only when the visitor ticks the second, separate box."""

import pytest

from leads.models import Lead
from tests.html_tree import parse
from tests.leads.helpers import ask_for_code, last_code_sent_to, lead_form

pytestmark = pytest.mark.django_db


def submit_from_result_page(client, **overrides):
    ask_for_code(client)
    data = lead_form(code=last_code_sent_to(), result="r_8f3kQ2", **overrides)
    return client.post("/consult/?result=r_8f3kQ2", data)


def test_arriving_from_a_result_page_offers_an_unticked_box(client):
    html = client.get("/consult/?result=r_8f3kQ2").content.decode()
    box = parse(html).by_id("id_attach_result")
    assert box["name"] == "attach_result" and box.get("checked") is None
    assert 'href="/jifen/result/r_8f3kQ2/"' in html


def test_without_a_result_there_is_no_second_box(client):
    assert 'name="attach_result"' not in client.get("/consult/").content.decode()


def test_the_result_is_attached_only_when_ticked(client):
    assert submit_from_result_page(client, attach_result="on").status_code == 302
    lead = Lead.objects.get()
    assert lead.result_token == "r_8f3kQ2"
    assert lead.result_consent_at == lead.consent_at


def test_an_unticked_box_attaches_nothing(client):
    assert submit_from_result_page(client).status_code == 302
    lead = Lead.objects.get()
    assert lead.result_token == ""
    assert lead.result_consent_at is None


def test_a_malformed_token_is_ignored(client):
    html = client.get('/consult/?result="><b>x</b>').content.decode()
    assert 'name="attach_result"' not in html
    assert "<b>x</b>" not in html
