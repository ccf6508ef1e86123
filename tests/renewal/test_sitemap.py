import pytest

from renewal.models import Article

pytestmark = pytest.mark.django_db


def test_sitemap_lists_renewal_pages_and_published_guides_only(client):
    Article.objects.create(
        slug="map-pub", title="t", category="faq", summary="s", body="b", is_published=True
    )
    Article.objects.create(slug="map-draft", title="t", category="faq", summary="s", body="b")

    body = client.get("/sitemap.xml").content.decode()

    for path in ("/", "/guides/", "/renewal/check/", "/renewal/processing/", "/guides/map-pub/"):
        assert f"<loc>http://testserver{path}</loc>" in body
    assert "map-draft" not in body
    assert "/guides/feed/" not in body


def test_sitemap_includes_the_seeded_guides(client):
    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/guides/how-to-renew/</loc>" in body
    assert "<lastmod>" in body
