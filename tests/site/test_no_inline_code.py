"""The CSP forbids inline script and style, so no template may contain any."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.public_pages import PUBLIC_PAGES, page_path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style\b", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"javascript:", re.IGNORECASE)


def inline_code_in(html):
    return [
        name
        for name, pattern in [
            ("inline <script>", INLINE_SCRIPT),
            ("<style> element", STYLE_ELEMENT),
            ("style attribute", STYLE_ATTRIBUTE),
            ("event-handler attribute", EVENT_HANDLER),
            ("javascript: URL", JAVASCRIPT_URL),
        ]
        if pattern.search(html)
    ]


def our_templates():
    root = Path(settings.BASE_DIR) / "templates"
    return sorted(root.rglob("*.html"))


def test_the_detector_catches_each_kind_of_inline_code():
    assert inline_code_in("<script>alert(1)</script>") == ["inline <script>"]
    assert inline_code_in('<script src="/static/js/a.js"></script>') == []
    assert inline_code_in("<style>p{}</style>") == ["<style> element"]
    assert inline_code_in('<p style="color:red">') == ["style attribute"]
    assert inline_code_in('<img onerror="x()">') == ["event-handler attribute"]


@pytest.mark.parametrize("template", our_templates(), ids=lambda p: str(p.name))
def test_template_source_has_no_inline_code(template):
    assert inline_code_in(template.read_text()) == []


# Public pages in states tests/public_pages.py does not reach (errors shown, plain text).
PAGES_IN_OTHER_STATES = [
    "/robots.txt",
    "/renewal/check/?expiry=2026-02-30",
    "/renewal/processing/?accepted=2027-09-28",
    "/jifen/basic/?step=1",
]


@pytest.mark.django_db
@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=str)
def test_public_pages_have_no_inline_code(client, public_page):
    response = client.get(page_path(public_page, client))
    assert response.status_code == public_page.status
    assert inline_code_in(response.content.decode()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES_IN_OTHER_STATES)
def test_pages_in_other_states_have_no_inline_code(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert inline_code_in(response.content.decode()) == []


@pytest.mark.django_db
def test_a_wizard_step_with_errors_has_no_inline_code(client):
    response = client.post("/jifen/basic/", {"age": "abc", "education": "nonsense"})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    assert inline_code_in(response.content.decode()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("template", ["500.html", "503.html", "403_csrf.html", "400.html", "403.html"])
def test_error_pages_have_no_inline_code(template):
    from permitsite.outage import render_without_database

    html = render_without_database(template, 500).content.decode()
    assert "上海居住证助手" in html
    assert inline_code_in(html) == []
