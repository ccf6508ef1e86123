"""Pages shared but for the visitor's own values (permitsite/shared_pages.shared_but_for): rendered once for
everyone who would see the same page, each copy with a CSRF token of its visitor's own, and never kept when
the page holds anything that cannot be replaced per visitor."""

import gzip
import re

import pytest
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.template import engines
from django.test import RequestFactory

from permitsite.shared_pages import CSRF_TOKEN, Own, shared_but_for

pytestmark = pytest.mark.django_db

FORM = '<form method="post">{% csrf_token %}<input name="q"></form>'


class FormPage:
    """A view answering through shared_but_for that counts how often it really rendered."""

    def __init__(self, template=FORM, status=200, cookie=False):
        self.renders = 0
        self.template = engines["django"].from_string(template)
        self.status, self.cookie = status, cookie

    def get(self, path="/form/", *shown, **options):
        request = RequestFactory().get(path)

        def render():
            self.renders += 1
            response = HttpResponse(self.template.render({}, request), status=self.status)
            if self.cookie:
                response.set_cookie("seen", "1")
            return response

        return request, shared_but_for(request, render, *shown, **options)


def token_in(response) -> str:
    return re.search(r'value="([^"]+)"', response.content.decode()).group(1)


def test_a_form_page_is_rendered_once_and_each_visitor_gets_a_token_of_their_own():
    page = FormPage()
    visits = [page.get() for _ in range(3)]
    assert page.renders == 1
    tokens = [token_in(response) for _, response in visits]
    assert len(set(tokens)) == 3
    for (request, _), token in zip(visits, tokens, strict=True):
        # The token belongs to the secret of this visitor's own CSRF cookie.
        assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]
    pages = {response.content.decode().replace(token_in(response), "T") for _, response in visits}
    assert pages == {
        '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="T"><input name="q">'
        "</form>"
    }


def test_what_the_view_names_as_shown_keys_the_page():
    page = FormPage("{% csrf_token %}")
    page.get("/form/", "notice A")
    page.get("/form/", "notice B")
    page.get("/form/", "notice A")
    assert page.renders == 2


def test_a_token_printed_where_it_cannot_be_found_is_sent_but_never_kept():
    page = FormPage('<input value="{{ csrf_token }}" name="csrfmiddlewaretoken">')
    first, second = page.get()[1], page.get()[1]
    assert page.renders == 2
    assert token_in(first) != token_in(second)


def test_a_page_with_two_different_values_of_one_kind_is_never_kept():
    numbered = Own(re.compile(r'data-code="(\d+)"'), lambda request: "7", lambda request, content: True)
    page = FormPage('<p data-code="1"></p><p data-code="2"></p>')
    page.get(own=(CSRF_TOKEN, numbered))
    page.get(own=(CSRF_TOKEN, numbered))
    assert page.renders == 2


def test_a_value_is_replaced_in_every_place_it_is_printed():
    numbered = Own(re.compile(r'data-code="(\d+)"'), lambda request: "7", lambda request, content: True)
    page = FormPage('<img src="/c/123/"><p data-code="123"></p>')
    page.get(own=(numbered,))
    _, again = page.get(own=(numbered,))
    assert page.renders == 1
    assert again.content == b'<img src="/c/7/"><p data-code="7"></p>'


@pytest.mark.parametrize(("status", "cookie"), [(404, False), (200, True)])
def test_an_error_or_a_page_that_set_a_cookie_is_never_kept(status, cookie):
    page = FormPage(status=status, cookie=cookie)
    page.get()
    page.get()
    assert page.renders == 2


def test_only_the_query_parameters_the_page_reads_are_kept_apart():
    page = FormPage()
    page.get("/form/?next=check", query=("next",))
    page.get("/form/?next=check", query=("next",))
    assert page.renders == 1
    page.get("/form/?utm_source=wechat", query=("next",))
    page.get("/form/?utm_source=wechat", query=("next",))
    assert page.renders == 3  # a stranger's link is answered, not kept


# Every page that answers a first visit through shared_but_for, as a visitor without a cookie opens it.
SHARED_FORM_PAGES = [
    "/jifen/",
    "/jifen/basic/",
    "/jifen/basic/?next=check",
    "/jifen/base/",
    "/jifen/base/?month=2027-01",
    "/juzhuanhu/",
    "/renewal/processing/",
    "/shengxue/",
    "/consult/",
    "/consult/?service=renewal",
    "/privacy/requests/",
    "/renewal/remind/",
    "/renewal/remind/?expiry=2027-03-01",
    "/renewal/remind/stop/",
]


@pytest.mark.parametrize("path", SHARED_FORM_PAGES)
def test_a_first_visit_is_kept_and_each_visitor_gets_the_token_of_their_own_cookie(path):
    from django.test import Client

    visitors = [Client(), Client(), Client()]
    first = visitors[0].get(path)
    plain = visitors[1].get(path)
    compressed = visitors[2].get(path, headers={"accept-encoding": "gzip, deflate, br"})
    assert first.status_code == plain.status_code == compressed.status_code == 200
    assert first.templates and not plain.templates and not compressed.templates  # served the kept page
    assert compressed["Content-Encoding"] == "gzip"  # once: GZipMiddleware leaves it alone
    pages = [first.content.decode(), plain.content.decode(), gzip.decompress(compressed.content).decode()]
    for visitor, page in zip(visitors, pages, strict=True):
        printed = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if printed:
            assert _unmask_cipher_token(printed.group(1)) == visitor.cookies["csrftoken"].value


def test_a_kept_page_goes_compressed_to_a_browser_that_accepts_gzip_with_its_own_token():
    page = FormPage("<p>" + "居住证签注 " * 300 + "</p>" + FORM + "<p>" + "积分 " * 300 + "</p>")
    page.get()
    request = RequestFactory().get("/form/", headers={"accept-encoding": "gzip, deflate, br"})
    response = shared_but_for(request, lambda: pytest.fail("the kept page was rendered again"))

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]
    plain = page.get()[1]
    assert html.replace(token, "T") == plain.content.decode().replace(token_in(plain), "T")
    assert len(response.content) < len(html) / 4  # the fixed parts are compressed


def test_a_value_printed_in_several_places_is_made_once_per_response():
    made = []
    counted = Own(re.compile(r'data-code="(\d+)"'), lambda request: made.append(1) or "7", lambda r, c: True)
    page = FormPage('<img src="/c/123/"><p data-code="123"></p><a href="/c/123/">')
    page.get(own=(counted,))
    page.get(own=(counted,))
    assert len(made) == 1
