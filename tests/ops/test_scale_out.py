"""Two app servers sharing PostgreSQL and Redis behave as one site.

Runs in .ci/run's PostgreSQL + Redis pass; skipped on SQLite, where a second host cannot share the database.
"""

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from tests.ops.servers import gunicorn, prepare

pytestmark = pytest.mark.skipif(
    not (os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")),
    reason="needs DATABASE_URL (PostgreSQL) and REDIS_URL, as in .ci/run's second pass",
)


@pytest.fixture
def two_servers(transactional_db, tmp_path):
    """Two gunicorn instances on different ports, both using this test's database and Redis."""
    db = connection.settings_dict
    shared = {
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": os.environ["REDIS_URL"],
    }
    prepare(tmp_path / "a", **shared)
    prepare(tmp_path / "b", **shared)
    with gunicorn(tmp_path / "a", **shared) as (url_a, _), gunicorn(tmp_path / "b", **shared) as (url_b, _):
        yield url_a, url_b


class Browser:
    """Just enough of a browser: cookies, and the CSRF token from the last form seen."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def get(self, url):
        return self.send(urllib.request.Request(url))

    def post_form(self, url, fields):
        status, page = self.get(url)
        if status != 200:  # e.g. the lockout page, which axes also shows to GET requests
            return status, page
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        return self.send(urllib.request.Request(url, data=body, headers={"Referer": url}))

    def send(self, request):
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_admin_lockout_holds_across_servers(two_servers):
    url_a, url_b = two_servers
    failures = {"username": "editor1", "password": "wrong-password-123"}
    for attempt in range(5):
        base = url_a if attempt % 2 == 0 else url_b
        status, _ = Browser().post_form(base + "/admin/login/", failures)
        assert status in (200, 429)
    for base in (url_a, url_b):
        status, page = Browser().post_form(base + "/admin/login/", failures)
        assert status == 429
        assert "登录尝试过多" in page
