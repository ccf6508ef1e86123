"""Editors change rules in admin; the very next score uses them and the history says who changed what."""

import pytest
from django.contrib.admin.models import LogEntry

from calculator.models import Indicator, RuleSet
from tests.calculator.conftest import change_form_data

pytestmark = pytest.mark.django_db


def change_url(ruleset):
    return f"/admin/calculator/ruleset/{ruleset.pk}/change/"


def fresh_graduate_field(data):
    (prefix,) = [k[: -len("-key")] for k, v in data.items() if k.endswith("-key") and v == "fresh_graduate"]
    return f"{prefix}-points"


def score_fresh_graduate(client):
    response = client.post(
        "/api/v1/score", {"age": 30, "fresh_graduate": True}, content_type="application/json"
    )
    return response.json()["total"]


def test_an_editor_changes_a_value_and_the_next_score_uses_it(
    editor_client, django_capture_on_commit_callbacks
):
    ruleset = RuleSet.objects.get(version="2023-01")
    assert score_fresh_graduate(editor_client) == 40
    page = editor_client.get(change_url(ruleset))
    assert page.status_code == 200
    data = change_form_data(page)
    data[fresh_graduate_field(data)] = "12"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(change_url(ruleset), data)
    assert response.status_code == 302
    assert score_fresh_graduate(editor_client) == 42


def test_the_history_records_who_changed_which_value(editor_client, django_capture_on_commit_callbacks):
    ruleset = RuleSet.objects.get(version="2023-01")
    data = change_form_data(editor_client.get(change_url(ruleset)))
    data[fresh_graduate_field(data)] = "12"
    data["threshold"] = "125"
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(change_url(ruleset), data)
    entry = LogEntry.objects.get(object_id=str(ruleset.pk))
    assert entry.user.username == "bianji"
    message = entry.get_change_message()
    assert "标准分值：120 → 125" in message
    assert "指标“全日制应届高校毕业生（fresh_graduate）”的分值（是/否）：10 → 12" in message
    history = editor_client.get(f"/admin/calculator/ruleset/{ruleset.pk}/history/").content.decode()
    assert "bianji" in history
    assert "10 → 12" in history


def test_age_bands_with_a_gap_are_refused_on_save(editor_client):
    ruleset = RuleSet.objects.get(version="2023-01")
    data = change_form_data(editor_client.get(change_url(ruleset)))
    (prefix,) = [
        k[: -len("-low")]
        for k, v in data.items()
        if k.startswith("bands-") and k.endswith("-low") and v == 50
    ]
    data[f"{prefix}-DELETE"] = "on"
    response = editor_client.post(change_url(ruleset), data)
    assert response.status_code == 200
    assert "“年龄”（age）的分档缺少 50–50。" in response.content.decode()
    assert ruleset.bands.filter(low=50).exists()


def test_a_required_indicator_cannot_be_switched_off_in_a_published_ruleset(editor_client):
    ruleset = RuleSet.objects.get(version="2023-01")
    data = change_form_data(editor_client.get(change_url(ruleset)))
    (prefix,) = [k[: -len("-key")] for k, v in data.items() if k.endswith("-key") and v == "education"]
    del data[f"{prefix}-active"]
    response = editor_client.post(change_url(ruleset), data)
    assert response.status_code == 200
    assert "已发布的规则集必须保留并启用这些指标：education。" in response.content.decode()
    assert Indicator.objects.get(ruleset=ruleset, key="education").active


def test_points_beyond_sane_bounds_are_refused(editor_client):
    ruleset = RuleSet.objects.get(version="2023-01")
    data = change_form_data(editor_client.get(change_url(ruleset)))
    data[fresh_graduate_field(data)] = "1000"
    response = editor_client.post(change_url(ruleset), data)
    assert response.status_code == 200
    assert Indicator.objects.get(ruleset=ruleset, key="fresh_graduate").points == 10
