"""Public pages in the states only a submission reaches: forms showing errors, the code-request steps, a
page answered. The HTML validity test (tests/site/test_html_validity.py) and the template-pack test
(tests/site/test_forms_through_the_pack.py) visit each with a fresh test client, besides PUBLIC_PAGES.
Add the error states of a new form here.
"""

from tests.calculator.wizard import DEDUCTIONS_NONE
from tests.leads.helpers import lead_form
from tests.public_pages import WIZARD_ANSWERS


def _get(path):
    return lambda client: client.get(path)


def _post(path, data):
    return lambda client: client.post(path, data)


def _result_token():
    from calculator.samples import example_result_path

    return example_result_path().rstrip("/").rsplit("/", 1)[-1]


def _ask_for_code(client, data):
    """Ask for a code for data's number, solving the real CAPTCHA."""
    from captcha.models import CaptchaStore

    store = CaptchaStore.objects.get(hashkey=CaptchaStore.generate_key())
    fields = {"phone": data["phone"], "captcha_0": store.hashkey, "captcha_1": store.response}
    assert (
        client.post("/consult/code/", {**fields, "purpose": data.get("purpose", "lead")}).status_code == 200
    )


def _after_a_code_was_sent(path, data):
    """Ask for a code for data's number, then post `data`: the code block shows no CAPTCHA."""

    def visit(client):
        _ask_for_code(client, data)
        return client.post(path, data)

    return visit


def _done(path, data):
    """Ask for a code for data's number, post `data` with it and open the page the post redirects to."""

    def visit(client):
        from tests.leads.helpers import last_code_sent_to

        _ask_for_code(client, data)
        response = client.post(path, {**data, "code": last_code_sent_to(data["phone"])})
        assert response.status_code == 302, f"{path} answered {response.status_code}"
        return client.get(response["Location"])

    return visit


def _wizard_until(step_path, data):
    """Answer the steps before `step_path` as WIZARD_ANSWERS does, then post `data` to it."""

    def visit(client):
        for path, answer in WIZARD_ANSWERS:
            if path == step_path:
                break
            assert client.post(path, answer).status_code == 302
        return client.post(step_path, data)

    return visit


SUBMITTED_STATES = {
    "wizard-basic-errors": _post("/jifen/basic/", {"age": "5", "education": "", "title_skill": "x"}),
    "wizard-basic-not-a-number": _post("/jifen/basic/", {"age": "三十", "education": "master"}),
    "wizard-insurance-errors": _wizard_until(
        "/jifen/insurance/",
        {"social_insurance_years": "99", "si_base_tier": "", "recent_contributions": "maybe"},
    ),
    "wizard-bonus-errors": _wizard_until(
        "/jifen/bonus/", {"has_public_service_years": "on", "has_award": "on"}
    ),
    "wizard-deductions-errors": _wizard_until(
        "/jifen/deductions/", {**DEDUCTIONS_NONE, "crime_count": "999"}
    ),
    "base-helper-errors": _post(
        "/jifen/base/?month=2026-07", {"month": "2026-07", "base_2025": "一万", "unpaid_2024": ["1999-01"]}
    ),
    "base-helper-result": _post(
        "/jifen/base/?month=2026-07",
        {"month": "2026-07", **{f"base_{year}": "12500" for year in (2022, 2023, 2024, 2025)}},
    ),
    "base-helper-bad-month": _get("/jifen/base/?month=1999-01"),
    "renewal-check-invalid-date": _get("/renewal/check/?expiry=2026-13-45"),
    "renewal-check-typed-date": _get("/renewal/check/?expiry=2027%E5%B9%B43%E6%9C%881%E6%97%A5"),
    "renewal-processing-invalid-date": _get("/renewal/processing/?accepted=31.02.2026"),
    "renewal-processing-estimate": _get("/renewal/processing/?accepted=2026-06-15"),
    "consult-errors": _post("/consult/", {"action": "submit"}),
    "consult-code-step-errors": _post("/consult/", lead_form(action="send_code", captcha_1="WRONG")),
    "consult-new-captcha": _post("/consult/", lead_form(action="new_captcha")),
    "consult-with-result": lambda client: client.get(f"/consult/?result={_result_token()}"),
    "consult-code-sent-errors": _after_a_code_was_sent("/consult/", lead_form(name="")),
    "deletion-code-sent-errors": _after_a_code_was_sent(
        "/privacy/requests/", {"action": "delete", "phone": "13912345678", "purpose": "deletion"}
    ),
    "deletion-errors": _post("/privacy/requests/", {"action": "delete"}),
    "deletion-done": _done(
        "/privacy/requests/",
        {"action": "delete", "phone": "13912340001", "purpose": "deletion", "confirm": "on"},
    ),
    "reminder-stop-done": _done(
        "/renewal/remind/stop/", {"action": "stop", "phone": "13912340002", "purpose": "reminder"}
    ),
    "deletion-code-step-errors": _post("/privacy/requests/", {"action": "send_code", "phone": "123"}),
    "settle-errors": _post("/juzhuanhu/", {"card_years": "七", "title": "x", "tax_paid": "maybe"}),
    "settle-answered": _post(
        "/juzhuanhu/",
        {
            "card_years": "7",
            "si_years": "7",
            "title": "none",
            "title_matches_job": "yes",
            "remote_edu_health_years": "0",
            "salary_alternative": "no",
            "tax_paid": "yes",
            "bad_record": "no",
        },
    ),
    "schooling-invalid-date": _get("/shengxue/?child_birth=2015-02-30"),
    "schooling-implausible-birth": _get("/shengxue/?child_birth=1950-01-01"),
}
