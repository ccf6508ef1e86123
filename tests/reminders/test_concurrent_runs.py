"""Overlapping runs of send_reminders (a slow run and the next hour's, or two servers' crons) send each
reminder once. SQLite here; PostgreSQL too when DATABASE_URL points there (.ci/run)."""

import threading
from datetime import date

import pytest
from django.db import connections

from leads import sms
from reminders import services
from reminders.models import ReminderSent
from tests.reminders.helpers import at, subscription

RUNS = 4
SUBSCRIPTIONS = 20


@pytest.mark.django_db(transaction=True)
def test_four_runs_at_once_send_every_reminder_once(time_machine):
    phones = [f"1390000{number:04d}" for number in range(SUBSCRIPTIONS)]
    for phone in phones:
        subscription(phone=phone, expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    start_together = threading.Barrier(RUNS)
    reports = []

    def run():
        try:
            start_together.wait(timeout=30)
            reports.append(services.send_due(date(2027, 1, 30), site_url="https://jzz.example.cn"))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(RUNS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(reports) == RUNS
    assert sum(report.sent for report in reports) == SUBSCRIPTIONS
    assert sorted(message.phone for message in sms.outbox) == phones
    assert ReminderSent.objects.filter(sent_at__isnull=False).count() == SUBSCRIPTIONS
