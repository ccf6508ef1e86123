"""Shared pages (permitsite/shared_pages.py): kept for every visitor until what they show changes, and never
holding one visitor's token, session or cookies."""

import gzip

import pytest
from django.contrib.sessions.backends.cache import SessionStore
from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.test import Client, RequestFactory

from permitsite import stamps
from permitsite.shared_pages import shared_page

pytestmark = pytest.mark.django_db

SHARED_PAGES = ["/", "/privacy/", "/guides/", "/guides/how-to-renew/", "/renewal/check/"]


@pytest.mark.parametrize("path", SHARED_PAGES)
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


@pytest.mark.parametrize("path", SHARED_PAGES)
def test_a_kept_page_does_not_replay_the_first_visitors_cookies(path):
    first, second = Client(), Client()
    first.cookies["csrftoken"] = "a" * 32

    first.get(path)
    response = second.get(path)

    assert "a" * 32 not in response.content.decode()
    assert response.cookies == {}


@pytest.mark.parametrize("path", SHARED_PAGES)
def test_browsers_check_their_copy_every_time_and_get_a_304_while_it_is_current(client, path):
    phone = {"accept-encoding": "gzip, deflate, br"}  # so the ETag comes back weak, as gzip leaves it
    first = client.get(path, headers=phone)
    assert "max-age=0" in first["Cache-Control"]

    again = client.get(path, headers={**phone, "if-none-match": first["ETag"]})

    assert again.status_code == 304
    assert again.content == b""


def test_the_privacy_page_follows_a_changed_contact_address(client, settings):
    settings.PRIVACY_CONTACT_EMAIL = "old@permit.example"
    assert "old@permit.example" in client.get("/privacy/").content.decode()

    settings.PRIVACY_CONTACT_EMAIL = "new@permit.example"  # as a restart with a new environment would

    html = client.get("/privacy/").content.decode()
    assert "new@permit.example" in html
    assert "old@permit.example" not in html


class CountingView:
    """A view under @shared_page that renders `template` and counts how often it really rendered."""

    def __init__(self, template, *topics):
        self.renders = 0
        self.template = engines["django"].from_string(template)
        self.view = shared_page(*topics)(self.render)

    def render(self, request):
        self.renders += 1
        return HttpResponse(self.template.render({}, request))

    def get(self, path="/page/", session=None, **headers):
        request = RequestFactory().get(path, headers=headers)
        if session is not None:
            request.session = session
        return self.view(request)


def test_a_page_is_rendered_once_and_then_served_from_the_cache():
    page = CountingView("<p>你好</p>")

    first, second = page.get(), page.get()

    assert page.renders == 1
    assert second.content == first.content == "<p>你好</p>".encode()


def test_a_page_is_compressed_once_for_browsers_that_accept_gzip_and_kept_plain_for_others():
    page = CountingView("<p>居住证签注指南</p>" * 40)
    phone = {"accept-encoding": "gzip, deflate, br"}

    compressed, again = page.get(**phone), page.get(**phone)
    plain, plain_again = page.get(), page.get()

    assert page.renders == 2  # one copy per way of sending it
    assert compressed["Content-Encoding"] == again["Content-Encoding"] == "gzip"
    assert again.content == compressed.content
    assert not plain_again.has_header("Content-Encoding")
    assert gzip.decompress(compressed.content) == plain.content == plain_again.content


def test_each_address_is_a_page_of_its_own():
    page = CountingView("<p>你好</p>")

    page.get("/one/")
    page.get("/two/")

    assert page.renders == 2


def test_a_page_that_rendered_a_csrf_token_is_served_but_never_stored():
    page = CountingView("<form>{% csrf_token %}</form>")

    first, second = page.get(), page.get()

    assert page.renders == 2
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "private" in second["Cache-Control"]


def test_a_page_that_read_the_session_is_served_but_never_stored():
    page = CountingView("<p>{{ request.session.name }}</p>")

    page.get(session=SessionStore())
    response = page.get(session=SessionStore())

    assert page.renders == 2
    assert "private" in response["Cache-Control"]


def test_a_page_sent_private_keeps_one_etag_so_the_browser_still_gets_a_304():
    page = CountingView("<p>{{ request.session.name }}</p>" + "<p>居住证签注</p>" * 60)
    phone = {"accept-encoding": "gzip, deflate, br"}
    first = page.get(session=SessionStore(), **phone)
    assert first["Content-Encoding"] == "gzip"  # with random bytes in its header, so no ETag of its own

    again = page.get(session=SessionStore(), **phone, **{"if-none-match": first["ETag"]})

    assert again.status_code == 304


def test_a_page_is_rendered_afresh_once_its_topic_changes(django_capture_on_commit_callbacks):
    page = CountingView("<p>指南</p>", "guides")
    page.get()

    with django_capture_on_commit_callbacks(execute=True):
        stamps.changed("guides")
    page.get()
    page.get()

    assert page.renders == 2


def test_a_change_made_by_another_process_is_seen_on_the_next_request():
    page = CountingView("<p>指南</p>", "guides")
    page.get()

    cache.set(stamps.cache_key("guides"), "changed-elsewhere")  # all another process's edit leaves here
    page.get()

    assert page.renders == 2


def test_a_change_of_another_topic_keeps_the_page():
    page = CountingView("<p>指南</p>", "guides")
    page.get()

    cache.set(stamps.cache_key("rules"), "changed-elsewhere")
    page.get()

    assert page.renders == 1
