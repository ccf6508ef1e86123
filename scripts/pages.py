"""How the measuring tools open each page of tests/public_pages.py on a served site, as its visitor does.

A page that does not answer as listed stops being measured with an error (PageUnreachable), never a skip.
"""

from dataclasses import dataclass

from scripts.serve import call_in_django
from tests.ops.browser import Browser, form_fields
from tests.public_pages import PublicPage, first_link


class PageUnreachable(Exception):
    pass


@dataclass(frozen=True)
class Target:
    """One request a tool sends over and over: a page as its visitor asks for it, or an API call."""

    name: str
    path: str
    method: str = "GET"
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()


def open_page(page: PublicPage, base_url: str, env: dict) -> Target:
    """Post the page's answers as a browser would, find its concrete path and check its status; the
    Target carries the visitor's cookies (their session) when the page shows their answers."""
    visitor = Browser()
    for path, fields in page.answered:
        _, html = visitor.get(base_url + path)
        token = form_fields(html).get("csrfmiddlewaretoken", "")
        status, _ = visitor.post(
            base_url + path, {"csrfmiddlewaretoken": token, **fields}, referer=base_url + path
        )
        if status != 302:
            raise PageUnreachable(
                f"{page}: posting {path} answered {status}, not a redirect to the next step"
            )
    path = page.path
    if page.prepare:
        path = call_in_django(env, page.prepare)
        if path is None:
            raise PageUnreachable(f"{page}: {page.prepare} does not exist")
    status, html = visitor.get(base_url + path)
    if page.link:
        path = first_link(html, page.link)
        if path is None:
            raise PageUnreachable(f"{page}: no link matching {page.link} on {page.path}")
        status, _ = visitor.get(base_url + path)
    if status != page.status:
        raise PageUnreachable(f"{page}: GET {path} answered {status}, not {page.status}")
    cookies = visitor.cookie_header() if page.answered else ""
    return Target(page.name, path, headers=(("Cookie", cookies),) if cookies else ())
