"""The person says when to call (尽快 / 上午 / 下午 / 晚上) and the due-by keeps to it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from leads.models import Lead
from tests.html_tree import parse
from tests.leads.helpers import submit_lead

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Monday 2026-11-23, 10:00 in Shanghai
MONDAY_MORNING = datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)


def test_the_form_offers_four_times_with_as_soon_as_possible_chosen(client):
    document = parse(client.get("/consult/").content)
    radios = document.find_all("input", name="callback_time")
    label_of = {label.get("for"): label.text() for label in document.find_all("label")}
    labels = [label_of[radio["id"]] for radio in radios]
    assert labels == ["尽快", "上午（9:00–12:00）", "下午（13:00–18:00）", "晚上（18:00–21:00）"]
    assert [radio["value"] for radio in radios if "checked" in radio.attrs] == ["asap"]


def test_a_morning_call_is_due_by_noon_of_the_next_working_day(client, time_machine):
    time_machine.move_to(MONDAY_MORNING, tick=False)
    response = submit_lead(client, callback_time="morning")
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert lead.callback_time == "morning"
    assert lead.due_by == datetime(2026, 11, 24, 12, 0, tzinfo=SHANGHAI)
    html = client.get(response["Location"]).content.decode()
    assert "11月24日（星期二）12:00" in html
    assert "在您希望的上午（9:00–12:00）" in html


def test_without_a_choice_the_call_is_due_by_the_end_of_the_next_working_day(client, time_machine):
    time_machine.move_to(MONDAY_MORNING, tick=False)
    assert submit_lead(client).status_code == 302
    lead = Lead.objects.get()
    assert lead.callback_time == "asap"
    assert lead.due_by == datetime(2026, 11, 24, 18, 0, tzinfo=SHANGHAI)


def test_a_changed_preference_moves_the_due_by_from_the_first_submission(client, time_machine):
    time_machine.move_to(MONDAY_MORNING, tick=False)
    submit_lead(client, callback_time="morning")
    time_machine.move_to(datetime(2026, 11, 23, 15, 0, tzinfo=SHANGHAI), tick=False)
    submit_lead(client, callback_time="evening")
    lead = Lead.objects.get()
    assert (lead.callback_time, lead.submissions) == ("evening", 2)
    assert lead.due_by == datetime(2026, 11, 24, 21, 0, tzinfo=SHANGHAI)


def test_an_unknown_time_is_refused_in_chinese(client):
    response = submit_lead(client, callback_time="midnight")
    assert response.status_code == 200
    assert response.context["form"].errors["callback_time"] == ["请从列出的时间中选择一项。"]
    assert Lead.objects.count() == 0
