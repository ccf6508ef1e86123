"""Editors see the anonymous self-test records with weekly counts and the share reaching 120."""

import pytest

from calculator.models import Assessment

pytestmark = pytest.mark.django_db


def record(total, reached):
    return Assessment.objects.create(
        answers={"age": 30}, result={}, ruleset_version="2023-01", total=total, reaches_threshold=reached
    )


def test_the_list_shows_weekly_counts_and_share(editor_client):
    record(130, True)
    record(90, False)
    record(100, False)
    record(125, True)
    page = editor_client.get("/admin/calculator/assessment/").content.decode()
    assert "<td>4</td><td>2</td><td>50%</td>" in page
    assert "没有姓名、手机号等个人信息" in page


def test_records_are_read_only(editor_client):
    assessment = record(130, True)
    assert editor_client.get("/admin/calculator/assessment/add/").status_code == 403
    response = editor_client.post(f"/admin/calculator/assessment/{assessment.pk}/change/", {"total": 1})
    assert response.status_code in (302, 403)
    assessment.refresh_from_db()
    assert assessment.total == 130


def test_a_record_s_answers_and_result_page_are_not_shown(editor_client):
    # Answers may hold detention or crime (sensitive, /privacy/#sensitive): only a consultant sees them,
    # through a consultation the person attached the result to.
    assessment = record(130, True)
    page = editor_client.get("/admin/calculator/assessment/").content.decode()
    assert "130" in page
    assert assessment.token not in page and f"/assessment/{assessment.pk}/change/" not in page
    assert editor_client.get(f"/admin/calculator/assessment/{assessment.pk}/change/").status_code in (
        302,
        403,
    )
