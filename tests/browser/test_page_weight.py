"""Each public page, loaded cold on a phone, stays within 60 KB transferred, asks no other origin and
trips no Content Security Policy violation.

Bytes are what Chromium's network layer received (headers plus the encoded body), as DevTools shows
them with the cache disabled. The test server sends static files uncompressed, so the figure is an
upper bound of what whitenoise's brotli copies cost in production.
"""

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import open_phone_page
from tests.public_pages import PUBLIC_PAGES, browser_cookies, page_path

BUDGET_BYTES = 60 * 1024


def load_cold(page, url):
    """Load `url` with the cache disabled; return {request URL: bytes transferred}."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls, transferred = {}, {}
    devtools.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    devtools.on(
        "Network.loadingFinished", lambda e: transferred.__setitem__(e["requestId"], e["encodedDataLength"])
    )
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return {urls[request_id]: size for request_id, size in transferred.items() if request_id in urls}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=str)
def test_page_is_light_and_asks_only_our_own_origin(chromium, seeded_live_server, public_page, client):
    path = page_path(public_page, client)
    phone = open_phone_page(chromium)
    phone.context.add_cookies(browser_cookies(client, seeded_live_server.url))
    try:
        loaded = load_cold(phone, seeded_live_server.url + path)
        csp_violations = list(phone.csp_violations)
    finally:
        phone.context.close()
    assert csp_violations == []
    ours = urlsplit(seeded_live_server.url).netloc
    web_requests = [urlsplit(url) for url in loaded if url.startswith(("http:", "https:"))]
    elsewhere = [url.geturl() for url in web_requests if url.netloc != ours]
    assert elsewhere == []
    assert any(url.endswith(".css") for url in loaded), "the stylesheet was fetched, not cached"
    total = sum(loaded.values())
    assert 0 < total <= BUDGET_BYTES, f"{total} bytes: {loaded}"
