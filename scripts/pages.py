"""How the measuring tools name a page and find out whether it exists yet.

Each tool keeps its own list of pages. A page that answers 404 (its app has not landed yet) is
skipped with a printed note, so a new page joins the measurements as soon as its URL works.
"""

from dataclasses import dataclass

from scripts.serve import call_in_django, fetch, first_link


@dataclass(frozen=True)
class Page:
    name: str
    path: str = "/"
    # Take the first link on `path` whose path matches this pattern (one guide out of the list).
    link: str | None = None
    # `module.function` that creates what the page needs in the served database and returns its path.
    prepare: str | None = None
    method: str = "GET"
    json_body: str | None = None
    # False for pages that ask search engines to stay away (a person's stored result).
    indexable: bool = True


@dataclass(frozen=True)
class Resolved:
    page: Page
    path: str | None
    note: str = ""


def resolve(page: Page, base_url: str, env: dict) -> Resolved:
    """The concrete path to measure for `page`, or None and why it is skipped."""
    path = page.path
    if page.prepare:
        path = call_in_django(env, page.prepare)
        if path is None:
            return Resolved(page, None, f"skipped: {page.prepare} does not exist yet")
    body = page.json_body.encode() if page.json_body is not None else None
    headers = {"Content-Type": "application/json"} if body is not None else {}
    status, final_url, html = fetch(base_url + path, page.method, body, headers)
    if status == 404:
        return Resolved(page, None, f"skipped: {page.method} {path} answers 404 (not built yet)")
    if status >= 500:
        return Resolved(page, path, f"{page.method} {path} answers {status}")
    if page.method == "GET":
        path = final_url.removeprefix(base_url)  # measure where a redirect lands (the wizard's first step)
    if page.link:
        linked = first_link(html, page.link)
        if linked is None:
            return Resolved(page, None, f"skipped: no link matching {page.link} on {path}")
        path = linked
    return Resolved(page, path)
