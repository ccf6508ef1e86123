"""The disclaimer once per page (issue 11): the footer says the site is not a government site and that the
official rules and the offices' decisions prevail; a page adds only what is its own, never the same caveat
again in other words. (What a page says prevails for its own detail, such as "以短信说明为准", is its own.)"""

import re

import pytest

from tests.public_pages import PAGES_FOUND, page_path

# A sentence that says "this is only for reference" in any wording: 仅供参考, 仅供规划参考, …
FOR_REFERENCE_ONLY = re.compile(r"仅供\w{0,4}参考")


def visible_text(html: str) -> str:
    body = re.sub(r"<(script|style|head)\b.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES_FOUND, ids=str)
def test_each_page_states_the_disclaimer_once(client, page):
    text = visible_text(client.get(page_path(page, client)).content.decode())
    assert len(FOR_REFERENCE_ONLY.findall(text)) == 1, "the footer's disclaimer, and no second one"
