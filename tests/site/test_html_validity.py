"""Every public page, in every state a visitor can bring it to (forms showing errors included), is valid
HTML by the Nu HTML checker (npm `vnu-jar`, run with Java 17).

Browsers forgive invalid markup in different ways, and assistive technology reads what the browser
made of it: an `action=""`, an attribute a hidden input may not carry or a date the date input cannot
hold are each a page that differs from browser to browser.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.public_pages import PUBLIC_PAGES, page_path
from tests.submitted_states import SUBMITTED_STATES

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(pages: dict[str, bytes], directory: Path) -> list[str]:
    """Runs the checker once over every page; returns "page: line: message" for each error."""
    files = []
    for name, html in pages.items():
        path = directory / f"{name}.html"
        path.write_bytes(html)
        files.append(str(path))
    java = shutil.which("java")
    checked = subprocess.run(
        [java, "-Xss1024k", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr or checked.stdout)["messages"]
    return [
        f"{Path(m.get('url', '')).stem}: {m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '')}]"
        for m in messages
    ]


@pytest.fixture
def nu_checker():
    if shutil.which("java") is None:
        pytest.skip("java is not installed: the Nu HTML checker needs Java 11 or later")
    if not VNU.exists():
        pytest.skip(f"{VNU.relative_to(settings.BASE_DIR)} is missing: run `npm ci` (.ci/run does)")


@pytest.mark.django_db
def test_every_public_page_state_is_valid_html(nu_checker, tmp_path):
    pages = {}
    for page in PUBLIC_PAGES:
        client = Client()
        response = client.get(page_path(page, client))
        assert response.status_code == page.status, page
        pages[page.name.replace(" ", "-")] = response.content
    for name, visit in SUBMITTED_STATES.items():
        response = visit(Client())
        assert response.status_code == 200, name
        pages[name] = response.content
    assert nu_errors(pages, tmp_path) == []


def test_the_checker_reports_invalid_markup(nu_checker, tmp_path):
    """The check can fail: the errors named in issue 17 are reported."""
    page = (
        '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>t</title></head><body>'
        '<form method="post" action=""><input type="hidden" name="k" maxlength="8" aria-invalid="true">'
        '<input type="date" name="d" value="2026-13-45"></form></body></html>'
    )
    errors = " ".join(nu_errors({"broken": page.encode()}, tmp_path))
    assert "action" in errors
    assert "maxlength" in errors
    assert "2026-13-45" in errors
