from datetime import date

import pytest

from renewal.models import HolidayOverride, HolidayYear

pytestmark = pytest.mark.django_db


def test_override_list_shows_weekday_and_kind(admin_client):
    HolidayOverride.objects.create(date=date(2027, 10, 9), kind="adjusted_working_day", name="国庆调休")

    html = admin_client.get("/admin/renewal/holidayoverride/").content.decode()

    assert "周六" in html and "调休上班" in html and "国庆调休" in html


def test_year_list_counts_the_days_entered_for_each_year(admin_client):
    HolidayOverride.objects.create(date=date(2027, 10, 1), kind="holiday")
    HolidayOverride.objects.create(date=date(2027, 10, 2), kind="holiday")
    HolidayOverride.objects.create(date=date(2026, 3, 2), kind="holiday")
    HolidayYear.objects.create(year=2027)

    response = admin_client.get("/admin/renewal/holidayyear/")

    assert response.context["cl"].result_list[0].entered == 2


def test_year_page_lists_what_is_entered_before_marking_it_complete(admin_client):
    HolidayOverride.objects.create(date=date(2027, 10, 1), kind="holiday", name="国庆节")
    year = HolidayYear.objects.create(year=2027)

    html = admin_client.get(f"/admin/renewal/holidayyear/{year.pk}/change/").content.decode()

    assert "2027年10月1日" in html or "2027-10-01" in html
    assert "国庆节" in html
    assert "全年安排已录入" in html


def test_a_year_outside_the_supported_range_is_refused(admin_client):
    response = admin_client.post("/admin/renewal/holidayyear/add/", {"year": "1999", "source": ""})

    assert response.status_code == 200
    assert not HolidayYear.objects.exists()


# Marking a year complete makes every estimate touching it exact: the day rows must be there to count.
NOTICE = "国务院办公厅关于2027年部分节假日安排的通知"


def mark_complete(client, source):
    return client.post(
        "/admin/renewal/holidayyear/add/", {"year": "2027", "is_complete": "on", "source": source}
    )


def estimated(client):
    return client.get("/api/v1/processing", {"accepted": "2027-02-01"}).json()["estimated"]


def test_a_year_with_no_holidays_entered_cannot_be_marked_complete(editor_client):
    response = mark_complete(editor_client, NOTICE)

    assert response.status_code == 200
    assert "2027年还没有录入放假日" in response.content.decode()
    assert estimated(editor_client) is True


def test_adjusted_working_days_alone_are_not_a_years_schedule(editor_client):
    HolidayOverride.objects.create(date=date(2027, 2, 6), kind="adjusted_working_day", name="春节调休")

    response = mark_complete(editor_client, NOTICE)

    assert response.status_code == 200
    assert "2027年还没有录入放假日" in response.content.decode()


def test_a_year_is_marked_complete_only_with_the_notice_it_follows(
    editor_client, django_capture_on_commit_callbacks
):
    HolidayOverride.objects.create(date=date(2027, 2, 8), kind="holiday", name="春节")

    response = mark_complete(editor_client, "")

    assert response.status_code == 200
    assert "请填写依据" in response.content.decode()
    assert estimated(editor_client) is True
    with django_capture_on_commit_callbacks(execute=True):
        assert mark_complete(editor_client, NOTICE).status_code == 302
    assert estimated(editor_client) is False
