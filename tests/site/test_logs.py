"""Requests we refuse on purpose log one WARNING line, not an ERROR with a traceback; every log line is in
one timezone with its offset (the gunicorn side: tests/ops/test_server_defaults.py)."""

import logging

import pytest

from permitsite import logs

pytestmark = pytest.mark.django_db

LINE = logging.Formatter(logs.FORMAT, logs.DATE_FORMAT)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"message=" + b"x" * (300 * 1024), id="oversized"),
        pytest.param(b"&".join(b"f%d=1" % n for n in range(2100)), id="too many fields"),
    ],
)
def test_a_refused_body_is_one_warning_line(client, caplog, body):
    response = client.post("/consult/", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert [record for record in caplog.records if record.levelno >= logging.ERROR] == []
    (refused,) = [record for record in caplog.records if record.name.startswith("django.security.")]
    assert refused.levelname == "WARNING"
    line = LINE.format(refused)
    assert "\n" not in line
    assert line.endswith("POST /consult/")
    assert "DATA_UPLOAD_MAX" in line


def test_log_lines_carry_the_shanghai_offset(caplog):
    logging.getLogger("permitsite").warning("a line")
    assert "+0800]" in LINE.format(caplog.records[-1])


@pytest.mark.parametrize(
    "text, logged",
    [
        ("/jifen/result/AbC_12-xyz/", "/jifen/result/…/"),
        ("/jifen/result/AbC_12-xyz/try/", "/jifen/result/…/try/"),
        ("Bad Request: /jifen/result/AbC_12-xyz/try/", "Bad Request: /jifen/result/…/try/"),
        ("/r/Ab12Cd34", "/r/…"),
        ("/jifen/rules/", "/jifen/rules/"),
        ("/renewal/remind/", "/renewal/remind/"),
    ],
)
def test_link_tokens_are_cut_from_what_is_logged(text, logged):
    assert logs.without_tokens(text) == logged


def test_every_line_the_console_prints_goes_through_the_token_filter():
    from django.conf import settings

    assert "tokens_out" in settings.LOGGING["handlers"]["console"]["filters"]
    record = logging.LogRecord(
        "django.request", logging.WARNING, "", 0, "%s: %s", ("Not Found", "/r/Ab12Cd34"), None
    )
    assert logs.TokensOut().filter(record)
    assert record.getMessage() == "Not Found: /r/…"


def test_the_gunicorn_master_imports_no_project_code():
    """A HUP deploy re-reads gunicorn.conf.py in the master and forks new workers from it: a project module
    the master had imported would reach them in the old release's version."""
    import subprocess
    import sys

    from django.conf import settings

    code = (
        "import runpy, sys; runpy.run_path('gunicorn.conf.py'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('permitsite', 'django')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, capture_output=True, text=True
    )
    assert result.stdout.strip() == "[]", result.stderr
