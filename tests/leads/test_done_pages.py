"""/privacy/requests/ and /renewal/remind/stop/ answer a deletion or a stop with a redirect to a done page
(Post/Redirect/Get): a reload or 返回 posts nothing again. The page shows the masked number, and only to the
browser that proved it."""

from datetime import date

import pytest
from django.test import Client

from reminders.models import Subscription
from tests.leads.helpers import PHONE, ask_for_code, last_code_sent_to, submit_lead
from tests.reminders.helpers import at, subscription

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def on_2_december_2026(time_machine):
    time_machine.move_to(at(date(2026, 12, 2), 10), tick=False)


def with_code(client, purpose, **data):
    assert ask_for_code(client, purpose=purpose).status_code == 200
    return {"phone": PHONE, "code": last_code_sent_to(), **data}


def test_a_deletion_answers_with_a_page_a_reload_does_not_post_again(client, time_machine):
    submit_lead(Client())
    time_machine.shift(61)  # one code a minute per number
    data = with_code(client, "deletion", confirm="on", action="delete")
    response = client.post("/privacy/requests/", data)
    assert response["Location"] == "/privacy/requests/done/"
    for _ in range(2):  # shown, then reloaded
        html = client.get("/privacy/requests/done/").content.decode()
        assert "已删除这个手机号的 1 条咨询记录" in html
        assert "138****5678" in html and PHONE not in html
    assert Client().get("/privacy/requests/done/")["Location"] == "/privacy/requests/"
    # A second tap says what the first deleted, not that nothing is left to delete.
    assert client.post("/privacy/requests/", data)["Location"] == "/privacy/requests/done/"
    assert "已删除这个手机号的 1 条咨询记录" in client.get("/privacy/requests/done/").content.decode()


def test_a_stop_answers_with_a_page_a_reload_does_not_post_again(client):
    subscription()
    data = with_code(client, "reminder", action="stop")
    response = client.post("/renewal/remind/stop/", data)
    assert response["Location"] == "/renewal/remind/stop/done/"
    for _ in range(2):
        html = client.get("/renewal/remind/stop/done/").content.decode()
        assert "已停止这个手机号的签注提醒" in html
        assert "138****5678" in html and PHONE not in html
    assert Client().get("/renewal/remind/stop/done/")["Location"] == "/renewal/remind/stop/"
    assert not Subscription.objects.exists()
    # A second tap says what the first did, not that there was nothing to stop.
    assert client.post("/renewal/remind/stop/", data)["Location"] == "/renewal/remind/stop/done/"
    assert "已停止这个手机号的签注提醒" in client.get("/renewal/remind/stop/done/").content.decode()
