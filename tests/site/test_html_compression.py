"""Pages travel gzip-compressed to browsers that accept it (GZipMiddleware; docs/decisions.md)."""

import gzip

import pytest


@pytest.mark.django_db
def test_pages_are_gzipped_for_browsers_that_accept_it(client):
    plain = client.get("/privacy/").content
    response = client.get("/privacy/", headers={"accept-encoding": "gzip, deflate, br"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain
    # What a phone downloads shrinks by about half even for this short page of prose.
    assert len(response.content) < len(plain) * 0.6


@pytest.mark.django_db
def test_pages_stay_plain_for_clients_that_do_not_accept_gzip(client):
    response = client.get("/privacy/")
    assert not response.has_header("Content-Encoding")
    assert "隐私保护声明" in response.content.decode()


def test_tiny_responses_are_not_worth_compressing(client):
    response = client.get("/ping", headers={"accept-encoding": "gzip"})
    assert not response.has_header("Content-Encoding")
    assert response.content == b"pong\n"
