"""The home page and the consultation page promise one callback time, the one leads/callback.py computes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from leads.callback import CALLBACK_PROMISE, END_OF_WORKING_DAY, callback_due
from renewal.workdays import WorkdayCalendar

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/consult/"])
def test_every_page_makes_the_one_promise(client, path):
    html = client.get(path).content.decode()
    assert CALLBACK_PROMISE in html
    assert "1 个工作日内" not in html
    assert "下一个工作日结束前" not in html


def test_the_promise_says_what_callback_due_computes():
    assert CALLBACK_PROMISE == "下一个工作日 18:00 前"
    # A Friday afternoon: due on Monday at the time the promise names.
    submitted = datetime(2026, 11, 27, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    due = callback_due(submitted, WorkdayCalendar(overrides={}, complete_years=[]))
    assert (due.date().isoformat(), due.timetz().replace(tzinfo=None)) == ("2026-11-30", END_OF_WORKING_DAY)
