"""Playwright driving Debian's Chromium (never a downloaded browser) against pytest-django's live server."""

import os
import shutil

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
PHONE_VIEWPORT = {"width": 390, "height": 844}

# Playwright's sync API runs an event loop in this thread; the ORM calls our tests make around it
# are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield browser
        browser.close()


def open_phone_page(chromium, java_script_enabled=True):
    context = chromium.new_context(
        viewport=PHONE_VIEWPORT,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        java_script_enabled=java_script_enabled,
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.csp_violations = []
    page.on("console", lambda msg: _record_csp_violation(page, msg))
    return page


def _record_csp_violation(page, message):
    if "Content Security Policy" in message.text:
        page.csp_violations.append(message.text)


# django_db_setup comes first so the test database exists before the session's live server starts:
# only then does the server share the in-memory SQLite connection instead of opening (and leaking)
# one per request thread, which the ResourceWarning-as-error setting turns into a failed run.
@pytest.fixture
def phone(django_db_setup, chromium, live_server):
    """A 390×844 phone page with JavaScript on; `phone.csp_violations` lists what the CSP blocked."""
    page = open_phone_page(chromium)
    yield page
    page.context.close()


@pytest.fixture
def phone_without_js(django_db_setup, chromium, live_server):
    page = open_phone_page(chromium, java_script_enabled=False)
    yield page
    page.context.close()


@pytest.fixture
def signed_in_phone(phone, live_server, transactional_db, sign_in_admin):
    """The phone page signed in to the admin as a superuser (the session of a password + code sign-in)."""
    from django.contrib.auth.models import User

    user = User.objects.create_superuser("boss", password="a long enough password 1")
    client = Client()
    sign_in_admin(client, user)
    phone.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    phone.user_id = user.pk
    return phone


@pytest.fixture
def seeded_live_server(seeded_transactional_db, live_server):
    """live_server with the data migrations' rows back (see tests/conftest.py)."""
    return live_server
