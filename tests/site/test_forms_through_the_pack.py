"""Every public form renders through django-crispy-forms and our template pack (templates/permitsite/),
and no template writes a form control by hand.

The test client records each template rendered with its context: a field the pack drew appears as a
render of permitsite/field.html with that field in its context (or of permitsite/layout/baseinput.html
for a crispy `Hidden`). Every control a visitor can submit on a public page, in every state a
submission brings it to, must be one of those.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.html_tree import parse
from tests.public_pages import PUBLIC_PAGES, page_path
from tests.submitted_states import SUBMITTED_STATES

PACK = "permitsite"
# Widget templates draw a widget's own parts (the CAPTCHA's image, key and answer box) for the pack.
WIDGET_TEMPLATES = Path(settings.BASE_DIR) / "leads" / "templates" / "leads" / "widgets"
CONTROL = re.compile(r"<(input|select|textarea)\b", re.IGNORECASE)
# What a page may write itself: its CSRF token (through {% csrf_token %}) and buttons, which are no field.
NOT_FIELDS = {"csrfmiddlewaretoken", "action"}


def names_the_pack_rendered(response) -> set[str]:
    names = set()
    # A page served from the page cache renders nothing (and has no form field).
    for template, context in zip(response.templates, response.context or [], strict=True):
        if template.name == f"{PACK}/field.html":
            field = context["field"]
            widget = field.field.widget
            subwidgets = getattr(widget, "widgets", None)
            if subwidgets:
                names |= {f"{field.html_name}{suffix}" for suffix in widget.widgets_names}
            else:
                names.add(field.html_name)
        elif template.name == f"{PACK}/layout/baseinput.html":
            names.add(context["input"].name)
    return names


def submitted_names(response) -> list[str]:
    document = parse(response.content)
    return [
        element["name"]
        for element in document.iter()
        if element.tag in ("input", "select", "textarea") and element.get("name") not in (None, *NOT_FIELDS)
    ]


EVERY_PUBLIC_PAGE_STATE = {
    **{page.name: lambda client, page=page: client.get(page_path(page, client)) for page in PUBLIC_PAGES},
    **SUBMITTED_STATES,
}


@pytest.mark.django_db
@pytest.mark.parametrize("state", EVERY_PUBLIC_PAGE_STATE)
def test_every_field_on_a_public_page_was_rendered_by_the_pack(state):
    response = EVERY_PUBLIC_PAGE_STATE[state](Client())
    rendered = names_the_pack_rendered(response)
    by_hand = [name for name in submitted_names(response) if name not in rendered]
    assert by_hand == [], f"{state}: fields not rendered by the {PACK} pack"


@pytest.mark.django_db
def test_the_forms_are_drawn_by_the_pack_at_all(client):
    """Guards the test above against passing on pages that lost their forms."""
    for path, expected in [
        ("/jifen/basic/", {"age", "education", "title_skill", "title_base_ok"}),
        ("/renewal/check/", {"expiry"}),
        ("/renewal/processing/", {"accepted"}),
        ("/consult/", {"name", "phone", "captcha_0", "captcha_1", "purpose", "code", "service", "consent"}),
        ("/privacy/requests/", {"phone", "captcha_1", "purpose", "code", "confirm"}),
    ]:
        response = client.get(path)
        assert expected <= names_the_pack_rendered(response), path
        assert expected <= set(submitted_names(response)), path


def project_templates():
    base = Path(settings.BASE_DIR)
    for root in [base / "templates", *(base / app / "templates" for app in settings.INSTALLED_APPS)]:
        yield from root.rglob("*.html")


def hand_written_controls(path: Path, text: str) -> list[str]:
    """Form controls a template writes itself, outside the pack, widget templates and the admin."""
    pack = Path(settings.BASE_DIR) / "templates" / PACK
    admin = Path(settings.BASE_DIR) / "templates" / "admin"
    if path.is_relative_to(pack) or path.is_relative_to(WIDGET_TEMPLATES) or path.is_relative_to(admin):
        return []
    return [match.group(0) for match in CONTROL.finditer(text)]


def test_no_public_template_writes_a_form_control_by_hand():
    found = {
        str(path.relative_to(settings.BASE_DIR)): controls
        for path in project_templates()
        if (controls := hand_written_controls(path, path.read_text()))
    }
    assert found == {}


def test_the_scan_finds_a_hand_written_input():
    page = Path(settings.BASE_DIR) / "templates" / "leads" / "consult.html"
    assert hand_written_controls(page, '<form><input type="text" name="name"></form>') == ["<input"]
    pack_field = Path(settings.BASE_DIR) / "templates" / PACK / "field.html"
    assert hand_written_controls(pack_field, "<input>") == []
