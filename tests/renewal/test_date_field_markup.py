"""The date fields of the renewal check and the processing estimate: errors are tied to the field, so a
screen reader reads them with it, and the help text always is."""

import re

import pytest

from tests.html_tree import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "field_id"),
    [
        ("/renewal/check/?expiry=2026-13-45", "id_expiry"),
        ("/renewal/processing/?accepted=2026-13-45", "id_accepted"),
    ],
)
def test_a_wrong_date_is_marked_and_its_message_linked_to_the_field(client, path, field_id):
    html = client.get(path).content.decode()

    field = re.search(rf'<input type="text"[^>]*id="{field_id}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field
    assert "is-invalid" in field
    # The message first, then the hint: what is wrong before how to answer.
    assert f'aria-describedby="{field_id}_error {field_id}_helptext"' in field
    assert re.search(rf'<p class="invalid-feedback" id="{field_id}_error">.*没有13月', html)
    # A date input cannot hold 2026-13-45 (a browser would show it empty): a text box keeps it.
    assert 'value="2026-13-45"' in field


def test_an_empty_form_is_not_marked_invalid(client):
    html = client.get("/renewal/check/").content.decode()

    field = re.search(r'<input type="date"[^>]*id="id_expiry"[^>]*>', html).group(0)
    assert "aria-invalid" not in field
    assert 'aria-describedby="id_expiry_helptext"' in field
    assert '<label class="form-label" for="id_expiry">' in html


@pytest.mark.parametrize(
    ("path", "field_id", "label"),
    [
        ("/renewal/check/?expiry=2026-13-45", "id_expiry", "居住证有效期至"),
        ("/renewal/processing/?accepted=2026-13-45", "id_accepted", "受理日期"),
    ],
)
def test_a_wrong_date_starts_the_page_with_the_error_summary(client, path, field_id, label):
    document = parse(client.get(path).content)
    summary = document.find("div", class_="error-summary")
    (link,) = summary.find_all("a")
    assert link["href"] == f"#{field_id}"
    assert link.text() == f"{label}：没有13月，请检查日期。"
    assert document.find("title").text().startswith("有错误：")


def test_a_page_without_a_date_has_no_summary(client):
    assert parse(client.get("/renewal/check/").content).find("div", class_="error-summary") is None
