"""gunicorn as `make run` starts it: its own limits on what a client may send, and a log in one timezone
where a refused body is one WARNING line."""

import re
import socket
import urllib.parse
from pathlib import Path

import pytest

from tests.ops.browser import Browser, form_fields
from tests.ops.servers import gunicorn, prepare

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("defaults")
    prepare(var_dir)
    with gunicorn(var_dir) as (base_url, _):
        yield base_url, Path(var_dir) / "gunicorn.log"


def raw_request(base_url, head: bytes) -> bytes:
    parts = urllib.parse.urlsplit(base_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as connection:
        connection.sendall(head)
        return connection.recv(4096)


def status_of(base_url, request_line: bytes, headers: list[bytes] = ()) -> int:
    head = request_line + b"\r\nHost: 127.0.0.1\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n"
    answer = raw_request(base_url, head)
    return int(answer.split(b" ", 2)[1])


def test_an_ordinary_request_is_served(server):
    base_url, _ = server
    assert status_of(base_url, b"GET /ping?" + b"x" * 1000 + b" HTTP/1.1") == 200


def test_a_request_line_over_4_kb_is_refused_by_gunicorn(server):
    base_url, _ = server
    assert status_of(base_url, b"GET /ping?" + b"x" * 5000 + b" HTTP/1.1") == 414


def test_more_than_50_headers_are_refused(server):
    # gunicorn's default would take 100.
    base_url, _ = server
    headers = [b"X-Filler-%d: 1" % n for n in range(60)]
    assert status_of(base_url, b"GET /ping HTTP/1.1", headers) == 431


def test_a_header_over_8_kb_is_refused(server):
    base_url, _ = server
    assert status_of(base_url, b"GET /ping HTTP/1.1", [b"Cookie: a=" + b"x" * 9000]) == 431


def test_the_log_has_one_timezone_and_one_line_per_refused_body(server):
    base_url, log = server
    visitor = Browser()
    status, page = visitor.get(base_url + "/consult/")
    assert status == 200
    token = form_fields(page)["csrfmiddlewaretoken"]
    fields = {"csrfmiddlewaretoken": token, "message": "x" * (300 * 1024)}
    assert visitor.post(base_url + "/consult/", fields, referer=base_url + "/consult/")[0] == 400

    text = log.read_text()
    stamps = re.findall(r"^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ([+-]\d{4})\]", text, flags=re.MULTILINE)
    assert stamps, text
    assert {offset for _, offset in stamps} == {"+0800"}, text
    assert "Traceback" not in text
    refused = [line for line in text.splitlines() if "DATA_UPLOAD_MAX_MEMORY_SIZE" in line]
    assert len(refused) == 1, text
    assert "[WARNING]" in refused[0] and refused[0].endswith("POST /consult/")


def test_too_many_fields_is_one_warning_line_too(server):
    base_url, log = server
    visitor = Browser()
    status, page = visitor.get(base_url + "/privacy/requests/")
    assert status == 200
    token = form_fields(page)["csrfmiddlewaretoken"]
    fields = {"csrfmiddlewaretoken": token, **{f"f{number}": "1" for number in range(2100)}}
    assert (
        visitor.post(base_url + "/privacy/requests/", fields, referer=base_url + "/privacy/requests/")[0]
        == 400
    )

    text = log.read_text()
    assert "Traceback" not in text
    refused = [line for line in text.splitlines() if "DATA_UPLOAD_MAX_NUMBER_FIELDS" in line]
    assert len(refused) == 1, text
    assert "[WARNING]" in refused[0] and refused[0].endswith("POST /privacy/requests/")


def test_link_tokens_never_reach_the_log(server):
    """A result or reminder link is the key to one person's answers or phone: gunicorn's access line and
    Django's request warning keep the page's kind, never the key."""
    base_url, log = server
    for path in ("/jifen/result/ResultKey0123456789ab/", "/jifen/result/ResultKey0123456789ab/try/?age=1"):
        assert Browser().get(base_url + path)[0] == 404
    assert Browser().get(base_url + "/r/LinkKey9")[0] == 404
    text = log.read_text()
    assert "ResultKey0123456789ab" not in text and "LinkKey9" not in text, text
    assert '"GET /jifen/result/…/try/ HTTP/1.1" 404' in text, text
    assert '"GET /r/… HTTP/1.1" 404' in text, text
    assert "Not Found: /jifen/result/…/" in text, text
