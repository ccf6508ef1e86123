"""From a self-test result, /consult/ preselects checking it and says what would be attached; the result
travels with the lead only when the visitor ticks the second, separate box."""

import pytest

from calculator.models import Assessment
from calculator.samples import example_result_path
from leads.models import Lead
from tests.html_tree import parse
from tests.leads.helpers import ask_for_code, last_code_sent_to, lead_form

pytestmark = pytest.mark.django_db


def stored_result(total=86, gap=34, eligible=True, outside=None):
    return Assessment.objects.create(
        answers={"age": 30},
        result={
            "total": total,
            "threshold": 120,
            "gap": gap,
            "eligible": eligible,
            "items": [],
            **({"outside": outside} if outside else {}),
        },
        ruleset_version="2023-01",
        total=total,
        reaches_threshold=eligible and gap == 0,
    )


def checked_services(document):
    return [
        radio["value"] for radio in document.find_all("input", name="service") if "checked" in radio.attrs
    ]


def submit_from_result_page(client, token, **overrides):
    ask_for_code(client)
    data = lead_form(code=last_code_sent_to(), result=token, **overrides)
    return client.post(f"/consult/?result={token}", data)


def test_arriving_from_a_result_preselects_the_points_check_and_offers_an_unticked_box(client):
    token = stored_result().token
    document = parse(client.get(f"/consult/?result={token}").content)
    assert document.by_id("id_attach_result").get("checked") is None
    assert document.find("a", href=f"/jifen/result/{token}/") is not None
    help_text = document.by_id("id_attach_result_helptext").text()
    assert "将附上：86 分，还差 34 分" in help_text
    # The answers about detention and crime go with it, and the box says so before it is ticked.
    assert "行政拘留、刑事处罚" in help_text and "敏感个人信息" in help_text
    assert checked_services(document) == ["check_score"]
    # The consent to the privacy policy stays a box of its own, unticked.
    assert document.by_id("id_consent").get("checked") is None


@pytest.mark.parametrize(
    "result, words",
    [
        ({"total": 126, "gap": 0}, "将附上：126 分，已达到 120 分"),
        ({"total": 90, "gap": 30, "eligible": False}, "将附上：90 分，有否决项"),
        # Over 60 a total past 120 is no pass (calculator/engine.py, outside_system).
        (
            {"total": 124, "gap": 0, "outside": "「年龄」62 周岁"},
            "将附上：124 分，「年龄」62 周岁不在积分制度适用范围内",
        ),
    ],
)
def test_the_summary_says_what_the_result_says(client, result, words):
    token = stored_result(**result).token
    assert words in client.get(f"/consult/?result={token}").content.decode()


def test_without_a_result_there_is_no_second_box_and_nothing_is_preselected(client):
    html = client.get("/consult/").content.decode()
    assert 'name="attach_result"' not in html
    assert checked_services(parse(html)) == []


def test_a_guide_or_the_renewal_check_preselects_the_renewal_service(client):
    document = parse(client.get("/consult/?service=renewal").content)
    assert checked_services(document) == ["renewal"]


def test_the_result_is_attached_only_when_ticked(client):
    token = stored_result().token
    assert (
        submit_from_result_page(client, token, attach_result="on", service="check_score").status_code == 302
    )
    lead = Lead.objects.get()
    assert lead.result_token == token
    assert lead.result_consent_at == lead.consent_at
    assert "您的积分自测结果已经附上" in client.get("/consult/thanks/").content.decode()


def test_an_unticked_box_attaches_nothing(client):
    assert submit_from_result_page(client, stored_result().token).status_code == 302
    lead = Lead.objects.get()
    assert lead.result_token == ""
    assert lead.result_consent_at is None


def test_asking_to_check_a_result_without_attaching_it_is_told_so(client):
    assert submit_from_result_page(client, stored_result().token, service="check_score").status_code == 302
    thanks = client.get("/consult/thanks/").content.decode()
    assert "您没有附带积分自测结果" in thanks
    assert "已经附上" not in thanks


@pytest.mark.parametrize("token", ['"><b>x</b>', "no-such-result"])
def test_a_malformed_or_unknown_token_offers_nothing(client, token):
    html = client.get("/consult/", {"result": token}).content.decode()
    assert 'name="attach_result"' not in html
    assert "<b>x</b>" not in html


def test_a_forged_token_in_the_post_attaches_nothing(client):
    stored_result()
    response = submit_from_result_page(client, "made-up-token", attach_result="on")
    assert response.status_code == 302
    assert Lead.objects.get().result_token == ""


def test_guides_and_the_renewal_check_link_to_the_matching_service(client):
    assert 'href="/consult/?service=renewal"' in client.get("/guides/how-to-renew/").content.decode()
    assert (
        'href="/consult/?service=renewal"' in client.get("/renewal/check/?expiry=2027-03-01").content.decode()
    )
    assert 'href="/consult/?result=' in client.get(example_result_path()).content.decode()


def test_deleting_the_consultation_deletes_the_result_attached_to_it(client):
    # /privacy/: an attached result is kept as long as its consultation, then deleted; a deletion request
    # (or the retention purge) must not leave its answers online behind the link.
    from leads.services import purge

    token = stored_result().token
    submit_from_result_page(client, token, attach_result="on", service="check_score")
    other = stored_result().token  # someone else's result, attached to nothing
    purge(retention_days=-1)  # every lead is past a retention of "yesterday"
    assert not Lead.objects.exists()
    assert not Assessment.objects.filter(token=token).exists()  # its link answers 404
    assert Assessment.objects.filter(token=other).exists()


def test_a_result_another_consultation_still_holds_stays(client):
    from leads.services import purge

    token = stored_result().token
    submit_from_result_page(client, token, attach_result="on", service="check_score")
    first = Lead.objects.get()
    Lead.objects.filter(pk=first.pk).update(created_at=first.created_at.replace(year=2020))
    first.pk = None
    first.save()  # a second consultation holding the same result, still within its retention period
    purge()
    assert Lead.objects.count() == 1
    assert Assessment.objects.filter(token=token).exists()
