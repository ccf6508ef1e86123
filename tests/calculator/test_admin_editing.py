"""Editors change rules on each indicator's own page; the very next score uses them, the history says
who changed what, and a published ruleset's pages say plainly that a save takes effect at once."""

import pytest
from django.contrib.admin.models import LogEntry

from calculator.models import Band, Indicator, Option, RuleSet, copy_as_draft
from tests.calculator.conftest import change_form_data

pytestmark = pytest.mark.django_db


def indicator_url(key, version="2023-01"):
    indicator = Indicator.objects.get(ruleset__version=version, key=key)
    return f"/admin/calculator/indicator/{indicator.pk}/change/"


def score_fresh_graduate(client):
    response = client.post(
        "/api/v1/score", {"age": 30, "fresh_graduate": True}, content_type="application/json"
    )
    return response.json()["total"]


def save(client, callbacks, url, **changes):
    data = change_form_data(client.get(url))
    data.update(changes)
    with callbacks(execute=True):
        return client.post(url, data)


def test_an_editor_changes_a_value_and_the_next_score_uses_it(
    editor_client, django_capture_on_commit_callbacks
):
    assert score_fresh_graduate(editor_client) == 40
    response = save(
        editor_client, django_capture_on_commit_callbacks, indicator_url("fresh_graduate"), points="12"
    )
    ruleset = RuleSet.objects.get(version="2023-01")
    assert response.status_code == 302
    assert (
        response["Location"] == f"/admin/calculator/ruleset/{ruleset.pk}/overview/#indicator-fresh_graduate"
    )
    assert score_fresh_graduate(editor_client) == 42


def test_the_history_records_who_changed_which_value(editor_client, django_capture_on_commit_callbacks):
    ruleset = RuleSet.objects.get(version="2023-01")
    save(editor_client, django_capture_on_commit_callbacks, indicator_url("fresh_graduate"), points="12")
    data = change_form_data(editor_client.get(f"/admin/calculator/ruleset/{ruleset.pk}/change/"))
    data["threshold"] = "125"
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/admin/calculator/ruleset/{ruleset.pk}/change/", data)
    messages = [e.get_change_message() for e in LogEntry.objects.filter(object_id=str(ruleset.pk))]
    assert "指标“全日制应届高校毕业生（fresh_graduate）”的分值（是/否）：10 → 12" in messages
    assert "标准分值：120 → 125" in messages
    assert {e.user.username for e in LogEntry.objects.all()} == {"bianji"}
    history = editor_client.get(f"/admin/calculator/ruleset/{ruleset.pk}/history/").content.decode()
    assert "bianji" in history
    assert "10 → 12" in history


def test_an_option_changed_inline_is_recorded_and_scored(editor_client, django_capture_on_commit_callbacks):
    url = indicator_url("award")
    data = change_form_data(editor_client.get(url))
    (prefix,) = [
        k[: -len("-code")] for k, v in data.items() if k.endswith("-code") and v == "municipal_special"
    ]
    data[f"{prefix}-points"] = "35"
    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302
    response = editor_client.post(
        "/api/v1/score", {"age": 30, "award": "municipal_special"}, content_type="application/json"
    )
    assert response.json()["total"] == 65
    ruleset = RuleSet.objects.get(version="2023-01")
    assert LogEntry.objects.filter(
        object_id=str(ruleset.pk),
        change_message__contains="选项“市级机关专项表彰（municipal_special）”的分值：30 → 35",
    ).exists()


def test_age_bands_with_a_gap_are_refused_on_save(editor_client):
    url = indicator_url("age")
    data = change_form_data(editor_client.get(url))
    (prefix,) = [k[: -len("-low")] for k, v in data.items() if k.endswith("-low") and v == 50]
    data[f"{prefix}-DELETE"] = "on"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "“年龄”（age）的分档缺少 50–50。" in response.content.decode()
    assert Band.objects.filter(indicator__key="age", low=50).exists()


def test_a_required_indicator_cannot_be_switched_off_in_a_published_ruleset(editor_client):
    url = indicator_url("education")
    data = change_form_data(editor_client.get(url))
    del data["active"]
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "已发布的规则集必须保留并启用这些指标：education。" in response.content.decode()
    assert Indicator.objects.get(ruleset__version="2023-01", key="education").active


def test_points_beyond_sane_bounds_are_refused(editor_client):
    url = indicator_url("fresh_graduate")
    data = change_form_data(editor_client.get(url))
    data["points"] = "1000"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert Indicator.objects.get(ruleset__version="2023-01", key="fresh_graduate").points == 10


def test_a_published_rulesets_pages_say_a_save_takes_effect_at_once(editor_client):
    ruleset = RuleSet.objects.get(version="2023-01")
    for url in (
        indicator_url("age"),
        f"/admin/calculator/ruleset/{ruleset.pk}/change/",
        f"/admin/calculator/ruleset/{ruleset.pk}/overview/",
    ):
        assert "在这里保存的修改立即生效" in editor_client.get(url).content.decode(), url


def test_a_review_date_without_a_name_is_signed_by_the_editor(
    editor_client, django_capture_on_commit_callbacks
):
    save(editor_client, django_capture_on_commit_callbacks, indicator_url("age"), verified_on="2026-11-30")
    age = Indicator.objects.get(ruleset__version="2023-01", key="age")
    assert (str(age.verified_on), age.verified_by) == ("2026-11-30", "bianji")
    response = editor_client.get("/api/v1/rules")
    assert {i["key"]: i for i in response.json()["indicators"]}["age"]["verified_by"] == "bianji"


