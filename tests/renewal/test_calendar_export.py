from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine

pytestmark = pytest.mark.django_db

TODAY = datetime(2026, 5, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def download(client, expiry="2026-06-15"):
    return client.get("/renewal/check/calendar.ics", {"expiry": expiry})


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


@time_machine.travel(TODAY, tick=False)
def test_download_is_a_calendar_attachment(client):
    response = download(client)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="qianzhu-2026-06-15.ics"'


@time_machine.travel(TODAY, tick=False)
def test_three_all_day_events_on_the_renewal_dates(client):
    found = events(download(client))

    assert {name: (e.decoded("dtstart"), e.decoded("dtend")) for name, e in found.items()} == {
        "居住证可以签注了": (date(2026, 5, 16), date(2026, 5, 17)),
        "居住证有效期最后一天": (date(2026, 6, 15), date(2026, 6, 16)),
        "居住证逾期补办签注的最后一天": (date(2026, 8, 14), date(2026, 8, 15)),
    }
    # All-day values are plain dates (VALUE=DATE), not times that a time zone could shift.
    assert all(type(e.decoded("dtstart")) is date for e in found.values())


@time_machine.travel(TODAY, tick=False)
def test_each_event_reminds_three_days_before_at_nine(client):
    for event in events(download(client)).values():
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert str(alarms[0]["action"]) == "DISPLAY"
        assert alarms[0].decoded("trigger") == -timedelta(days=2, hours=15)


@time_machine.travel(TODAY, tick=False)
def test_uids_are_stable_across_downloads_and_differ_per_event(client):
    first = {name: str(e["uid"]) for name, e in events(download(client)).items()}
    second = {name: str(e["uid"]) for name, e in events(download(client)).items()}

    assert first == second
    assert len(set(first.values())) == 3
    assert all("20260615" in uid for uid in first.values())


@time_machine.travel(TODAY, tick=False)
def test_events_name_the_way_to_renew_and_the_caveat(client):
    for event in events(download(client)).values():
        description = str(event["description"])
        assert "随申办" in description
        assert "以受理部门最新规定为准" in description


@pytest.mark.parametrize("expiry", ["2026-02-30", "", "abc"])
def test_a_bad_date_is_a_400_with_a_chinese_reason(client, expiry):
    response = download(client, expiry)

    assert response.status_code == 400
    assert "日" in response.content.decode() or "请" in response.content.decode()


@time_machine.travel(TODAY, tick=False)
def test_the_expiry_day_event_says_today_still_counts(client):
    description = str(events(download(client))["居住证有效期最后一天"]["description"])
    # The expiry day is inside the window: endorsing on the day itself is in time.
    assert description.startswith("最晚今天办好签注；明天起证件的使用功能会中止")
    assert "60 天内补办签注，居住年限仍连续计算" in description
    assert "今天之前" not in description
