"""The shared page cache never hands one visitor's token, session or cookies to another."""

import pytest
from django.contrib.sessions.backends.cache import SessionStore
from django.http import HttpResponse
from django.template import engines
from django.test import Client, RequestFactory

from permitsite.page_cache import PageCache

pytestmark = pytest.mark.django_db

CACHED_PAGES = ["/", "/privacy/", "/guides/", "/guides/how-to-renew/"]


@pytest.mark.parametrize("path", CACHED_PAGES)
def test_a_signed_in_editor_and_an_anonymous_visitor_share_nothing_personal(admin_client, admin_user, path):
    editor_page = admin_client.get(path)
    visitor = Client()

    visitor_page = visitor.get(path)

    assert visitor_page.status_code == 200
    assert visitor_page.cookies == {}
    html = visitor_page.content.decode()
    assert admin_user.username not in html
    assert admin_client.cookies["sessionid"].value not in html
    assert "csrfmiddlewaretoken" not in html
    assert visitor_page["ETag"] == editor_page["ETag"]  # the same shared page, served to both


@pytest.mark.parametrize("path", CACHED_PAGES)
def test_a_cached_page_does_not_replay_the_first_visitors_cookies(path):
    first, second = Client(), Client()
    first.cookies["csrftoken"] = "a" * 32

    first.get(path)
    response = second.get(path)

    assert "a" * 32 not in response.content.decode()
    assert response.cookies == {}


def test_the_home_page_answers_304_to_a_current_copy(client):
    etag = client.get("/")["ETag"]

    assert client.get("/", headers={"if-none-match": etag}).status_code == 304


def test_the_cached_privacy_page_follows_a_changed_contact_address(client, settings):
    settings.PRIVACY_CONTACT_EMAIL = "old@permit.example"
    assert "old@permit.example" in client.get("/privacy/").content.decode()

    settings.PRIVACY_CONTACT_EMAIL = "new@permit.example"  # as a redeploy with a new environment would

    html = client.get("/privacy/").content.decode()
    assert "new@permit.example" in html
    assert "old@permit.example" not in html


def render(request, template_code):
    return engines["django"].from_string(template_code).render({}, request)


def test_a_page_that_rendered_a_csrf_token_is_served_but_not_stored():
    request = RequestFactory().get("/csrf-page/")
    request.META["CSRF_COOKIE"] = "x" * 32  # as CsrfViewMiddleware leaves it for a returning visitor
    cache = PageCache(request)

    page = cache.store(HttpResponse(render(request, "<form>{% csrf_token %}</form>")))

    assert "csrfmiddlewaretoken" in page.html.decode()
    assert cache.get() is None


def test_a_page_that_touched_the_session_is_not_stored():
    request = RequestFactory().get("/session-page/")
    request.session = SessionStore()
    cache = PageCache(request)
    request.session.get("anything")

    cache.store(HttpResponse("<p>你好</p>"))

    assert cache.get() is None


def test_a_page_without_anything_personal_is_stored():
    request = RequestFactory().get("/plain-page/")
    cache = PageCache(request)

    cache.store(HttpResponse("<p>你好</p>"))

    assert cache.get().html == "<p>你好</p>".encode()
