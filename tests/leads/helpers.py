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


def two_browsers_with_codes(phone, now, purpose="lead"):
    """Two browsers whose sessions were each sent a code for `phone`, a minute apart as the cooldown wants;
    returns [(client, code), (client, code)]."""
    from datetime import timedelta

    from django.test import Client

    from leads import services

    browsers = []
    for seconds_ago in (130, 65):
        browser = Client()
        sent_at = now - timedelta(seconds=seconds_ago)
        assert not services.request_code(
            phone, browser.session.session_key, "203.0.113.7", purpose, now=sent_at
        ).refused
        browsers.append((browser, last_code_sent_to(phone)))
    return browsers


def posted_at_the_same_moment(posts):
    """Run each `post()` in its own thread, released together; their status codes (or the exception one
    raised, so an assertion names it), in the order given."""
    import threading

    from django.db import connections

    start_together = threading.Barrier(len(posts))
    results = [None] * len(posts)

    def run(index, post):
        try:
            start_together.wait(timeout=30)
            results[index] = post().status_code
        except Exception as error:
            results[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results
