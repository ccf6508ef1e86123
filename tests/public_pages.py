"""Every public page in one list: the SEO, accessibility (axe) and page-weight tests run over it.

A page whose app has not landed yet (no URL pattern matches it) is skipped with a visible reason, so
the wizard, guides, renewal and consultation pages are checked as soon as they exist. Add new pages here.
"""

import importlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from tests.calculator.wizard import DEDUCTIONS_NONE, INSURANCE_DEFAULT
from tests.leads.helpers import lead_form


@dataclass(frozen=True)
class PublicPage:
    path: str
    # Take the first link on `path` whose path matches this pattern (one guide out of the list).
    link: str | None = None
    # "module.function" that stores what the page needs and returns its path (a saved result).
    prepare: str | None = None
    status: int = 200
    # False for pages search engines are asked to leave alone (a person's stored result).
    indexable: bool = True

    def __str__(self):
        return self.prepare or (f"{self.path}→{self.link}" if self.link else self.path)


PUBLIC_PAGES = [
    PublicPage("/"),
    PublicPage("/privacy/"),
    PublicPage("/jifen/"),
    PublicPage("/jifen/basic/"),
    PublicPage("/jifen/insurance/"),
    PublicPage("/jifen/bonus/"),
    PublicPage("/jifen/deductions/"),
    # A stored assessment; calculator/samples.py provides the function that saves one.
    PublicPage("/jifen/result/", prepare="calculator.samples.example_result_path", indexable=False),
    PublicPage("/guides/"),
    PublicPage("/guides/", link=r"/guides/(?!feed/)[\w-]+/"),
    PublicPage("/renewal/check/"),
    PublicPage("/renewal/check/?expiry=2027-03-01"),
    PublicPage("/renewal/processing/"),
    PublicPage("/consult/"),
    PublicPage("/privacy/requests/"),
    PublicPage("/juzhuanhu/"),
    PublicPage("/shengxue/"),
    PublicPage("/shengxue/?child_birth=2015-05-01"),
    PublicPage("/no-such-page/", status=404),
]

PAGES_FOUND = [page for page in PUBLIC_PAGES if page.status == 200]


def page_path(page: PublicPage) -> str:
    """The concrete path of `page` in the test database; skips the test while the page does not exist."""
    path = page.path
    if page.prepare:
        module, _, function = page.prepare.rpartition(".")
        try:
            make = getattr(importlib.import_module(module), function)
        except (ImportError, AttributeError):
            pytest.skip(f"{page.prepare} does not exist yet: nothing can store the page's data")
        path = make()
    if page.status == 200:
        try:
            resolve(urlsplit(path).path)
        except Resolver404:
            pytest.skip(f"{path} is not built yet (no URL pattern matches it)")
    if page.link:
        html = Client().get(path).content.decode()
        links = [href for href in re.findall(r'href="([^"#?]+)', html) if re.fullmatch(page.link, href)]
        assert links, f"no link matching {page.link} on {path}"
        path = links[0]
    return path


def _get(path):
    return lambda client: client.get(path)


def _post(path, data):
    return lambda client: client.post(path, data)


def _wizard_until(slug, data):
    """Answer the steps before `slug` correctly, then post `data` to it."""
    answers = {
        "basic": {"age": "30", "education": "master", "title_skill": "none"},
        "insurance": {**INSURANCE_DEFAULT, "social_insurance_years": "3"},
        "bonus": {},
        "deductions": DEDUCTIONS_NONE,
    }

    def visit(client):
        for earlier, answer in answers.items():
            if earlier == slug:
                break
            assert client.post(f"/jifen/{earlier}/", answer).status_code == 302
        if data is None:
            return client.get(f"/jifen/{slug}/")
        return client.post(f"/jifen/{slug}/", data)

    return visit


# Public pages in the states only a submission reaches (forms showing errors, a summary with answers):
# the HTML validity and template-pack tests visit each with a fresh client, besides PUBLIC_PAGES.
SUBMITTED_STATES = {
    "wizard-basic-errors": _post("/jifen/basic/", {"age": "5", "education": "", "title_skill": "x"}),
    "wizard-basic-not-a-number": _post("/jifen/basic/", {"age": "三十", "education": "master"}),
    "wizard-insurance-errors": _wizard_until(
        "insurance", {"social_insurance_years": "99", "si_base_tier": "", "recent_contributions": "maybe"}
    ),
    "wizard-bonus-errors": _wizard_until("bonus", {"has_public_service_years": "on", "has_award": "on"}),
    "wizard-deductions-errors": _wizard_until("deductions", {**DEDUCTIONS_NONE, "crime_count": "999"}),
    "wizard-bonus-revisited": _wizard_until("bonus", None),
    "wizard-summary": _wizard_until("check", None),
    "renewal-check-invalid-date": _get("/renewal/check/?expiry=2026-13-45"),
    "renewal-check-typed-date": _get("/renewal/check/?expiry=2027%E5%B9%B43%E6%9C%881%E6%97%A5"),
    "renewal-processing-invalid-date": _get("/renewal/processing/?accepted=31.02.2026"),
    "renewal-processing-estimate": _get("/renewal/processing/?accepted=2026-06-15"),
    "consult-errors": _post("/consult/", {"action": "submit"}),
    "consult-code-step-errors": _post("/consult/", lead_form(action="send_code", captcha_1="WRONG")),
    "consult-new-captcha": _post("/consult/", lead_form(action="new_captcha")),
    "consult-with-result": _get("/consult/?result=abc123"),
    "deletion-errors": _post("/privacy/requests/", {"action": "delete"}),
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
