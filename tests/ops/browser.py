"""Just enough of a browser for tests against real servers: cookies, and the fields of a page's forms."""

import http.cookiejar
import json
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The values a browser would submit for the forms on a page (all forms merged, first value wins)."""

    def __init__(self):
        super().__init__()
        self.fields = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind in ("submit", "button", "image", "file"):
                return
            self.fields.setdefault(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.setdefault(self._select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.setdefault(name, "")

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_fields(html):
    parser = FormFields()
    parser.feed(html)
    return parser.fields


class Browser:
    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def cookie_header(self) -> str:
        """The Cookie header this browser sends (for a load generator that replays its visit)."""
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.cookies)

    def get(self, url):
        return self.send(urllib.request.Request(url))

    def post(self, url, fields, referer):
        body = urllib.parse.urlencode(fields).encode()
        return self.send(urllib.request.Request(url, data=body, headers={"Referer": referer}))

    def post_json(self, url, payload):
        request = urllib.request.Request(
            url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
        )
        return self.send(request)

    def submit(self, url, changes, action=None):
        """Load the page at `url`, change some fields of its form and post it (to `action` if given)."""
        status, page = self.get(url)
        if status != 200:  # e.g. the lockout page, which axes also shows to GET requests
            return status, page
        return self.post(action or url, {**form_fields(page), **changes}, referer=url)

    def send(self, request):
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
