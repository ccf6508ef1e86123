"""The 我已签注 button: with consent again, the reminders move to next year's expiry; this year's stop."""

from datetime import date

import pytest

from reminders.models import Subscription
from tests.reminders.helpers import PHONE, at, run_send, subscription, texts_to

pytestmark = pytest.mark.django_db


def test_renewed_moves_the_reminders_to_next_year(client, time_machine):
    reminders = subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    run_send()
    assert len(texts_to(PHONE)) == 1

    time_machine.move_to(at(date(2027, 2, 3), 19), tick=False)
    response = client.post(
        f"/r/{reminders.token}", {"action": "renewed", "expiry": "2028-03-01", "consent": "on"}
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "明年按新的有效期2028年3月1日提醒您" in html
    reminders.refresh_from_db()
    assert (reminders.expiry, reminders.subscribed_on) == (date(2028, 3, 1), date(2027, 2, 3))
    assert reminders.consent_at == at(date(2027, 2, 3), 19)

    for day in (date(2027, 2, 26), date(2027, 4, 20)):  # this year's later reminders
        time_machine.move_to(at(day), tick=False)
        run_send()
    assert len(texts_to(PHONE)) == 1

    time_machine.move_to(at(date(2028, 1, 31)), tick=False)  # 2028 is a leap year: 30 days before 1 March
    run_send()
    assert len(texts_to(PHONE)) == 2
    assert "3月1日到期，现在可以签注了" in texts_to(PHONE)[-1]


def test_renewed_without_consent_changes_nothing(client, time_machine):
    reminders = subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 2, 3)), tick=False)
    response = client.post(f"/r/{reminders.token}", {"action": "renewed", "expiry": "2028-03-01"})
    assert response.status_code == 200
    assert "请勾选同意" in response.content.decode()
    assert Subscription.objects.get().expiry == date(2027, 3, 1)


def test_renewed_asks_for_a_date_it_can_remind(client, time_machine):
    reminders = subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 2, 3)), tick=False)
    response = client.post(
        f"/r/{reminders.token}", {"action": "renewed", "expiry": "2031-03-01", "consent": "on"}
    )
    assert "超过两年" in response.content.decode()
    assert Subscription.objects.get().expiry == date(2027, 3, 1)


@pytest.mark.parametrize("typed", ["2027-03-01", "2027-02-28"])
def test_renewed_refuses_a_new_expiry_that_is_not_later_than_the_current_one(client, time_machine, typed):
    reminders = subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 2, 3)), tick=False)
    response = client.post(f"/r/{reminders.token}", {"action": "renewed", "expiry": typed, "consent": "on"})
    assert response.status_code == 200
    assert "签注后的新有效期应晚于现在的有效期（2027年3月1日）" in response.content.decode()
    reminders.refresh_from_db()
    assert (reminders.expiry, reminders.subscribed_on) == (date(2027, 3, 1), date(2026, 12, 2))


def test_the_service_itself_never_keeps_or_moves_the_date_back(time_machine):
    from leads.services import ConsentEvidence
    from reminders import services

    reminders = subscription(expiry=date(2027, 3, 1))
    evidence = ConsentEvidence(privacy_version="1.4", ip="203.0.113.7", user_agent="test")
    with pytest.raises(services.NotLater):
        services.renewed(reminders, expiry=date(2027, 3, 1), evidence=evidence)
    assert Subscription.objects.get().consent_privacy_version == "test"
