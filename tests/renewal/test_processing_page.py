from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from renewal.models import HolidayOverride, HolidayYear

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_worked_example_across_national_day(client):
    html = client.get("/renewal/processing/?accepted=2025-09-25").content.decode()

    assert "2025年9月28日 星期日" in html
    assert "2025年10月13日" in html
    assert "2025年10月22日" in html
    assert "以受理部门最新规定为准" in html
    assert 'data-estimated="false"' in html
    assert "尚未公布" not in html


def test_a_year_without_a_schedule_is_flagged_as_estimated(client):
    html = client.get("/renewal/processing/?accepted=2027-09-28").content.decode()

    assert 'data-estimated="true"' in html
    assert "2027年节假日安排尚未公布，按周一至周五估算" in html
    assert "2027年10月19日" in html


def test_once_editors_enter_and_complete_2027_the_estimate_is_exact(
    client, django_capture_on_commit_callbacks
):
    for day in range(1, 8):
        HolidayOverride.objects.create(date=date(2027, 10, day), kind="holiday", name="国庆节")
    HolidayOverride.objects.create(date=date(2027, 9, 26), kind="adjusted_working_day", name="国庆调休")
    HolidayOverride.objects.create(date=date(2027, 10, 9), kind="adjusted_working_day", name="国庆调休")

    partly = client.get("/renewal/processing/?accepted=2027-09-28").content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the calendar is reloaded once the edit commits
        HolidayYear.objects.create(year=2027, is_complete=True)
    complete = client.get("/renewal/processing/?accepted=2027-09-28").content.decode()

    assert "2027年10月25日" in partly and "尚未公布" in partly
    assert "2027年10月25日" in complete and 'data-estimated="false"' in complete


def test_the_form_starts_with_today_and_explains_bad_dates(client):
    assert 'name="accepted"' in client.get("/renewal/processing/").content.decode()

    html = client.get("/renewal/processing/?accepted=2025-02-29").content.decode()

    assert "2025年2月没有29日" in html
    assert "check-result" not in html


def test_the_empty_form_starts_at_today_also_the_day_after_it_was_kept(client, time_machine):
    time_machine.move_to(datetime(2026, 12, 2, 23, 59, tzinfo=SHANGHAI), tick=False)
    assert 'value="2026-12-02"' in client.get("/renewal/processing/").content.decode()
    time_machine.move_to(datetime(2026, 12, 3, 0, 1, tzinfo=SHANGHAI), tick=False)
    assert 'value="2026-12-03"' in client.get("/renewal/processing/").content.decode()
