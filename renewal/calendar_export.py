"""The renewal dates as an iCalendar file that phones and mail clients can import."""

from datetime import date, datetime, timedelta

import icalendar

from permitsite.dates import chinese_date
from renewal.deadlines import RenewalStatus

# An all-day event starts at 00:00, so "three days before, at 09:00" is 3 days minus 9 hours.
REMINDER_BEFORE = timedelta(days=3) - timedelta(hours=9)
NOTE = "日期由上海居住证助手按公开规定推算，以受理部门最新规定为准。"
WHERE = (
    "办理途径：随申办（App、微信或支付宝小程序）→ 居住证办理一件事 → 居住证签注；"
    "或全市任一社区事务受理服务中心。"
)


def renewal_calendar(status: RenewalStatus, uid_domain: str, stamp: datetime) -> bytes:
    expiry_cn = chinese_date(status.expiry)
    events = [
        (
            "window-opens",
            status.window_opens,
            "居住证可以签注了",
            f"从今天起可以办理签注，一直到{expiry_cn}（含当天）。",
        ),
        (
            "expiry",
            status.expiry,
            "居住证有效期最后一天",
            ("最晚今天办好签注；明天起证件的使用功能会中止（60 天内补办签注，居住年限仍连续计算）。"),
        ),
        (
            "grace-ends",
            status.grace_ends,
            "居住证逾期补办签注的最后一天",
            "今天补办签注，居住年限仍连续计算；明天起再补办，居住年限将从补办之日起重新计算。",
        ),
    ]

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//上海居住证助手//签注提醒//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "居住证签注提醒")
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    for key, day, summary, description in events:
        calendar.add_component(
            _all_day_event(status.expiry, key, day, summary, description, uid_domain, stamp)
        )
    return calendar.to_ical()


def _all_day_event(expiry, key, day: date, summary, description, uid_domain, stamp):
    event = icalendar.Event()
    # Derived from the expiry date only: downloading again updates the same events instead of adding copies.
    event.add("uid", f"qianzhu-{expiry:%Y%m%d}-{key}@{uid_domain}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", f"{description}\n{WHERE}\n{NOTE}")
    event.add("transp", "TRANSPARENT")

    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{summary}（{chinese_date(day)}）")
    alarm.add("trigger", -REMINDER_BEFORE)
    event.add_component(alarm)
    return event
