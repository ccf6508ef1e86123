import pytest

from renewal.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return Article.objects.create(
        slug="cached-guide", title="缓存测试", category="faq", summary="摘要", body="正文", is_published=True
    )


def test_guide_pages_send_validators(client, guide):
    response = client.get("/guides/cached-guide/")

    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")


def test_a_matching_etag_gets_304_without_a_body_or_a_counted_view(client, guide):
    etag = client.get("/guides/cached-guide/")["ETag"]

    response = client.get("/guides/cached-guide/", headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    guide.refresh_from_db()
    assert guide.view_count == 1


def test_an_unchanged_date_gets_304(client, guide):
    last_modified = client.get("/guides/cached-guide/")["Last-Modified"]

    assert (
        client.get("/guides/cached-guide/", headers={"if-modified-since": last_modified}).status_code == 304
    )


def test_an_edit_invalidates_the_etag(client, guide):
    etag = client.get("/guides/cached-guide/")["ETag"]
    guide.body = "改过的正文"
    guide.save()

    response = client.get("/guides/cached-guide/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "改过的正文" in response.content.decode()


def test_editing_a_related_guide_title_invalidates_the_etag(client, guide):
    other = Article.objects.create(
        slug="other", title="旧标题", category="faq", summary="s", body="b", is_published=True
    )
    guide.related.add(other)
    etag = client.get("/guides/cached-guide/")["ETag"]
    other.title = "新标题"
    other.save()

    response = client.get("/guides/cached-guide/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "新标题" in response.content.decode()


def test_head_requests_get_the_validators_too(client, guide):
    response = client.head("/guides/cached-guide/")

    assert response.status_code == 200
    assert response["ETag"].startswith('"')
