"""Whatever a visitor or a bot sends, the lead endpoints answer with a page or a 4xx, never a 5xx."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leads.phones import InvalidPhone, normalize_phone

FIELDS = [
    "name",
    "phone",
    "code",
    "service",
    "message",
    "consent",
    "attach_result",
    "result",
    "website",
    "captcha_0",
    "captcha_1",
    "purpose",
    "action",
    "confirm",
]
values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "on",
            "send_code",
            "new_captcha",
            "PASSED",
            "lead",
            "deletion",
            "13812345678",
            "123456",
            "planning",
        ]
    ),
)
bodies = st.dictionaries(st.sampled_from(FIELDS), values, max_size=len(FIELDS))
fuzz = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.django_db
@fuzz
@given(body=bodies, url=st.sampled_from(["/consult/", "/consult/code/", "/privacy/requests/"]))
def test_no_body_causes_a_server_error(client, body, url):
    response = client.post(url, body)
    assert response.status_code in (200, 302, 400, 429)


@given(
    digits=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    prefix=st.sampled_from(["", "+86", "0086", "86", "+86 ", "(+86) "]),
    separator=st.sampled_from(["", " ", "-"]),
)
def test_any_formatting_of_a_mobile_number_normalises_to_its_digits(digits, prefix, separator):
    typed = prefix + separator.join([digits[:3], digits[3:7], digits[7:]])
    assert normalize_phone(typed) == digits


@given(st.text(max_size=30))
def test_normalize_either_returns_a_valid_number_or_explains_in_chinese(text):
    try:
        result = normalize_phone(text)
    except InvalidPhone as exc:
        assert str(exc).endswith("。")
    else:
        assert len(result) == 11 and result.isdigit() and result[0] == "1"
