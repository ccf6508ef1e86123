"""A reader's copy of a guide is checked against the page the server would send now: 304 while it is the
same, the new page once anything on it changed."""

import pytest

from renewal.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return Article.objects.create(
        slug="cached-guide", title="缓存测试", category="faq", summary="摘要", body="正文", is_published=True
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_guide_pages_send_an_etag_and_ask_browsers_to_check_it(client, guide):
    response = client.get("/guides/cached-guide/")

    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert "max-age=0" in response["Cache-Control"]


def test_a_matching_etag_gets_304_without_a_body_or_a_counted_view(client, guide, guide_views):
    etag = client.get("/guides/cached-guide/")["ETag"]

    response = client.get("/guides/cached-guide/", headers={"if-none-match": etag})
    guide_views.flush()

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    guide.refresh_from_db()
    assert guide.view_count == 1


def test_an_edit_invalidates_the_etag(client, guide, committed):
    etag = client.get("/guides/cached-guide/")["ETag"]
    guide.body = "改过的正文"
    with committed():
        guide.save()

    response = client.get("/guides/cached-guide/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "改过的正文" in response.content.decode()


def test_editing_a_related_guide_title_invalidates_the_etag(client, guide, committed):
    other = Article.objects.create(
        slug="other", title="旧标题", category="faq", summary="s", body="b", is_published=True
    )
    with committed():
        guide.related.add(other)
    etag = client.get("/guides/cached-guide/")["ETag"]
    other.title = "新标题"
    with committed():
        other.save()

    response = client.get("/guides/cached-guide/", headers={"if-none-match": etag})

    assert response.status_code == 200
    assert "新标题" in response.content.decode()
