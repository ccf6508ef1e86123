"""Our pages and the CAPTCHA obey the CSP: no inline code, nothing from another origin."""

import re

import pytest

from tests.site.test_no_inline_code import inline_code_in

pytestmark = pytest.mark.django_db

PAGES = ["/consult/", "/consult/?result=abc", "/privacy/requests/", "/privacy/"]


@pytest.mark.parametrize("url", PAGES)
def test_lead_pages_have_no_inline_code_and_no_other_origin(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert inline_code_in(html) == []
    # Absolute URLs only to ourselves (the canonical link is absolute by nature).
    assert not re.search(r"""(src|href|action)=["'](https?:)?//(?!testserver/)""", html)


def test_the_pages_after_posting_have_no_inline_code(client):
    html = client.post("/consult/", {"action": "send_code"}).content.decode()
    assert inline_code_in(html) == []


def test_the_captcha_image_is_served_by_us_as_a_png(client):
    html = client.get("/consult/").content.decode()
    image_url = re.search(r'<img src="(/captcha/image/\w+/)"', html).group(1)
    image = client.get(image_url)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")


def test_the_captcha_can_be_refreshed_by_our_script(client):
    response = client.get("/captcha/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200
    assert response.json()["image_url"].startswith("/captcha/image/")


def test_the_form_pages_are_not_cached(client):
    assert "no-cache" in client.get("/consult/")["Cache-Control"]


def test_the_form_is_reachable_from_the_navigation_and_the_home_page(client):
    home = client.get("/").content.decode()
    assert '<a href="/consult/">咨询</a>' in home
    assert '<a href="/consult/">预约顾问回电</a>' in home
    consult = client.get("/consult/").content.decode()
    assert '<a href="/consult/" aria-current="page">咨询</a>' in consult