def score_master(client):
    response = client.post(
        "/api/v1/score", {"age": 30, "education": "master"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()["total"]


def test_a_published_rulesets_answer_code_cannot_be_renamed_and_a_drafts_can(
    editor_client, django_capture_on_commit_callbacks
):
    callbacks = django_capture_on_commit_callbacks
    response = save(editor_client, callbacks, indicator_url("education"), key="edu")
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "已发布的规则集里，答案代码不能修改：已保存的自测答案和调用接口的程序都用“education”作答，"
        "改成“edu”后它们会出错。要改答案代码，请“复制为新草稿”，在草稿里修改后发布。"
    ) in page
    assert Indicator.objects.filter(ruleset__version="2023-01", key="education").exists()
    assert score_master(editor_client) == 130

    copy_as_draft(RuleSet.objects.get(version="2023-01"))
    draft_url = indicator_url("education", version="2023-01-草稿")
    assert save(editor_client, callbacks, draft_url, key="edu").status_code == 302
    assert Indicator.objects.filter(ruleset__version="2023-01-草稿", key="edu").exists()


def rename_option(client, callbacks, indicator_page, old, new):
    data = change_form_data(client.get(indicator_page))
    (prefix,) = [k[: -len("-code")] for k, v in data.items() if k.endswith("-code") and v == old]
    data[f"{prefix}-code"] = new
    with callbacks(execute=True):
        return client.post(indicator_page, data)


def test_a_published_rulesets_option_code_cannot_be_renamed_and_a_drafts_can(
    editor_client, django_capture_on_commit_callbacks
):
    callbacks = django_capture_on_commit_callbacks
    refused = (
        "已发布的规则集里，选项代码不能修改：已保存的自测答案和调用接口的程序都用“master”作答，"
        "改成“masters”后它们会出错。"
    )
    response = rename_option(editor_client, callbacks, indicator_url("education"), "master", "masters")
    assert response.status_code == 200
    assert refused in response.content.decode()
    # The option's own page refuses it too.
    option = Option.objects.get(ruleset__version="2023-01", code="master")
    response = save(editor_client, callbacks, f"/admin/calculator/option/{option.pk}/change/", code="masters")
    assert response.status_code == 200
    assert refused in response.content.decode()
    assert score_master(editor_client) == 130

    copy_as_draft(RuleSet.objects.get(version="2023-01"))
    draft_url = indicator_url("education", version="2023-01-草稿")
    assert rename_option(editor_client, callbacks, draft_url, "master", "masters").status_code == 302
    assert Option.objects.filter(ruleset__version="2023-01-草稿", code="masters").exists()


def delete_option(client, callbacks, indicator_page, code):
    data = change_form_data(client.get(indicator_page))
    (prefix,) = [k[: -len("-code")] for k, v in data.items() if k.endswith("-code") and v == code]
    data[f"{prefix}-DELETE"] = "on"
    with callbacks(execute=True):
        return client.post(indicator_page, data)


def test_a_published_rulesets_options_and_indicators_cannot_be_deleted_and_a_drafts_can(
    editor_client, django_capture_on_commit_callbacks
):
    callbacks = django_capture_on_commit_callbacks
    page = editor_client.get(indicator_url("education")).content.decode()
    assert "所以这里不能删除指标或选项" in page
    assert '-DELETE"' not in page  # no 删除 box on any option
    delete_option(editor_client, callbacks, indicator_url("education"), "master")
    option = Option.objects.get(ruleset__version="2023-01", code="master")
    assert (
        editor_client.post(f"/admin/calculator/option/{option.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    bulk = {"action": "delete_selected", "_selected_action": [option.pk], "post": "yes"}
    editor_client.post("/admin/calculator/option/", bulk)
    fresh_graduate = Indicator.objects.get(ruleset__version="2023-01", key="fresh_graduate")
    deleted = editor_client.post(f"/admin/calculator/indicator/{fresh_graduate.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 403
    assert Option.objects.filter(pk=option.pk).exists()
    assert Indicator.objects.filter(pk=fresh_graduate.pk).exists()
    assert score_master(editor_client) == 130

    copy_as_draft(RuleSet.objects.get(version="2023-01"))
    draft_url = indicator_url("education", version="2023-01-草稿")
    assert delete_option(editor_client, callbacks, draft_url, "master").status_code == 302
    assert not Option.objects.filter(ruleset__version="2023-01-草稿", code="master").exists()
    draft_item = Indicator.objects.get(ruleset__version="2023-01-草稿", key="fresh_graduate")
    assert (
        editor_client.post(
            f"/admin/calculator/indicator/{draft_item.pk}/delete/", {"post": "yes"}
        ).status_code
        == 302
    )
    assert not Indicator.objects.filter(pk=draft_item.pk).exists()
    # The bulk action asks the same question row by row: a draft's options go, a published one's stay.
    draft_option = Option.objects.get(ruleset__version="2023-01-草稿", code="bachelor")
    bulk = {"action": "delete_selected", "_selected_action": [draft_option.pk, option.pk], "post": "yes"}
    assert editor_client.post("/admin/calculator/option/", bulk).status_code == 403
    bulk["_selected_action"] = [draft_option.pk]
    with callbacks(execute=True):
        assert editor_client.post("/admin/calculator/option/", bulk).status_code == 302
    assert not Option.objects.filter(pk=draft_option.pk).exists()
    assert Option.objects.filter(pk=option.pk).exists()
