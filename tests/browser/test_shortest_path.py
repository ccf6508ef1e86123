"""The figure the home page and /jifen/ state is what it takes: the shortest path walked on a phone.

The walk answers only what the wizard requires (a required field that is still empty) and counts taps
(buttons pressed, choices made), typed values and page loads until the result is shown.
"""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def stated(page):
    claim = page.locator("[data-shortest-path]")
    return {name: int(claim.get_attribute(f"data-{name}")) for name in ("taps", "typed", "pages")}


def answer_what_is_required(page, counted):
    for field in page.locator("form input[required], form select[required]").all():
        if not field.is_visible():
            continue
        kind = field.get_attribute("type")
        if field.evaluate("e => e.tagName") == "SELECT":
            if not field.input_value():
                field.select_option(index=1)
                counted["taps"] += 1
        elif kind == "radio":
            name = field.get_attribute("name")
            if page.locator(f'input[name="{name}"]:checked').count() == 0:
                field.check()
                counted["taps"] += 1
        elif not field.input_value():
            # Plausible together: years of insurance cannot exceed the years since 16.
            field.fill("30" if field.get_attribute("name") == "age" else "3")
            counted["typed"] += 1


def walk(page, url, first_button):
    page.goto(url)
    claim = stated(page)
    counted = {"taps": 0, "typed": 0, "pages": 0}
    page.on("load", lambda _: counted.__setitem__("pages", counted["pages"] + 1))
    buttons = [first_button, "开始自测"] if first_button != "开始自测" else ["开始自测"]
    for text in buttons:
        page.click(f"main a:has-text('{text}')")
        counted["taps"] += 1
        page.wait_for_load_state()
    while "/jifen/check/" not in page.url:
        before = page.url
        answer_what_is_required(page, counted)
        page.click("main form button[type=submit]")
        counted["taps"] += 1
        page.wait_for_url(lambda url, before=before: url != before)
        page.wait_for_load_state()
    page.click("button:has-text('查看结果')")
    counted["taps"] += 1
    page.wait_for_url("**/jifen/result/*/")
    page.wait_for_load_state()
    return claim, counted


def test_the_start_page_states_the_shortest_path(phone, seeded_live_server):
    claim, counted = walk(phone, seeded_live_server.url + "/jifen/", "开始自测")
    assert counted == claim
    assert phone.locator("[data-total]").is_visible()


def test_the_home_page_states_the_shortest_path(phone, seeded_live_server):
    claim, counted = walk(phone, seeded_live_server.url + "/", "开始积分自测")
    assert counted == claim
