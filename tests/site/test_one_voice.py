"""One voice across the site: visitors are addressed as 您, never 你 (issue 11). Templates, the apps' Python
(messages, labels, notes) and the seed content in migrations are all checked, since each reaches a page."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("permitsite", "calculator", "renewal", "leads", "reminders", "settle", "schooling")


def sources():
    yield from (ROOT / "templates").rglob("*.html")
    for app in APPS:
        yield from (ROOT / app).rglob("*.py")
        yield from (ROOT / app).rglob("*.html")
    yield from (ROOT / "static" / "js").rglob("*.js")


def test_no_page_text_says_你():
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "你" in line
    ]
    assert found == []
