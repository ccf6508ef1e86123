"""A published ruleset's effective date cannot change which rules applied on any day up to today: the
editor is told to copy it as a draft instead. A draft's date stays free."""

import datetime

import pytest
from django.utils import timezone

from calculator.models import RuleSet
from tests.calculator.conftest import change_form_data

pytestmark = pytest.mark.django_db
DAYS = datetime.timedelta(days=1)


def save_date(client, callbacks, ruleset, effective_from):
    url = f"/admin/calculator/ruleset/{ruleset.pk}/change/"
    data = change_form_data(client.get(url))
    data["effective_from"] = str(effective_from or "")
    with callbacks(execute=True):
        response = client.post(url, data)
    ruleset.refresh_from_db()
    return response


def version_on(client, day):
    return client.get(f"/api/v1/rules?as_of={day}").json()["version"]


def test_the_ruleset_in_force_keeps_its_date_and_a_copy_takes_any(
    editor_client, django_capture_on_commit_callbacks
):
    callbacks = django_capture_on_commit_callbacks
    in_force = RuleSet.objects.get(version="2023-01")
    for day in (timezone.localdate() + 30 * DAYS, datetime.date(2022, 1, 1)):
        response = save_date(editor_client, callbacks, in_force, day)
        assert response.status_code == 200
        page = response.content.decode()
        assert "这个规则集从 2023-01-01 起已经开始使用，生效日期不能再修改或清空" in page
        assert "请把它“复制为新草稿”，在草稿里填新的生效日期" in page
        assert in_force.effective_from == datetime.date(2023, 1, 1)
    assert editor_client.get("/api/v1/rules").json()["version"] == "2023-01"
    assert editor_client.get("/jifen/rules/").status_code == 200
    assert editor_client.get("/jifen/basic/").status_code == 200

    with callbacks(execute=True):
        editor_client.post(f"/admin/calculator/ruleset/{in_force.pk}/copy/")
    draft = RuleSet.objects.get(version="2023-01-草稿")
    for day in (datetime.date(2030, 1, 1), datetime.date(2022, 1, 1), None):
        assert save_date(editor_client, callbacks, draft, day).status_code == 302
        assert draft.effective_from == day


def test_a_published_future_ruleset_moves_only_to_another_future_day(
    editor_client, django_capture_on_commit_callbacks, publish_copy
):
    callbacks = django_capture_on_commit_callbacks
    today = timezone.localdate()
    future = publish_copy(today + 30 * DAYS, version="future")
    for day in (datetime.date(2025, 1, 1), today):
        response = save_date(editor_client, callbacks, future, day)
        assert response.status_code == 200
        assert f"已发布的规则集的生效日期只能改到今天（{today}）以后：改到 {day}" in response.content.decode()
        assert future.effective_from == today + 30 * DAYS
    assert version_on(editor_client, today) == "2023-01"

    # Still ahead, it may move to another day ahead: no day up to today changes.
    assert save_date(editor_client, callbacks, future, today + 45 * DAYS).status_code == 302
    assert version_on(editor_client, today + 44 * DAYS) == "2023-01"
    assert version_on(editor_client, today + 45 * DAYS) == "future"


def test_a_published_ruleset_cannot_move_onto_another_published_rulesets_day(
    editor_client, django_capture_on_commit_callbacks, publish_copy
):
    today = timezone.localdate()
    publish_copy(today + 30 * DAYS, version="first")
    second = publish_copy(today + 60 * DAYS, version="second")
    response = save_date(editor_client, django_capture_on_commit_callbacks, second, today + 30 * DAYS)
    assert response.status_code == 200
    assert (
        f"已发布的规则集“first”在 {today + 30 * DAYS} 生效，同一天只能有一个规则集生效，请换一个日期。"
        in response.content.decode()
    )
    assert second.effective_from == today + 60 * DAYS


def test_a_published_rulesets_date_cannot_be_cleared(
    editor_client, django_capture_on_commit_callbacks, publish_copy
):
    callbacks = django_capture_on_commit_callbacks
    in_force = RuleSet.objects.get(version="2023-01")
    response = save_date(editor_client, callbacks, in_force, None)
    assert response.status_code == 200
    assert "生效日期不能再修改或清空" in response.content.decode()
    assert in_force.effective_from == datetime.date(2023, 1, 1)

    day = timezone.localdate() + 30 * DAYS
    future = publish_copy(day, version="future")
    response = save_date(editor_client, callbacks, future, None)
    assert response.status_code == 200
    assert "已发布的规则集不能清空生效日期：清空后它永远不会被使用" in response.content.decode()
    assert version_on(editor_client, day) == "future"


def test_a_published_ruleset_left_without_a_date_opens_and_takes_a_day_ahead(
    editor_client, django_capture_on_commit_callbacks, publish_copy
):
    callbacks = django_capture_on_commit_callbacks
    today = timezone.localdate()
    future = publish_copy(today + 30 * DAYS, version="future")
    # What clearing the date used to leave behind.
    RuleSet.objects.filter(pk=future.pk).update(effective_from=None)
    url = f"/admin/calculator/ruleset/{future.pk}"
    assert editor_client.get(f"{url}/change/").status_code == 200
    assert editor_client.get(f"{url}/delete/").status_code == 200
    # It never scored a day: a day ahead changes no past day, a day up to today would.
    assert save_date(editor_client, callbacks, future, today).status_code == 200
    assert save_date(editor_client, callbacks, future, today + 40 * DAYS).status_code == 302
    assert version_on(editor_client, today + 40 * DAYS) == "future"
