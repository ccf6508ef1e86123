"""The reminder texts. Pure, so their length is tested for every kind and date.

A Chinese SMS is one message up to 70 characters, the 【signature】 included; longer texts are split
and billed as two or more. Each text names the site (the signature), the date it is about, and the link
that stops the reminders (or says "我已签注"). Dates are absolute, never "in 3 days", so a catch-up run
a day late still tells the truth.
"""

from datetime import date

from reminders.schedule import Kind, last_day_kept

SIGNATURE = "【上海居住证助手】"
ONE_SMS = 70
# The stop link's path (permitsite/urls.py): short, because every character counts.
LINK_PATH = "/r/"

# Month and day only: the year is plain from the context and costs five characters.
TEMPLATES = {
    Kind.WINDOW_OPENS: "居住证{expiry}到期，现在可以签注了。已签注或退订点{link}",
    Kind.EXPIRY_NEAR: "居住证{expiry}到期，请尽快签注。已签注或退订点{link}",
    # The date that matters now is the end of the grace period, not the expiry date already past.
    Kind.GRACE_ENDING: "居住证已过期，{grace_ends}前补办签注年限不断。已签注或退订点{link}",
}
# The longest host name (e.g. "jzz.example.cn" has 14 characters) with which every text stays one SMS.
LONGEST_HOST = 20


def short_date(day: date) -> str:
    return f"{day.month}月{day.day}日"


def stop_link(site_url: str, token: str) -> str:
    """The link as printed in the text. Phones turn a bare domain into a link, so https:// is left out."""
    return site_url.removeprefix("https://").rstrip("/") + LINK_PATH + token


def reminder_params(kind: Kind, expiry: date, link: str) -> dict:
    """The template variables (also what an SMS provider's approved template receives)."""
    if kind is Kind.GRACE_ENDING:
        return {"grace_ends": short_date(last_day_kept(expiry)), "link": link}
    return {"expiry": short_date(expiry), "link": link}


def reminder_text(kind: Kind, expiry: date, link: str) -> str:
    return SIGNATURE + TEMPLATES[kind].format(**reminder_params(kind, expiry, link))


def longest_text(link: str) -> str:
    """The longest text any reminder can have with this link (two-digit months and days)."""
    expiry = date(2027, 10, 20)  # its grace period ends 12月19日: every date as long as it gets
    return max((reminder_text(kind, expiry, link) for kind in Kind), key=len)
