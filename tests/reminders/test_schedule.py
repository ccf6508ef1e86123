"""reminders/schedule.py: the reminder days and sending hours, with dates worked out by hand."""

from datetime import date, time, timedelta

import pytest

from reminders.schedule import (
    Kind,
    due_reminders,
    expiries_possibly_due,
    last_day_kept,
    latest_expiry_to_purge,
    next_year_expiry,
    reminders_for,
    subscription_problem,
    upcoming_reminders,
    within_sending_hours,
)

EXPIRY = date(2027, 3, 1)
LONG_AGO = date(2026, 12, 1)


def test_the_three_days_of_a_card_expiring_on_1_march_2027():
    # 2027 is not a leap year: 30 days before 1 March is 30 January; 60 days after is 30 April.
    assert [(reminder.kind, reminder.day) for reminder in reminders_for(EXPIRY)] == [
        (Kind.WINDOW_OPENS, date(2027, 1, 30)),
        (Kind.EXPIRY_NEAR, date(2027, 2, 26)),
        (Kind.GRACE_ENDING, date(2027, 4, 20)),
    ]
    assert last_day_kept(EXPIRY) == date(2027, 4, 30)


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (date(2027, 1, 29), []),
        (date(2027, 1, 30), [Kind.WINDOW_OPENS]),
        (date(2027, 2, 25), []),
        (date(2027, 2, 26), [Kind.EXPIRY_NEAR]),
        (date(2027, 3, 1), []),
        (date(2027, 4, 19), []),
        (date(2027, 4, 20), [Kind.GRACE_ENDING]),
        (date(2027, 4, 30), []),
    ],
)
def test_each_reminder_is_due_on_its_day_when_nothing_was_sent_recently(today, due):
    already = {kind for kind in Kind if kind not in due}
    assert due_reminders(EXPIRY, LONG_AGO, today, already) == due


def test_a_sent_reminder_is_not_due_again():
    assert due_reminders(EXPIRY, LONG_AGO, date(2027, 1, 30), {Kind.WINDOW_OPENS}) == []
    assert due_reminders(EXPIRY, LONG_AGO, date(2027, 1, 31), {Kind.WINDOW_OPENS}) == []


def test_a_missed_day_is_caught_up_for_two_days_only():
    assert due_reminders(EXPIRY, LONG_AGO, date(2027, 1, 31)) == [Kind.WINDOW_OPENS]
    assert due_reminders(EXPIRY, LONG_AGO, date(2027, 2, 1)) == [Kind.WINDOW_OPENS]
    assert due_reminders(EXPIRY, LONG_AGO, date(2027, 2, 2)) == []
    assert due_reminders(EXPIRY, LONG_AGO, date(2027, 4, 22), {Kind.WINDOW_OPENS, Kind.EXPIRY_NEAR}) == [
        Kind.GRACE_ENDING
    ]


def test_the_expiry_reminder_is_never_caught_up_after_the_expiry_date():
    expiry = date(2027, 3, 2)  # reminder on 27 Feb; catching up would reach 1 March, but not past 2 March
    assert due_reminders(expiry, LONG_AGO, date(2027, 3, 1), {Kind.WINDOW_OPENS}) == [Kind.EXPIRY_NEAR]
    expiry = date(2027, 3, 1)
    assert due_reminders(expiry, LONG_AGO, date(2027, 3, 2), {Kind.WINDOW_OPENS}) == []


def test_someone_who_subscribes_after_a_reminder_day_never_gets_that_reminder():
    assert due_reminders(EXPIRY, date(2027, 1, 31), date(2027, 1, 31)) == []
    assert due_reminders(EXPIRY, date(2027, 1, 30), date(2027, 1, 30)) == [Kind.WINDOW_OPENS]
    assert due_reminders(EXPIRY, date(2027, 2, 10), date(2027, 2, 26)) == [Kind.EXPIRY_NEAR]


def test_upcoming_reminders_include_today():
    assert [reminder.kind for reminder in upcoming_reminders(EXPIRY, date(2027, 2, 26))] == [
        Kind.EXPIRY_NEAR,
        Kind.GRACE_ENDING,
    ]
    assert upcoming_reminders(EXPIRY, date(2027, 4, 21)) == []


@pytest.mark.parametrize(
    ("moment", "allowed"),
    [
        (time(0, 0), False),
        (time(7, 59, 59), False),
        (time(8, 0), True),
        (time(12, 30), True),
        (time(20, 59, 59), True),
        (time(21, 0), False),
        (time(23, 30), False),
    ],
)
def test_texts_go_out_only_from_8_to_21(moment, allowed):
    assert within_sending_hours(moment) is allowed


def test_next_years_expiry_is_the_same_day_a_year_on():
    assert next_year_expiry(EXPIRY) == date(2028, 3, 1)
    assert next_year_expiry(date(2028, 2, 29)) == date(2029, 2, 28)


TODAY = date(2026, 12, 2)


def test_a_date_with_reminders_ahead_can_be_subscribed():
    assert subscription_problem(EXPIRY, TODAY) == ""
    # 13 October: its last reminder is today (2 December), so there is still one to send.
    assert subscription_problem(date(2026, 10, 13), TODAY) == ""


def test_a_date_too_late_for_any_reminder_says_what_to_do():
    assert "只剩几天" in subscription_problem(
        date(2026, 10, 10), TODAY
    )  # grace ends 9 Dec, reminder was 29 Nov
    assert "补办期限已经过了" in subscription_problem(date(2026, 9, 1), TODAY)


def test_the_last_day_of_the_grace_period_is_not_yet_past():
    # 1 March 2027 + 60 days = 30 April 2027: on that day it is "only days left", from 1 May "passed".
    assert "只剩几天" in subscription_problem(EXPIRY, date(2027, 4, 30))
    assert "补办期限已经过了" in subscription_problem(EXPIRY, date(2027, 5, 1))


def test_a_date_more_than_two_years_away_is_taken_for_a_typo():
    assert "超过两年" in subscription_problem(date(2029, 1, 1), TODAY)
    assert subscription_problem(date(2028, 12, 1), TODAY) == ""


def test_the_query_range_holds_every_expiry_with_a_reminder_due():
    today = date(2027, 1, 30)
    earliest, latest = expiries_possibly_due(today)
    assert (earliest, latest) == (date(2026, 12, 9), date(2027, 3, 1))
    for offset in range(-120, 120):
        expiry = today + timedelta(days=offset)
        if due_reminders(expiry, LONG_AGO - timedelta(days=365), today):
            assert earliest <= expiry <= latest


def test_a_subscription_is_purged_the_day_after_its_grace_period():
    today = date(2027, 5, 1)
    assert latest_expiry_to_purge(today) == date(2027, 3, 1)
    assert last_day_kept(date(2027, 3, 1)) < today
    assert last_day_kept(date(2027, 3, 2)) == today
