"""In December the admin warns while next year's holiday schedule is unknown: callback times and
processing estimates would otherwise silently count Monday–Friday."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from renewal.models import HolidayYear
from renewal.workdays import WorkdayCalendar, next_year_without_schedule

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Far beyond any year chinesecalendar will carry, so the test does not change when the package is updated.
DECEMBER = datetime(2097, 12, 3, 10, 0, tzinfo=SHANGHAI)
WARNING = "2098年的节假日安排还没有录入"


def test_only_december_with_an_unknown_next_year_is_flagged():
    calendar = WorkdayCalendar()
    assert next_year_without_schedule(date(2097, 12, 1), calendar) == 2098
    assert next_year_without_schedule(date(2097, 12, 31), calendar) == 2098
    assert next_year_without_schedule(date(2097, 11, 30), calendar) is None
    assert next_year_without_schedule(date(2097, 12, 1), WorkdayCalendar(complete_years=[2098])) is None


def test_a_year_the_package_knows_is_not_flagged():
    assert next_year_without_schedule(date(2024, 12, 1), WorkdayCalendar()) is None


@pytest.fixture
def admin_index(client, admin_user, sign_in_admin, time_machine):
    """The admin index page as a superuser sees it at `when`."""

    def page(when):
        time_machine.move_to(when, tick=False)
        sign_in_admin(client, admin_user)  # after the move, so the session has not expired
        response = client.get("/admin/")
        assert response.status_code == 200
        return response.content.decode()

    return page


@pytest.mark.django_db
def test_the_admin_index_warns_in_december(admin_index):
    html = admin_index(DECEMBER)
    assert WARNING in html
    assert "年度节假日安排" in html


@pytest.mark.django_db
def test_the_warning_goes_once_editors_mark_the_year_complete(admin_index):
    HolidayYear.objects.create(year=2098, is_complete=True)
    assert WARNING not in admin_index(DECEMBER)


@pytest.mark.django_db
def test_no_warning_before_december(admin_index):
    november = datetime(2097, 11, 30, 10, 0, tzinfo=SHANGHAI)
    assert "节假日安排还没有录入" not in admin_index(november)


@pytest.mark.django_db
def test_consultants_are_not_given_the_editors_task(client, consultant, editor, sign_in_admin, time_machine):
    time_machine.move_to(DECEMBER, tick=False)
    sign_in_admin(client, consultant)  # after the move, so the session has not expired
    assert "节假日安排还没有录入" not in client.get("/admin/").content.decode()
    sign_in_admin(client, editor)  # editors keep the holiday calendar
    assert WARNING in client.get("/admin/").content.decode()
