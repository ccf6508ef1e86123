"""Hostile input at every public form and API endpoint: never a 5xx, nothing stored from a refusal.

Hypothesis throws arbitrary strings (NUL bytes, emoji, control characters, huge digits), wrong types,
repeated and missing fields at each endpoint. New forms and endpoints join by adding a line to a list.
"""

import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# GET forms and GET APIs: path -> the parameter names it reads.
GET_ENDPOINTS = {
    "/renewal/check/": ["expiry", "today"],
    "/renewal/check/calendar.ics": ["expiry", "today"],
    "/renewal/processing/": ["accepted"],
    "/api/v1/renewal": ["expiry", "today"],
    "/api/v1/processing": ["accepted"],
    "/guides/": ["category", "page"],
    "/jifen/": ["step"],
    "/api/v1/rules": ["as_of"],
    "/shengxue/": ["child_birth", "result"],
    "/api/v1/school": ["child_birth", "today"],
}

ANSWER_KEYS = [
    "age",
    "education",
    "title_skill",
    "title_base_ok",
    "social_insurance_years",
    "si_base_tier",
    "shortage_major",
    "entrepreneur_talent",
    "innovation_intermediary_talent",
    "investment_tax_wan",
    "investment_local_hires",
    "public_service_years",
    "remote_area_years",
    "fresh_graduate",
    "award",
    "spouse_hukou_years",
    "false_materials_count",
    "detention_count",
    "crime_count",
    "veto_serious_crime",
    "veto_family_planning",
]
WIZARD_FIELDS = [*ANSWER_KEYS, "recent_contributions", *(f"has_{key}" for key in ANSWER_KEYS)]

# POST forms: path -> (the field names it reads, the models whose rows a refusal must not add).
POST_FORMS = {
    **{
        f"/jifen/{step}/": (WIZARD_FIELDS, ["calculator.Assessment"])
        for step in ("basic", "insurance", "bonus", "deductions")
    },
    "/jifen/check/": (WIZARD_FIELDS, ["calculator.Assessment"]),
    "/jifen/base/": (
        ["month", *(f"{kind}_{year}" for kind in ("base", "unpaid") for year in range(2021, 2028))],
        ["calculator.Assessment"],
    ),
    "/jifen/base/carry/": (["tier"], ["calculator.Assessment"]),
    "/consult/": (
        [
            "name",
            "phone",
            "code",
            "service",
            "message",
            "attach_result",
            "result",
            "consent",
            "website",
            "captcha_0",
            "captcha_1",
            "action",
        ],
        ["leads.Lead"],
    ),
    "/consult/code/": (
        ["phone", "captcha_0", "captcha_1", "purpose"],
        ["leads.PhoneVerification", "leads.SmsSend"],
    ),
    "/privacy/requests/": (
        ["phone", "code", "confirm", "captcha_0", "captcha_1", "action"],
        ["leads.PhoneVerification", "leads.SmsSend"],
    ),
    "/juzhuanhu/": (
        [
            "card_years",
            "si_years",
            "title",
            "title_matches_job",
            "remote_edu_health_years",
            "salary_alternative",
            "tax_paid",
            "bad_record",
        ],
        [],
    ),
}

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

date_like = st.builds(
    "{}-{}-{}".format,
    st.integers(-10, 100000),
    st.integers(-1, 99),
    st.integers(-1, 99),
)
scalar_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=string.digits, min_size=1, max_size=400),  # huge numbers
    st.sampled_from(["", " ", "\x00", "null", "true", "-1", "1e309", "NaN", "２０２６-０１-０１", "💥" * 50]),
    # Values the code forms act on, so a fuzzed post gets past the CAPTCHA and asks for a code.
    st.sampled_from(
        ["on", "send_code", "new_captcha", "PASSED", "lead", "deletion", "13812345678", "123456"]
    ),
    date_like,
    st.integers().map(str),
)
field_value = st.one_of(scalar_text, st.lists(scalar_text, min_size=2, max_size=3))  # repeated fields


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3)
    ),
    max_leaves=10,
)


def query_for(names):
    known = st.fixed_dictionaries({}, optional={name: field_value for name in names})
    unknown = st.dictionaries(st.text(min_size=1, max_size=10), scalar_text, max_size=2)
    return st.tuples(known, unknown).map(lambda pair: {**pair[1], **pair[0]})


@pytest.mark.django_db
@pytest.mark.parametrize("path", GET_ENDPOINTS)
@FUZZ
@given(data=st.data())
def test_get_endpoints_never_fail_with_a_5xx(client, path, data):
    query = data.draw(query_for(GET_ENDPOINTS[path]))
    response = client.get(path, query)
    assert response.status_code < 500, (path, query)


answer_like = st.dictionaries(
    st.sampled_from(ANSWER_KEYS) | st.text(max_size=12),
    json_values
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.sampled_from(["bachelor", "x2", ""]),
    max_size=8,
)


