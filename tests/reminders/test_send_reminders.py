"""manage.py send_reminders: what goes out on which day, once, and only by day."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from leads import sms
from reminders import services
from reminders.models import ReminderSent, Subscription
from tests.reminders.helpers import PHONE, at, run_send, subscription, texts_to

pytestmark = pytest.mark.django_db


def test_expiry_1_march_2027_one_text_on_30_january_and_nothing_more(time_machine, client):
    subscribed = subscription(expiry=date(2027, 3, 1))

    time_machine.move_to(at(date(2027, 1, 30), 10), tick=False)
    assert "已发送 1 条提醒" in run_send()
    texts = texts_to(PHONE)
    assert len(texts) == 1 and "签注" in texts[0]

    time_machine.move_to(at(date(2027, 1, 30), 16), tick=False)
    run_send()
    time_machine.move_to(at(date(2027, 1, 31), 10), tick=False)
    run_send()
    assert len(texts_to(PHONE)) == 1

    response = client.post(f"/r/{subscribed.token}", {"action": "stop"})
    assert response.status_code == 302  # to the done page
    for day in (date(2027, 2, 26), date(2027, 4, 20)):
        time_machine.move_to(at(day, 10), tick=False)
        run_send()
    assert len(texts_to(PHONE)) == 1


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (date(2027, 1, 30), "3月1日到期，现在可以签注了"),
        (date(2027, 2, 26), "3月1日到期，请尽快签注"),
        (date(2027, 4, 20), "4月30日前补办签注年限不断"),
    ],
)
def test_each_reminder_goes_out_on_its_day(time_machine, day, words):
    reminders = subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(day), tick=False)
    run_send()
    assert len(sms.outbox) == 1
    message = sms.outbox[0]
    assert message.phone == PHONE
    assert words in message.text
    assert message.text.endswith(f"/r/{reminders.token}")
    assert len(message.text) <= 70


@pytest.mark.parametrize("day", [date(2027, 1, 29), date(2027, 2, 15), date(2027, 3, 1), date(2027, 4, 30)])
def test_other_days_send_nothing(time_machine, day):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(day), tick=False)
    run_send()
    assert sms.outbox == []


@pytest.mark.parametrize(("hour", "minute"), [(21, 0), (23, 30), (0, 0), (7, 59)])
def test_between_21_and_8_nothing_is_sent(time_machine, hour, minute):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30), hour, minute), tick=False)
    assert "08:00–21:00" in run_send()
    assert sms.outbox == []
    assert not ReminderSent.objects.exists()


def test_the_morning_run_sends_what_the_night_held_back(time_machine):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30), 21, 30), tick=False)
    run_send()
    time_machine.move_to(at(date(2027, 1, 31), 8, 0), tick=False)
    run_send()
    assert len(texts_to(PHONE)) == 1


def test_a_run_that_reaches_21_00_stops_sending(time_machine):
    for number in range(3):
        subscription(phone=f"1390000000{number}", expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30), 20, 58, 30), tick=False)

    class SlowProvider(sms.LocmemBackend):
        def send(self, message):
            super().send(message)
            time_machine.shift(60)  # each text takes a minute: the second finishes at 21:00:30

    report = services.send_due(date(2027, 1, 30), site_url="https://jzz.example.cn", backend=SlowProvider())

    assert (report.sent, report.quiet_hours) == (2, True)
    assert len(sms.outbox) == 2
    time_machine.move_to(at(date(2027, 1, 31), 8), tick=False)
    run_send()
    assert len(sms.outbox) == 3  # the morning run sends the one held back


def test_a_day_missed_by_every_run_is_sent_the_next_day(time_machine):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 31)), tick=False)
    run_send()
    assert len(texts_to(PHONE)) == 1


def test_today_can_be_an_earlier_day_but_never_a_later_one(time_machine):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 29)), tick=False)
    with pytest.raises(CommandError, match="不能晚于今天"):
        call_command("send_reminders", "--today", "2027-01-30")
    with pytest.raises(CommandError, match="格式"):
        call_command("send_reminders", "--today", "30/1/2027")
    assert sms.outbox == []

    time_machine.move_to(at(date(2027, 2, 20)), tick=False)
    assert run_send("--today", "2027-01-30").startswith("2027-01-30")
    assert len(texts_to(PHONE)) == 1


class CrashingBackend(sms.BaseSmsBackend):
    """The process dies while the provider has the text: we cannot know whether it went out."""

    def send(self, message):
        raise SystemExit("killed")


class RefusingBackend(sms.BaseSmsBackend):
    def send(self, message):
        raise sms.SmsSendError(f"refused {message.phone}")


def test_a_crash_mid_send_never_sends_that_reminder_twice(time_machine, settings):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    settings.SMS_BACKEND = "tests.reminders.test_send_reminders.CrashingBackend"
    with pytest.raises(SystemExit):
        run_send()
    claimed = ReminderSent.objects.get()
    assert claimed.sent_at is None

    settings.SMS_BACKEND = "leads.sms.LocmemBackend"
    run_send()
    assert sms.outbox == []


def test_a_text_the_provider_refused_is_tried_again_by_the_next_run(time_machine, settings, caplog):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    settings.SMS_BACKEND = "tests.reminders.test_send_reminders.RefusingBackend"
    assert "1 条服务商未接收" in run_send()
    assert not ReminderSent.objects.exists()
    assert PHONE not in caplog.text and "138****5678" in caplog.text

    settings.SMS_BACKEND = "leads.sms.LocmemBackend"
    time_machine.move_to(at(date(2027, 1, 30), 11), tick=False)
    run_send()
    assert len(texts_to(PHONE)) == 1
    assert ReminderSent.objects.get().sent_at is not None


def test_a_reminder_another_run_already_claimed_is_left_alone(time_machine):
    reminders = subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    ReminderSent.objects.create(
        subscription=reminders, expiry=reminders.expiry, kind="window_opens", claimed_at=timezone.now()
    )
    run_send()
    assert sms.outbox == []


def test_someone_who_subscribed_after_the_window_opened_gets_only_the_later_reminders(time_machine):
    subscription(expiry=date(2027, 3, 1), subscribed_on=date(2027, 2, 5))
    for day in (date(2027, 1, 30), date(2027, 2, 5), date(2027, 2, 26), date(2027, 4, 20)):
        time_machine.move_to(at(day), tick=False)
        run_send()
    texts = texts_to(PHONE)
    assert len(texts) == 2
    assert "请尽快签注" in texts[0] and "补办签注" in texts[1]


def test_each_number_gets_its_own_link(time_machine):
    first = subscription(phone="13900000001", expiry=date(2027, 3, 1))
    second = subscription(phone="13900000002", expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 1, 30)), tick=False)
    run_send()
    assert texts_to("13900000001")[0].endswith(first.token)
    assert texts_to("13900000002")[0].endswith(second.token)
    assert Subscription.objects.count() == 2
    assert Client().get(f"/r/{first.token}").status_code == 200


def test_a_replayed_day_sends_nothing_that_is_no_longer_true_today(time_machine):
    # Expiry 1 March 2027: the window-opens text of 30 January ("3月1日到期，现在可以签注了") is true until
    # the expiry-near reminder takes over on 26 February, and false once the card has expired.
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 3, 5)), tick=False)
    output = run_send("--today", "2027-01-30")
    assert "1 条所说的日期今天已经过了，不再发送" in output
    assert texts_to(PHONE) == []
    # Nor is it held back for a later run: it would only be more out of date.
    assert not ReminderSent.objects.exists()


def test_a_replayed_day_still_sends_what_is_true_today(time_machine):
    subscription(expiry=date(2027, 3, 1))
    time_machine.move_to(at(date(2027, 2, 25)), tick=False)  # the window-opens text's last useful day
    run_send("--today", "2027-01-30")
    assert ["3月1日到期，现在可以签注了" in text for text in texts_to(PHONE)] == [True]
