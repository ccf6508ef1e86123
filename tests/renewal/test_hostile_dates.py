"""Whatever is typed into a date, the answer is a date or a Chinese message, never a 500."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renewal.dateinput import InvalidDate, parse_date

NASTY = [
    "\x00",
    "2026-06-15\x00",
    "９９９９-99-99",
    "0000-00-00",
    "2026-6-15" * 500,
    "<script>",
    "2026-06-15'--",
]


@given(st.text(max_size=40))
def test_any_text_is_a_supported_date_or_an_invalid_date(text):
    try:
        parsed = parse_date(text)
    except InvalidDate as error:
        assert str(error)
    else:
        assert date(2000, 1, 1) <= parsed <= date(2099, 12, 31)


@pytest.mark.django_db
@pytest.mark.parametrize("value", NASTY)
@pytest.mark.parametrize(
    "path",
    ["/renewal/check/?expiry=", "/renewal/check/calendar.ics?expiry=", "/renewal/processing/?accepted="],
)
def test_pages_answer_hostile_dates_without_a_server_error(client, path, value):
    response = client.get(path.split("?")[0], {path.split("?")[1].rstrip("="): value})

    assert response.status_code in (200, 400)


@pytest.mark.django_db
@pytest.mark.parametrize("value", NASTY)
def test_api_answers_hostile_dates_with_400(client, value):
    assert client.get("/api/v1/renewal", {"expiry": value}).status_code == 400
    assert client.get("/api/v1/processing", {"accepted": value}).status_code == 400
