"""What a visitor does on /consult/, as functions the tests share."""

import re

from leads import sms
from leads.phones import normalize_phone

PHONE = "13812345678"


def ask_for_code(client, phone=PHONE, ip="203.0.113.7", purpose="lead"):
    """POST /consult/code/ as our script does; returns the response."""
    return client.post(
        "/consult/code/",
        {"phone": phone, "captcha_0": "any", "captcha_1": "PASSED", "purpose": purpose},
        REMOTE_ADDR=ip,
    )


def last_code_sent_to(phone=PHONE):
    texts = [message.text for message in sms.outbox if message.phone == phone]
    assert texts, f"no SMS was sent to {phone}"
    return re.search(r"(?<!\d)\d{6}(?!\d)", texts[-1]).group()


def lead_form(**overrides):
    data = {
        "name": "王先生",
        "phone": PHONE,
        "service": "planning",
        "message": "想了解社保基数对积分的影响",
        "consent": "on",
        "action": "submit",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit_lead(client, ip="203.0.113.7", **overrides):
    """Ask for a code, read it from the locmem outbox and submit the form with it."""
    phone = overrides.get("phone", PHONE)
    assert ask_for_code(client, phone=phone, ip=ip).status_code == 200
    data = lead_form(code=last_code_sent_to(normalize_phone(phone)), **overrides)
    return client.post("/consult/", data, REMOTE_ADDR=ip)
