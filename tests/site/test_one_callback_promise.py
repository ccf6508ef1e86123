"""The home page and the consultation page promise one callback time, the one leads/callback.py computes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from leads.callback import CALLBACK_PROMISE, END_OF_WORKING_DAY, callback_due, callback_promise
from renewal.workdays import WorkdayCalendar

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/consult/"])
def test_every_page_makes_the_one_promise(client, path):
    html = client.get(path).content.decode()
    assert CALLBACK_PROMISE in html
    assert "1 个工作日内" not in html
    assert "下一个工作日结束前" not in html


def test_the_promise_says_what_callback_due_computes():
    # One hour would be broken by the evening choice (due 21:00): it names the chosen part of the day.
    assert CALLBACK_PROMISE == "下一个工作日您选的时段内（没有选时段的，18:00 前）"
    # A Friday afternoon: due on Monday at the time the promise names.
    submitted = datetime(2026, 11, 27, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    due = callback_due(submitted, WorkdayCalendar(overrides={}, complete_years=[]))
    assert (due.date().isoformat(), due.timetz().replace(tzinfo=None)) == ("2026-11-30", END_OF_WORKING_DAY)


SHANGHAI = ZoneInfo("Asia/Shanghai")
NO_HOLIDAYS = WorkdayCalendar(overrides={}, complete_years=[])


@pytest.mark.parametrize(
    ("preferred", "promise", "due_time"),
    [
        ("asap", "下一个工作日 18:00 前", "18:00"),
        ("morning", "下一个工作日的上午（9:00–12:00）", "12:00"),
        ("afternoon", "下一个工作日的下午（13:00–18:00）", "18:00"),
        ("evening", "下一个工作日的晚上（18:00–21:00）", "21:00"),
    ],
)
def test_each_choice_is_promised_as_computed(preferred, promise, due_time):
    assert callback_promise(preferred) == promise
    # Friday 27 November 2026, 20:00, and Saturday 28 November: due on Monday 30 November, at the end of the
    # chosen part of that working day, never on the weekend evening.
    for submitted in (
        datetime(2026, 11, 27, 20, 0, tzinfo=SHANGHAI),
        datetime(2026, 11, 28, 10, 0, tzinfo=SHANGHAI),
    ):
        due = callback_due(submitted, NO_HOLIDAYS, preferred)
        assert (due.date().isoformat(), f"{due:%H:%M}") == ("2026-11-30", due_time)
        assert promise.endswith(f"{due_time}）") or promise.endswith(f"{due_time} 前")


def test_the_form_says_the_times_are_working_day_times(client):
    html = client.get("/consult/").content.decode()
    assert "都是工作日的时段；周末和法定节假日不回电，顺延到下一个工作日。" in html
    assert "晚上（18:00–21:00）" in html
