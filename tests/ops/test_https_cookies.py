"""In the HTTPS configuration every cookie the site sets is Secure and SameSite; the session and CSRF
cookies are __Host- prefixed and the session cookie is HttpOnly. Crawled on a real gunicorn server."""

import http.client
import urllib.parse
from http.cookies import SimpleCookie

import pytest

from tests.ops.browser import form_fields
from tests.ops.servers import gunicorn, prepare
from tests.public_pages import PUBLIC_PAGES
from tests.site.test_no_inline_code import PAGES_IN_OTHER_STATES

pytestmark = pytest.mark.slow


class HttpsVisitor:
    """Talks plain HTTP to gunicorn as the TLS proxy would, and keeps cookies like a browser on HTTPS."""

    def __init__(self, base_url):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.jar = {}
        self.set_cookie_headers = []

    def request(self, method, path, fields=None):
        headers = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
        if self.jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.jar.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://127.0.0.1{path}"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=15)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            page = response.read().decode(errors="replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                self.set_cookie_headers.append(header)
                for name, morsel in SimpleCookie(header).items():
                    self.jar[name] = morsel.value
            return response.status, page
        finally:
            connection.close()

    def submit(self, path, changes):
        status, page = self.request("GET", path)
        assert status == 200, path
        return self.request("POST", path, {**form_fields(page), **changes})


@pytest.fixture(scope="module")
def https_server(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("https")
    https = {
        "DJANGO_HTTPS": "1",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # The HTTPS configuration refuses the console SMS backend; the crawl sends no SMS.
        "SMS_BACKEND": "leads.sms.AliyunBackend",
        "SMS_ALIYUN_ACCESS_KEY_ID": "LTAI-example",
        "SMS_ALIYUN_ACCESS_KEY_SECRET": "example-secret",
        "SMS_ALIYUN_SIGN_NAME": "上海居住证助手",
        "SMS_ALIYUN_TEMPLATE_CODE": "SMS_000000001",
        # Production also names its public address and the reminders' templates (reminders.E001/E002).
        "SITE_URL": "https://127.0.0.1",
        "SMS_ALIYUN_TEMPLATE_WINDOW_OPENS": "SMS_000000002",
        "SMS_ALIYUN_TEMPLATE_EXPIRY_NEAR": "SMS_000000003",
        "SMS_ALIYUN_TEMPLATE_GRACE_ENDING": "SMS_000000004",
    }
    prepare(var_dir, **https)
    with gunicorn(var_dir, **https) as (base_url, _):
        yield base_url


def crawl(base_url):
    visitor = HttpsVisitor(base_url)
    plain_paths = [page.path for page in PUBLIC_PAGES if not (page.prepare or page.link or page.answered)]
    for path in plain_paths + PAGES_IN_OTHER_STATES:
        visitor.request("GET", path)
    visitor.submit("/jifen/basic/", {"age": "30", "education": "bachelor_degree", "title_skill": "none"})
    visitor.request("GET", "/consult/")
    visitor.submit("/admin/login/", {"username": "nobody", "password": "wrong-password-123"})
    return visitor.set_cookie_headers


def attributes(header):
    name = header.split("=", 1)[0].strip()
    flags = {part.strip().split("=", 1)[0].lower(): part.strip() for part in header.split(";")[1:]}
    return name, flags


def test_every_cookie_is_secure_and_same_site(https_server):
    headers = crawl(https_server)
    names = {attributes(header)[0] for header in headers}
    assert {"__Host-sessionid", "__Host-csrftoken"} <= names, names
    for header in headers:
        name, flags = attributes(header)
        assert "secure" in flags, header
        assert "samesite" in flags, header
        if name.startswith("__Host-"):
            assert flags.get("path") == "Path=/", header
            assert "domain" not in flags, header


def test_the_session_cookie_is_http_only(https_server):
    for header in crawl(https_server):
        name, flags = attributes(header)
        if name == "__Host-sessionid":
            assert "httponly" in flags, header


def test_plain_http_is_redirected_to_https(https_server):
    parts = urllib.parse.urlsplit(https_server)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=15)
    connection.request("GET", "/", headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    connection.close()
    assert response.status == 301
    assert response.headers["Location"] == "https://127.0.0.1/"
