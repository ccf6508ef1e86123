import pytest

from renewal.models import Article

pytestmark = pytest.mark.django_db


def test_atom_feed_lists_only_published_guides(client):
    Article.objects.create(
        slug="feed-pub", title="已发布的指南", category="faq", summary="s", body="b", is_published=True
    )
    Article.objects.create(slug="feed-draft", title="还在写的草稿", category="faq", summary="s", body="b")

    response = client.get("/guides/feed/")
    body = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "已发布的指南" in body
    assert "http://testserver/guides/feed-pub/" in body
    assert "还在写的草稿" not in body


def test_guide_pages_advertise_the_feed(client):
    assert 'type="application/atom+xml"' in client.get("/guides/").content.decode()
