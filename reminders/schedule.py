"""签注 SMS reminders: which reminder is due on which day, and when a text may be sent.

Pure: dates and times come in as plain values (``today``, a Shanghai wall-clock time); nothing here reads the
clock or the database, so every rule is tested with hand-computed dates.

For a card whose last valid day is E (renewal/deadlines.py has the convention):

    window_opens   E−30        the 签注 window opens
    expiry_near    E−3         three days before the card stops working
    grace_ending   E+50        ten days before the 60-day grace period (E+60) ends

A reminder is sent on its day, or on one of the next few days when the sending run missed its day (a
server down, a run stopped by the quiet hours), but never once the next reminder or the deadline it speaks of
has come, and never for a day before the person subscribed for that expiry date: someone who signs up when the
window is already open gets the later reminders only. Once someone says they renewed, their subscription
moves to next year's expiry date, so this year's reminders no longer apply to it.
"""

from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from permitsite.dates import add_years
from renewal.deadlines import GRACE_DAYS_AFTER_EXPIRY, WINDOW_DAYS_BEFORE_EXPIRY, check_supported

EXPIRY_NEAR_DAYS = 3
GRACE_ENDING_DAYS_BEFORE = 10
# A run that missed a reminder's day may still send it this many days later (within its useful period).
CATCH_UP_DAYS = 2
# No text wakes anyone: runs outside 08:00–21:00 Shanghai time send nothing (21:00 itself is quiet).
SENDING_STARTS = time(8, 0)
SENDING_ENDS = time(21, 0)
# A card is endorsed one year at a time, so a real expiry date is never much more than a year away; further
# than this is a typo (2072 for 2027), and we would hold the number for years for nothing.
FURTHEST_EXPIRY = timedelta(days=2 * 366)


class Kind(StrEnum):
    WINDOW_OPENS = "window_opens"
    EXPIRY_NEAR = "expiry_near"
    GRACE_ENDING = "grace_ending"


KIND_LABELS = {
    Kind.WINDOW_OPENS: "可以签注了（到期前 30 天）",
    Kind.EXPIRY_NEAR: "快到期了（到期前 3 天）",
    Kind.GRACE_ENDING: "补办期限快结束了（补办期限前 10 天）",
}


@dataclass(frozen=True)
class Reminder:
    kind: Kind
    day: date  # the day it is meant for
    last_useful_day: date  # after this day the text would come too late or say something no longer true


def reminders_for(expiry: date) -> list[Reminder]:
    """The three reminders of one expiry date, in the order they go out."""
    window_opens = expiry - timedelta(days=WINDOW_DAYS_BEFORE_EXPIRY)
    expiry_near = expiry - timedelta(days=EXPIRY_NEAR_DAYS)
    grace_ends = expiry + timedelta(days=GRACE_DAYS_AFTER_EXPIRY)
    grace_ending = grace_ends - timedelta(days=GRACE_ENDING_DAYS_BEFORE)
    return [
        Reminder(Kind.WINDOW_OPENS, window_opens, expiry_near - timedelta(days=1)),
        Reminder(Kind.EXPIRY_NEAR, expiry_near, expiry),
        Reminder(Kind.GRACE_ENDING, grace_ending, grace_ends),
    ]


def due_reminders(expiry: date, subscribed_on: date, today: date, already_sent=frozenset()) -> list[Kind]:
    """The reminders to send today for one subscription; `already_sent`: the kinds sent for this expiry."""
    return [
        reminder.kind
        for reminder in reminders_for(expiry)
        if reminder.kind not in already_sent
        and subscribed_on <= reminder.day <= today
        and today <= min(reminder.day + timedelta(days=CATCH_UP_DAYS), reminder.last_useful_day)
    ]


def still_useful(expiry: date, kind: Kind, day: date) -> bool:
    """Whether the text of this reminder is still true and in time when it reaches the phone on `day` (a
    replay of a past day, `send_reminders --today`, is sent today, not on the day it replays)."""
    reminder = next(reminder for reminder in reminders_for(expiry) if reminder.kind is kind)
    return day <= reminder.last_useful_day


def upcoming_reminders(expiry: date, today: date) -> list[Reminder]:
    """The reminders a subscription made today would still send (their day is today or later)."""
    return [reminder for reminder in reminders_for(expiry) if reminder.day >= today]


def expiries_possibly_due(today: date) -> tuple[date, date]:
    """The first and last expiry date for which some reminder can be due on `today` (narrows the query)."""
    offsets = [(reminder.day - today).days for reminder in reminders_for(today)]
    return today - timedelta(days=max(offsets) + CATCH_UP_DAYS), today - timedelta(days=min(offsets))


def last_day_kept(expiry: date) -> date:
    """The subscription is deleted after this day: the grace period the last reminder speaks of is over."""
    return expiry + timedelta(days=GRACE_DAYS_AFTER_EXPIRY)


def latest_expiry_to_purge(today: date) -> date:
    """Subscriptions for this expiry date or earlier are past their last day kept on `today`."""
    return today - timedelta(days=GRACE_DAYS_AFTER_EXPIRY + 1)


def next_year_expiry(expiry: date) -> date:
    """The same day one year on (a 29 February becomes 28 February): an endorsement adds one year."""
    return add_years(expiry, 1)


def subscription_problem(expiry: date, today: date) -> str:
    """Why reminders cannot be set up for this expiry date, in the words the form shows; "" when they can."""
    check_supported(expiry)
    if expiry > today + FURTHEST_EXPIRY:
        return "这个日期离今天超过两年。居住证每年签注一次，请核对证件上印的有效期。"
    if not upcoming_reminders(expiry, today):
        grace_ends = last_day_kept(expiry)
        if today > grace_ends:
            return (
                "这个日期的补办期限已经过了，没有可以提醒的日子。补办签注后，请用新的有效期订阅明年的提醒。"
            )
        return (
            f"离补办期限（{grace_ends.month}月{grace_ends.day}日）只剩几天，短信提醒来不及了，"
            "请尽快在“随申办”或社区事务受理服务中心补办签注。"
        )
    return ""


def within_sending_hours(shanghai_time: time) -> bool:
    return SENDING_STARTS <= shanghai_time < SENDING_ENDS
