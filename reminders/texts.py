"""The reminder texts. Pure, so their length is tested for every kind and date.

A Chinese SMS is one message up to 70 characters, the 【signature】 included; longer texts are split
and billed as two or more. Each text names the site (the signature), the date it is about, and the link
that stops the reminders (or says "我已签注"). Dates are absolute, never "in 3 days", so a catch-up run
a day late still tells the truth.

These are notification texts the person asked for, not marketing: Aliyun's notification-template rules forbid
"拒收请回复R"-style reply codes there, so the way to stop is the site's own link (/r/<code>), in every text.
The link's host comes from settings.SITE_URL; for a real provider it is fixed text of the approved template
(`manage.py sms_templates` prints the texts to submit), and only the 8-character code is a variable.
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


def _date_params(kind: Kind, expiry: date) -> dict:
    if kind is Kind.GRACE_ENDING:
        return {"grace_ends": short_date(last_day_kept(expiry))}
    return {"expiry": short_date(expiry)}


def reminder_params(kind: Kind, expiry: date, link: str) -> dict:
    """The template variables of the text as read (tests, the console backend)."""
    return {**_date_params(kind, expiry), "link": link}


def provider_params(kind: Kind, expiry: date, token: str) -> dict:
    """What an SMS provider's approved template receives: the date and the link's code, never a whole link.
    Providers accept a link only when its address is fixed text of the approved template (Aliyun: an
    ICP-registered address in the non-variable part), so the host is in the template and only the code varies.
    """
    return {**_date_params(kind, expiry), "token": token}


def provider_template(kind: Kind, site_url: str) -> str:
    """The template to submit for approval, for this site's address: ${…} marks the variables. Sent with
    provider_params it reads exactly as reminder_text (without the signature, which the provider adds)."""
    placeholders = {name: "${" + name + "}" for name in _date_params(kind, date(2027, 3, 1))}
    return TEMPLATES[kind].format(**placeholders, link=stop_link(site_url, "${token}"))


def reminder_text(kind: Kind, expiry: date, link: str) -> str:
    return SIGNATURE + TEMPLATES[kind].format(**reminder_params(kind, expiry, link))


def longest_text(link: str) -> str:
    """The longest text any reminder can have with this link (two-digit months and days)."""
    expiry = date(2027, 10, 20)  # its grace period ends 12月19日: every date as long as it gets
    return max((reminder_text(kind, expiry, link) for kind in Kind), key=len)
