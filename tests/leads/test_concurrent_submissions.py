"""50 people submitting at the same moment: every lead is stored, none lost, no 5xx.

Runs on SQLite (WAL, immediate transactions, busy timeout) and, when DATABASE_URL points there,
on PostgreSQL (.ci/run does both).
"""

import threading

import pytest
from django.db import OperationalError, connections
from django.test import Client

from leads import services
from leads.models import Lead
from tests.leads.helpers import ask_for_code, last_code_sent_to, lead_form

VISITORS = 50


def numbered_phone(index):
    return f"1390000{index:04d}"


def visitor_address(index):
    return f"198.51.100.{index}"


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_submissions_are_all_stored(settings, seeded_transactional_db):
    settings.SMS_DAILY_BUDGET = 1000
    visitors = []
    for index in range(VISITORS):
        browser = Client()
        assert (
            ask_for_code(browser, phone=numbered_phone(index), ip=visitor_address(index)).status_code == 200
        )
        visitors.append((browser, index, last_code_sent_to(numbered_phone(index))))

    start_together = threading.Barrier(VISITORS)
    statuses = {}

    def submit(browser, index, code):
        try:
            start_together.wait(timeout=30)
            data = lead_form(phone=numbered_phone(index), code=code, name=f"访客{index}")
            statuses[index] = browser.post("/consult/", data, REMOTE_ADDR=visitor_address(index)).status_code
        except Exception as exc:  # recorded, so the assertion below names it
            statuses[index] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=visitor) for visitor in visitors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses == {index: 302 for index in range(VISITORS)}
    assert Lead.objects.count() == VISITORS
    assert set(Lead.objects.values_list("phone", flat=True)) == {numbered_phone(i) for i in range(VISITORS)}


LOCKED = OperationalError("database is locked")


def test_a_locked_database_is_retried_once():
    calls = []

    def operation():
        calls.append(1)
        if len(calls) == 1:
            raise LOCKED
        return "stored"

    assert services.retry_once_if_locked(operation) == "stored"
    assert len(calls) == 2


def test_a_database_still_locked_after_the_retry_is_reported_not_raised():
    def operation():
        raise LOCKED

    with pytest.raises(services.DatabaseBusy):
        services.retry_once_if_locked(operation)


def test_other_database_errors_are_not_retried():
    calls = []

    def operation():
        calls.append(1)
        raise OperationalError("no such table: leads_lead")

    with pytest.raises(OperationalError):
        services.retry_once_if_locked(operation)
    assert len(calls) == 1


@pytest.mark.django_db
def test_the_visitor_is_told_and_keeps_the_form_when_the_database_stays_locked(client, monkeypatch):
    ask_for_code(client)
    code = last_code_sent_to()
    saves = []

    def locked_save(self, *args, **kwargs):
        saves.append(1)
        raise LOCKED

    monkeypatch.setattr(Lead, "save", locked_save)
    monkeypatch.setattr(services.time, "sleep", lambda seconds: None)
    response = client.post("/consult/", lead_form(code=code))
    assert len(saves) == 2  # the first try and the one retry
    assert response.status_code == 200
    html = response.content.decode()
    assert "系统繁忙，您的信息这次没有保存成功" in html
    assert 'value="王先生"' in html
    monkeypatch.undo()
    assert Lead.objects.count() == 0
    # Both attempts rolled back, the code's use included: pressing 提交 again simply works.
    assert client.post("/consult/", lead_form(code=code)).status_code == 302
    assert Lead.objects.count() == 1
