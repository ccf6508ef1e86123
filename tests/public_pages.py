"""Every public page in one list, opened the way a visitor opens it.

The SEO, inline-code, accessibility (axe) and page-weight tests, `make bench` and `make lighthouse`
(scripts/pages.py) all go over this list. A listed page that does not answer as listed fails every one of
them: no skipping. Add new pages here.
"""

import importlib
import re
from dataclasses import dataclass

from tests.calculator.wizard import DEDUCTIONS_NONE, INSURANCE_DEFAULT

# A visitor's answers to the four wizard steps, as a browser without JavaScript posts them.
WIZARD_ANSWERS = (
    ("/jifen/basic/", {"age": "30", "education": "master", "title_skill": "none"}),
    ("/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "3"}),
    ("/jifen/bonus/", {}),
    ("/jifen/deductions/", DEDUCTIONS_NONE),
)


@dataclass(frozen=True)
class PublicPage:
    name: str
    path: str
    # Take the first link on `path` whose path matches this pattern (one guide out of the list).
    link: str | None = None
    # "module.function" that stores what the page needs and returns its path (a saved result).
    prepare: str | None = None
    # Forms the visitor posted, in order, before opening the page: (path, fields). The page then shows
    # that visitor's own answers, so it is measured and checked with their session.
    answered: tuple[tuple[str, dict], ...] = ()
    status: int = 200
    # False for pages search engines are asked to leave alone (a person's stored result).
    indexable: bool = True

    def __str__(self):
        return self.name


PUBLIC_PAGES = [
    PublicPage("home", "/"),
    PublicPage("privacy", "/privacy/"),
    PublicPage("about", "/about/"),
    PublicPage("wizard start", "/jifen/"),
    PublicPage("wizard step 1", "/jifen/basic/"),
    PublicPage("wizard step 2", "/jifen/insurance/", answered=WIZARD_ANSWERS[:1]),
    PublicPage("wizard step 3", "/jifen/bonus/", answered=WIZARD_ANSWERS[:2]),
    PublicPage("wizard step 4", "/jifen/deductions/", answered=WIZARD_ANSWERS[:3]),
    PublicPage("wizard summary", "/jifen/check/", answered=WIZARD_ANSWERS),
    # Back from the summary to change an answer: the step shows the visitor's own answers.
    PublicPage("wizard step 1 answered", "/jifen/basic/", answered=WIZARD_ANSWERS),
    PublicPage("base-tier helper", "/jifen/base/"),
    PublicPage("points rules and sources", "/jifen/rules/"),
    # A stored assessment; calculator/samples.py provides the function that saves one.
    PublicPage(
        "result page", "/jifen/result/", prepare="calculator.samples.example_result_path", indexable=False
    ),
    PublicPage(
        "result with routes",
        "/jifen/result/",
        prepare="calculator.samples.example_routes_result_path",
        indexable=False,
    ),
    PublicPage(
        "try a route", "/jifen/result/", prepare="calculator.samples.example_try_path", indexable=False
    ),
    PublicPage("guide list", "/guides/"),
    PublicPage("a guide", "/guides/", link=r"/guides/(?!feed/)[\w-]+/"),
    PublicPage("renewal check", "/renewal/check/"),
    PublicPage("renewal check answered", "/renewal/check/?expiry=2027-03-01"),
    PublicPage("processing estimate", "/renewal/processing/"),
    PublicPage("consultation form", "/consult/"),
    PublicPage("deletion request", "/privacy/requests/"),
    PublicPage("settle self-check", "/juzhuanhu/"),
    PublicPage("school timeline", "/shengxue/"),
    PublicPage("school timeline answered", "/shengxue/?child_birth=2015-05-01"),
    PublicPage("SMS reminder form", "/renewal/remind/"),
    PublicPage("SMS reminder form answered", "/renewal/remind/?expiry=2027-03-01"),
    PublicPage("SMS reminder stop", "/renewal/remind/stop/"),
    # The page behind the link in every reminder text.
    PublicPage("SMS reminder link", "/r/", prepare="reminders.samples.example_link_path", indexable=False),
    PublicPage("page not found", "/no-such-page/", status=404),
]

PAGES_FOUND = [page for page in PUBLIC_PAGES if page.status == 200]


def prepared_path(page: PublicPage) -> str:
    """The page's path, after its `prepare` function (if any) stored what it needs in this database."""
    if not page.prepare:
        return page.path
    module, _, function = page.prepare.rpartition(".")
    return getattr(importlib.import_module(module), function)()


def first_link(html: str, pattern: str) -> str | None:
    """The first href in `html` whose path matches `pattern` (e.g. one guide out of the guide list)."""
    for href in re.findall(r'href="([^"#?]+)', html):
        if re.fullmatch(pattern, href):
            return href
    return None


def page_path(page: PublicPage, client) -> str:
    """The concrete path of `page` in the test database, with `client` (Django's test client) holding the
    session of a visitor who posted the page's answers. Fails when the page cannot be reached as listed."""
    for path, fields in page.answered:
        response = client.post(path, fields)
        assert response.status_code == 302, f"{page}: posting {path} answered {response.status_code}"
    path = prepared_path(page)
    if page.link:
        html = client.get(path).content.decode()
        linked = first_link(html, page.link)
        assert linked, f"{page}: no link matching {page.link} on {path}"
        path = linked
    return path


def browser_cookies(client, base_url: str) -> list[dict]:
    """`client`'s cookies for a Playwright browser context opening the live server at `base_url`."""
    return [{"name": name, "value": morsel.value, "url": base_url} for name, morsel in client.cookies.items()]
