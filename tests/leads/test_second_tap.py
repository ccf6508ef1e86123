"""A phone on a slow network sends a final submit twice. The same browser's second, identical submission
with the code its first one spent ends where the first did, stores nothing again, and opens nothing to
anyone else. The four pages with an SMS code, as in test_code_flow_everywhere.py."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.test import Client

from leads.models import Lead
from reminders.models import Subscription
from tests.leads.helpers import (
    PHONE,
    ask_for_code,
    last_code_sent_to,
    lead_form,
    posted_at_the_same_moment,
)
from tests.reminders.helpers import at, reminder_form

USED = "这个验证码已经用过了，请重新获取。"
NOT_SENT = "请先点击“获取验证码”，并填写短信中的 6 位验证码。"


@dataclass(frozen=True)
class Page:
    path: str
    purpose: str
    data: dict
    done: str

    def __str__(self):
        return self.path


PAGES = [
    Page("/consult/", "lead", lead_form(), "/consult/thanks/"),
    Page(
        "/privacy/requests/",
        "deletion",
        {"phone": PHONE, "confirm": "on", "action": "delete"},
        "/privacy/requests/done/",
    ),
    Page("/renewal/remind/", "reminder", reminder_form(), "/renewal/remind/done/"),
    Page(
        "/renewal/remind/stop/", "reminder", {"phone": PHONE, "action": "stop"}, "/renewal/remind/stop/done/"
    ),
]


@pytest.fixture(autouse=True)
def on_2_december_2026(time_machine):
    time_machine.move_to(at(date(2026, 12, 2), 10), tick=False)


def with_code(client, page):
    assert ask_for_code(client, purpose=page.purpose).status_code == 200
    return {**page.data, "code": last_code_sent_to()}


def code_error(response):
    return [str(error) for error in response.context["form"].errors.get("code", [])]


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=str)
def test_a_second_tap_ends_on_the_page_the_first_did(client, page):
    data = with_code(client, page)
    first = client.post(page.path, data)
    second = client.post(page.path, data)
    assert (first.status_code, first["Location"]) == (302, page.done)
    assert (second.status_code, second["Location"]) == (302, page.done)
    assert client.get(page.done).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=str)
def test_only_the_browser_that_spent_the_code_is_answered_so(client, page):
    data = with_code(client, page)
    assert client.post(page.path, data).status_code == 302
    assert client.post(page.path, data).status_code == 302

    stranger = Client()
    response = stranger.post(page.path, data)
    assert response.status_code == 200
    assert code_error(response) == [NOT_SENT]
    assert stranger.get(page.done).status_code == 302  # back to the form: nothing of the number is shown


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("page", PAGES, ids=str)
def test_two_taps_at_the_same_moment_both_end_on_the_done_page(page, seeded_transactional_db):
    browser = Client()
    data = with_code(browser, page)
    # The second tap is the same browser: the same session cookie, on a connection of its own.
    twin = Client()
    twin.cookies[settings.SESSION_COOKIE_NAME] = browser.cookies[settings.SESSION_COOKIE_NAME].value

    assert posted_at_the_same_moment(
        [lambda: browser.post(page.path, data), lambda: twin.post(page.path, data)]
    ) == [302, 302]
    assert browser.get(page.done).status_code == 200


@pytest.mark.django_db
def test_the_second_tap_stores_nothing_and_a_changed_or_late_one_is_still_refused(client, time_machine):
    from leads.codes import REPEAT_WINDOW

    data = with_code(client, PAGES[0])
    assert client.post("/consult/", data).status_code == 302
    assert client.post("/consult/", data).status_code == 302
    lead = Lead.objects.get()
    assert (lead.submissions, lead.message) == (1, "想了解社保基数对积分的影响")  # stored once

    changed = client.post("/consult/", {**data, "message": "还想问落户"})
    assert code_error(changed) == [USED]
    time_machine.shift(REPEAT_WINDOW + timedelta(seconds=1))
    late = client.post("/consult/", data)
    assert code_error(late) == [USED]
    assert Lead.objects.get().submissions == 1


@pytest.mark.django_db
def test_a_spent_reminder_code_cannot_stop_what_it_signed_up(client):
    subscribe_page, stop_page = PAGES[2], PAGES[3]
    data = with_code(client, subscribe_page)
    assert client.post(subscribe_page.path, data).status_code == 302
    assert client.post(subscribe_page.path, data).status_code == 302

    response = client.post(stop_page.path, {**stop_page.data, "code": data["code"]})
    assert code_error(response) == [USED]
    assert Subscription.objects.count() == 1
