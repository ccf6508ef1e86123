"""What a security probe found on the pages that hold a visitor's answers: they are never kept by a cache,
a back tap cannot park large bodies in the session, and stray links and replays store or log nothing."""

import logging

import pytest
from django.contrib.sessions.models import Session

from calculator.models import Assessment
from calculator.views import SESSION_KEY
from tests.calculator.wizard import complete

pytestmark = pytest.mark.django_db

FAILING = {"age": "30", "education": "bachelor", "title_skill": "none"}


def never_kept(response):
    control = response["Cache-Control"]
    return "private" in control and "no-store" in control


def test_pages_with_a_visitors_answers_are_never_stored_by_any_cache(client):
    result = complete(client, FAILING, {"social_insurance_years": "3"})
    token = Assessment.objects.get().token
    pages = {
        "summary": client.get("/jifen/check/"),
        "an answered step": client.get("/jifen/basic/"),
        "result": result,
        "试一试": client.get(f"/jifen/result/{token}/try/?age=33"),
        "居转户 from the result": client.get(f"/juzhuanhu/?result={token}"),
        "school timeline for a child": client.get("/shengxue/?child_birth=2015-05-01"),
        "居转户 answered": client.post(
            "/juzhuanhu/", {"card_years": "5", "si_years": "5", "title": "mid_title"}
        ),
    }
    assert {name for name, response in pages.items() if not never_kept(response)} == set()


def test_a_back_tap_keeps_what_was_typed_but_not_a_flood(client):
    client.post("/jifen/basic/", {**FAILING, "title_skill": "none"})
    flood = "9" * 200_000
    response = client.post(
        "/jifen/insurance/",
        {"action": "back", "social_insurance_years": flood, "si_base_tier": "x" * 50_000},
    )
    assert response.status_code == 302
    session = Session.objects.get()
    kept = session.get_decoded()[SESSION_KEY]
    assert kept["insurance"]["social_insurance_years"] == "9" * 100
    assert len(session.session_data) < 5_000
    # The way forward shows the cut input with its error: nothing silently lost, nothing stored at length.
    page = client.get("/jifen/insurance/?next=check").content.decode()
    assert "9" * 100 in page


def test_a_broken_preview_link_answers_400_without_logging_a_traceback(client, caplog):
    complete(client, FAILING, {"social_insurance_years": "3"})
    token = Assessment.objects.get().token
    with caplog.at_level(logging.WARNING):
        response = client.get(f"/jifen/result/{token}/try/?age=abc")
    assert response.status_code == 400
    assert "请求有误" in response.content.decode()
    assert [record for record in caplog.records if record.exc_info] == []


def test_recomputing_under_the_same_rules_stores_no_new_result(client):
    result = complete(client, FAILING, {"social_insurance_years": "3"})
    url = result.wsgi_request.path
    response = client.post(url + "recompute/")
    assert response.status_code == 302
    assert response["Location"] == url
    assert Assessment.objects.count() == 1
