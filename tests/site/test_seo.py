"""Search engines and WeChat's share cards: titles, descriptions, canonical URLs, Open Graph, robots and
sitemap agree with each other on every public page."""

import struct
import urllib.robotparser
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from tests.public_pages import PAGES_FOUND, PublicPage, page_path


class HeadTags(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.title, self.meta, self.canonical, self._in_title = "", {}, [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])

    def handle_endtag(self, tag):
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head_of(client, page: PublicPage):
    path = page_path(page, client)
    response = client.get(path, follow=True)
    assert response.status_code == page.status
    return response.request["PATH_INFO"], HeadTags(response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES_FOUND, ids=str)
def test_page_names_itself_canonically_and_for_sharing(client, page):
    final_path, head = head_of(client, page)
    url = f"http://testserver{final_path}"
    assert head.canonical == [url], "one canonical link, without the query string"
    assert head.meta["og:url"] == url
    assert head.title.strip() and head.meta["description"].strip()
    assert head.meta["og:title"] == head.title.strip()
    assert head.meta["og:description"] == head.meta["description"]
    assert head.meta["og:image"] == "http://testserver/static/img/share.png"
    if page.indexable:
        assert "robots" not in head.meta
    else:
        assert "noindex" in head.meta["robots"]


@pytest.mark.django_db
def test_titles_and_descriptions_differ_from_page_to_page(client):
    titles, descriptions = {}, {}
    for page in PAGES_FOUND:
        final_path, head = head_of(Client(), page)
        if any(final_path in paths for paths in titles.values()):
            continue  # the same page with a query string (the renewal check with an answer)
        titles.setdefault(head.title.strip(), []).append(final_path)
        descriptions.setdefault(head.meta["description"], []).append(final_path)
    assert len(titles) >= 2
    assert [paths for paths in titles.values() if len(paths) > 1] == []
    assert [paths for paths in descriptions.values() if len(paths) > 1] == []


def test_query_strings_are_left_out_of_the_canonical_url(client, db):
    head = HeadTags(client.get("/privacy/?utm_source=wechat&from=timeline").content.decode())
    assert head.canonical == ["http://testserver/privacy/"]


def test_error_pages_ask_not_to_be_indexed_and_claim_no_canonical_url(client):
    head = HeadTags(client.get("/no-such-page/").content.decode())
    assert head.meta["robots"] == "noindex"
    assert head.canonical == []
    assert "og:title" not in head.meta


def test_a_request_with_a_disallowed_host_still_gets_its_400_page(client):
    response = client.get("/privacy/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "上海居住证助手" in response.content.decode()


def test_share_image_is_a_square_png_large_enough_for_wechat():
    data = Path(finders.find("img/share.png")).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == height >= 300
    assert len(data) < 10 * 1024


@pytest.mark.django_db
def test_robots_txt_lets_crawlers_reach_every_page_in_the_sitemap(client):
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())
    assert robots.site_maps() == ["http://testserver/sitemap.xml"]
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = [loc.split("</loc>")[0] for loc in sitemap.split("<loc>")[1:]]
    assert "http://testserver/" in locations
    for url in locations:
        assert robots.can_fetch("*", url), url
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        assert HeadTags(response.content.decode()).canonical == [url]


def test_robots_txt_keeps_crawlers_out_of_the_api_and_private_results(client):
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())
    assert not robots.can_fetch("*", "http://testserver/api/v1/score")
    assert not robots.can_fetch("*", "http://testserver/jifen/result/abc123/")
    assert robots.can_fetch("*", "http://testserver/privacy/")
