"""Editors keep the 居转户 conditions in admin; the very next answer uses what they saved."""

import json

import pytest

from settle.models import SettleCondition
from tests.calculator.conftest import change_form_data

# editor_client (tests/conftest.py): a member of the 编辑 group, signed in with password and code.
pytestmark = pytest.mark.django_db


def change_url(condition):
    return f"/admin/settle/settlecondition/{condition.pk}/change/"


def settle(client, **answers):
    body = {"card_years": 6, "si_years": 6, "title": "mid_title"} | answers
    return client.post("/api/v1/settle", json.dumps(body), content_type="application/json").json()


def edit(client, key, capture, **changes):
    condition = SettleCondition.objects.get(key=key)
    data = change_form_data(client.get(change_url(condition))) | changes
    with capture(execute=True):
        response = client.post(change_url(condition), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_an_editor_changing_the_years_changes_the_next_answer(
    editor_client, django_capture_on_commit_callbacks
):
    assert settle(editor_client)["eligible"] is False

    edit(editor_client, "card_years", django_capture_on_commit_callbacks, years="6")
    edit(editor_client, "si_years", django_capture_on_commit_callbacks, years="6")

    answer = settle(editor_client)
    assert answer["eligible"] is True
    assert answer["years_required"] == 6


def test_an_editor_verifying_a_condition_lifts_the_unverified_mark(
    editor_client, django_capture_on_commit_callbacks
):
    before = settle(editor_client, card_years=7, si_years=7, title="none", salary_alternative=True)
    assert "salary_alternative" in before["unverified"]

    edit(editor_client, "salary_alternative", django_capture_on_commit_callbacks, verified_on="2026-11-30")

    answer = settle(editor_client, card_years=7, si_years=7, title="none", salary_alternative=True)
    assert "salary_alternative" not in answer["unverified"]
    assert len(answer["unverified"]) == len(before["unverified"]) - 1


def test_a_check_date_still_to_come_is_refused_and_the_condition_stays_unverified(editor_client_at):
    client = editor_client_at("2026-12-03 12:00+08:00")
    condition = SettleCondition.objects.get(key="salary_alternative")
    data = change_form_data(client.get(change_url(condition))) | {"verified_on": "2099-12-31"}

    response = client.post(change_url(condition), data)

    assert response.status_code == 200
    assert "不能晚于今天（2026-12-03）" in response.content.decode()
    answer = settle(client, card_years=7, si_years=7, title="none", salary_alternative=True)
    assert "salary_alternative" in answer["unverified"]


def test_switching_a_shortcut_off_takes_it_out_of_the_answer(
    editor_client, django_capture_on_commit_callbacks
):
    data = {"card_years": 5, "si_years": 5, "remote_edu_health_years": 5}
    assert settle(editor_client, **data)["eligible"] is True

    condition = SettleCondition.objects.get(key="remote")
    form = change_form_data(editor_client.get(change_url(condition)))
    form.pop("active")  # an unticked checkbox is simply not sent
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(change_url(condition), form).status_code == 302

    answer = settle(editor_client, **data)
    assert answer["eligible"] is False
    assert "remote" not in [c["key"] for c in answer["conditions"]]


def test_years_are_refused_on_a_condition_that_has_none(editor_client):
    condition = SettleCondition.objects.get(key="tax")
    data = change_form_data(editor_client.get(change_url(condition))) | {"years": "3"}

    response = editor_client.post(change_url(condition), data)

    assert response.status_code == 200
    assert "这一条不按年数判断，请留空。" in response.content.decode()


def test_editors_may_change_but_not_add_or_delete_conditions(editor_client):
    condition = SettleCondition.objects.get(key="title")

    assert editor_client.get("/admin/settle/settlecondition/").status_code == 200
    assert editor_client.get("/admin/settle/settlecondition/add/").status_code == 403
    assert editor_client.get(f"/admin/settle/settlecondition/{condition.pk}/delete/").status_code == 403


def test_the_list_shows_which_conditions_await_verification(editor_client):
    html = editor_client.get("/admin/settle/settlecondition/").content.decode()

    assert (
        html.count('field-verified"><strong class="review-missing">待核实')
        == SettleCondition.objects.filter(verified_on=None).count()
    )
    SettleCondition.objects.filter(key="tax").update(verified_on="2026-12-20")
    html = editor_client.get("/admin/settle/settlecondition/").content.decode()
    assert (
        html.count('field-verified"><strong class="review-missing">待核实')
        == SettleCondition.objects.filter(verified_on=None).count()
    )
    assert "2026-12-20" in html
    waiting = (
        editor_client.get("/admin/settle/settlecondition/", {"checked": "missing"}).context["cl"].result_list
    )
    assert "tax" not in {condition.key for condition in waiting}
    assert len(waiting) == SettleCondition.objects.filter(verified_on=None).count()


def test_the_editor_group_may_view_and_change_conditions_only():
    from django.contrib.auth.models import Group

    held = set(
        Group.objects.get(name="编辑")
        .permissions.filter(content_type__app_label="settle")
        .values_list("codename", flat=True)
    )
    assert held == {"view_settlecondition", "change_settlecondition"}
