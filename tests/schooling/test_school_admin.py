"""Editors keep the school facts in admin; the very next timeline uses what they saved."""

import pytest

from schooling.models import PointsProcessingTime, SchoolSystem
from tests.calculator.conftest import change_form_data

# editor_client (tests/conftest.py): a member of the 编辑 group, signed in with password and code.
pytestmark = pytest.mark.django_db


def school(client, birth="2015-05-01"):
    return client.get("/api/v1/school", {"child_birth": birth, "today": "2026-12-02"}).json()


def test_an_editor_adding_the_years_registration_window_changes_the_next_answer(
    editor_client, django_capture_on_commit_callbacks
):
    before = school(editor_client)
    assert before["registration"]["estimated"] is True

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/admin/schooling/registrationwindow/add/",
            {
                "year": "2030",
                "opens": "2029-12-03",
                "closes": "2029-12-12",
                "late_until": "",
                "note": "",
                "source": "2030 年中考报名通知",
                "source_url": "",
                "verified_on": "2026-11-28",
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]

    after = school(editor_client)
    assert after["registration"]["estimated"] is False
    assert after["approval_needed_by"] == "2029-12-12"
    assert after["points_needed_by"] != before["points_needed_by"]
    assert after["registration"]["source"]["text"] == "2030 年中考报名通知"


def test_school_facts_checked_on_a_day_still_to_come_are_refused(editor_client_at):
    client = editor_client_at("2026-12-03 12:00+08:00")
    system = SchoolSystem.objects.get()
    url = f"/admin/schooling/schoolsystem/{system.pk}/change/"
    data = change_form_data(client.get(url)) | {
        "entry_verified_on": "2027-01-01",
        "stages_verified_on": "2027-01-01",
    }

    html = client.post(url, data).content.decode()

    assert html.count("不能晚于今天（2026-12-03）") == 2
    assert school(client)["school_system"]["entry_source"]["verified"] is False


def test_a_registration_window_checked_on_a_day_still_to_come_is_refused(editor_client_at):
    client = editor_client_at("2026-12-03 12:00+08:00")
    window = {"year": "2030", "opens": "2029-12-03", "closes": "2029-12-12", "source": "2030 年中考报名通知"}

    response = client.post("/admin/schooling/registrationwindow/add/", window | {"verified_on": "2029-11-28"})

    assert response.status_code == 200
    assert "不能晚于今天（2026-12-03）" in response.content.decode()
    assert school(client)["registration"]["estimated"] is True


def test_an_editor_changing_the_processing_time_moves_the_deadline(
    editor_client, django_capture_on_commit_callbacks
):
    assert school(editor_client)["points_needed_by"] == "2029-11-09"
    processing = PointsProcessingTime.objects.get()
    url = f"/admin/schooling/pointsprocessingtime/{processing.pk}/change/"
    data = change_form_data(editor_client.get(url)) | {"working_days": "20"}

    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302

    # 20 working days back from Sunday 23 December 2029: the 15 in December, then Friday 30 back to Monday 26.
    assert school(editor_client)["points_needed_by"] == "2029-11-23"


def test_an_editor_changing_the_cut_off_day_changes_the_entry_year(
    editor_client, django_capture_on_commit_callbacks
):
    assert school(editor_client, "2015-08-31")["primary_entry_year"] == 2021
    system = SchoolSystem.objects.get()
    url = f"/admin/schooling/schoolsystem/{system.pk}/change/"
    data = change_form_data(editor_client.get(url)) | {"cutoff_day": "30"}

    with django_capture_on_commit_callbacks(execute=True):
        assert editor_client.post(url, data).status_code == 302

    assert school(editor_client, "2015-08-31")["primary_entry_year"] == 2022


def test_a_holiday_an_editor_enters_moves_the_deadline(editor_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/admin/renewal/holidayoverride/add/", {"date": "2029-12-03", "kind": "holiday", "name": "测试"}
        )
    assert response.status_code == 302

    assert school(editor_client)["points_needed_by"] == "2029-11-08"


def test_an_impossible_cut_off_day_is_refused(editor_client):
    system = SchoolSystem.objects.get()
    url = f"/admin/schooling/schoolsystem/{system.pk}/change/"
    data = change_form_data(editor_client.get(url)) | {"cutoff_month": "2", "cutoff_day": "30"}

    response = editor_client.post(url, data)

    assert response.status_code == 200
    assert "这个月没有这一天。" in response.content.decode()


def test_a_window_that_closes_before_it_opens_is_refused(editor_client):
    response = editor_client.post(
        "/admin/schooling/registrationwindow/add/",
        {"year": "2030", "opens": "2029-12-12", "closes": "2029-12-03", "source": "通知"},
    )

    assert response.status_code == 200
    assert "截止日期不能早于开始日期。" in response.content.decode()


def test_singletons_cannot_be_added_twice_or_deleted(editor_client):
    system = SchoolSystem.objects.get()

    assert editor_client.get("/admin/schooling/schoolsystem/add/").status_code == 403
    assert editor_client.get(f"/admin/schooling/schoolsystem/{system.pk}/delete/").status_code == 403
    assert editor_client.get("/admin/schooling/routewithoutpoints/add/").status_code == 200


def test_the_editor_group_holds_exactly_the_school_permissions():
    from django.contrib.auth.models import Group

    held = set(
        Group.objects.get(name="编辑")
        .permissions.filter(content_type__app_label="schooling")
        .values_list("codename", flat=True)
    )
    assert held == {
        "view_schoolsystem",
        "change_schoolsystem",
        "view_pointsprocessingtime",
        "change_pointsprocessingtime",
        *(
            f"{action}_{model}"
            for model in ("registrationwindow", "routewithoutpoints")
            for action in ("view", "add", "change", "delete")
        ),
    }