@pytest.mark.django_db
@FUZZ
@given(body=answer_like | json_values, as_of=st.none() | scalar_text)
def test_score_api_answers_400_or_200_for_any_json(client, body, as_of):
    path = "/api/v1/score" if as_of is None else f"/api/v1/score?as_of={as_of}"
    response = client.post(path, json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 400), body
    if response.status_code == 400:
        assert response.json()["errors"]


settle_like = st.dictionaries(
    st.sampled_from(["card_years", "si_years", "title", "tax_paid", "bad_record"]) | st.text(max_size=12),
    json_values | st.integers(min_value=-(10**30), max_value=10**30) | st.sampled_from(["mid_title", ""]),
    max_size=8,
)


@pytest.mark.django_db
@FUZZ
@given(body=settle_like | json_values, today=st.none() | scalar_text)
def test_settle_api_answers_400_or_200_for_any_json(client, body, today):
    path = "/api/v1/settle" if today is None else f"/api/v1/settle?today={today}"
    response = client.post(path, json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 400), body
    if response.status_code == 400:
        assert response.json()["errors"]


@pytest.mark.django_db
@FUZZ
@given(raw=st.binary(max_size=300))
def test_score_api_refuses_bodies_that_are_not_json(client, raw):
    response = client.post("/api/v1/score", raw, content_type="application/json")
    assert response.status_code in (200, 400)


bases_like = st.dictionaries(
    st.sampled_from(["2025-07", "2024-12", "2022-01"]) | st.text(max_size=10),
    json_values | st.integers(min_value=-(10**30), max_value=10**30) | st.floats(allow_nan=False),
    max_size=6,
)


@pytest.mark.django_db
@FUZZ
@given(
    body=st.fixed_dictionaries(
        {"bases": bases_like | json_values}, optional={"as_of": json_values | scalar_text}
    )
    | json_values
)
def test_si_tier_api_answers_400_or_200_for_any_json(client, body):
    response = client.post("/api/v1/si-tier", json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 400), body
    if response.status_code == 400:
        assert response.json()["errors"]


def row_counts(model_labels):
    from django.apps import apps

    return {label: apps.get_model(label).objects.count() for label in model_labels}


@pytest.mark.django_db
@pytest.mark.parametrize("path", POST_FORMS)
@FUZZ
@given(data=st.data())
def test_post_forms_never_fail_and_store_nothing_they_refuse(client, path, data):
    fields, models = POST_FORMS[path]
    form = data.draw(query_for(fields))
    before = row_counts(models)
    response = client.post(path, form)
    assert response.status_code < 500, (path, form)
    if (
        response.status_code not in (200, 302)
        or b"errorlist" in response.content
        or b"is-invalid" in response.content
    ):
        assert row_counts(models) == before, (path, form)


@pytest.mark.django_db
@pytest.mark.parametrize("path", GET_ENDPOINTS)
@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_other_methods_on_get_endpoints_are_refused_cleanly(client, path, method):
    response = getattr(client, method)(path, {"expiry": "2026-01-01"})
    assert response.status_code in (400, 403, 405)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/api/v1/score", "/api/v1/si-tier", "/consult/", "/consult/code/", "/jifen/basic/", "/jifen/base/"],
)
def test_an_oversized_body_is_refused_cleanly(client, path):
    form_body = "name=" + "x" * (3 * 1024 * 1024)
    response = client.post(path, data=form_body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (400, 413)


JSON_POST_ENDPOINTS = ["/api/v1/score", "/api/v1/plan", "/api/v1/si-tier", "/api/v1/settle", "/consult/code/"]
# JSON may escape half of a UTF-16 pair ("\ud800"), which Python reads as a lone surrogate: a string that
# cannot be written back as UTF-8, so an error message that repeats it could not be sent.
LONE_SURROGATES = [
    r'{"age": 30, "education": "\udc80"}',
    r'{"\ud800": 1}',
    r'{"age": 30, "title": "\ud800", "bases": {"\udfff": 1}}',
    r'{"age": 30, "purpose": "\ud800", "phone": "\ud83d"}',
    r'{"age": 30, "list": ["ok", ["\udabc"]]}',
    r'{"\ud800": 1, "\ud800": 2}',  # a duplicate key is named in its message: checked first
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", JSON_POST_ENDPOINTS)
@pytest.mark.parametrize("body", LONE_SURROGATES)
def test_a_lone_surrogate_in_json_is_a_400_in_chinese(client, path, body):
    response = client.post(path, body, content_type="application/json")
    assert response.status_code == 400, response.content[:200]
    assert response.json() == {
        "errors": {"__all__": ["请求正文含有无法识别的字符，请用 UTF-8 编码的文字重新提交。"]}
    }


@pytest.mark.django_db
def test_a_whole_surrogate_pair_is_an_ordinary_character(client):
    # "\ud83d\udca5" is 💥: refused as an unknown option, not as an unreadable body.
    response = client.post(
        "/api/v1/score", r'{"age": 30, "education": "\ud83d\udca5"}', content_type="application/json"
    )
    assert response.status_code == 400
    assert "education" in response.json()["errors"]
