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
    PublicPage("/about/"),
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
