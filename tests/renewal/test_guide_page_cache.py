"""Guide pages are kept for every reader, the view costs no database write, and an editor's save or delete
shows on the next request."""

import pytest

from renewal.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide():
    return Article.objects.create(
        slug="cached-guide",
        title="缓存测试",
        category="faq",
        summary="旧摘要",
        body="旧正文",
        is_published=True,
    )


@pytest.fixture
def edit_in_admin(admin_client, django_capture_on_commit_callbacks):
    """Save the guide through its admin page, committed as in production (the stamp moves on commit)."""

    def edit(guide, **changes):
        fields = {
            "title": guide.title,
            "slug": guide.slug,
            "category": guide.category,
            "summary": guide.summary,
            "seo_description": guide.seo_description,
            "body": guide.body,
            "is_published": "on" if guide.is_published else "",
            "published_at_0": "2026-11-27",
            "published_at_1": "10:00:00",
            "related": [related.pk for related in guide.related.all()],
            # The sources inline, left as it is.
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
            **changes,
        }
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(f"/admin/renewal/article/{guide.pk}/change/", fields)
        assert response.status_code == 302, response.content.decode()

    return edit


def test_a_warm_guide_runs_no_query_and_writes_nothing(client, guide, django_assert_num_queries):
    client.get("/guides/cached-guide/")

    with django_assert_num_queries(0):
        response = client.get("/guides/cached-guide/")

    assert "旧正文" in response.content.decode()


def test_a_warm_guide_list_runs_no_query(client, guide, django_assert_num_queries):
    client.get("/guides/")

    with django_assert_num_queries(0):
        assert "缓存测试" in client.get("/guides/").content.decode()


def test_every_get_of_a_cached_guide_is_counted(client, guide, guide_views):
    for _ in range(3):
        assert client.get("/guides/cached-guide/").status_code == 200
    guide_views.flush()

    guide.refresh_from_db()
    assert guide.view_count == 3


def test_an_editors_edit_shows_on_the_next_request(client, guide, edit_in_admin):
    client.get("/guides/cached-guide/")
    client.get("/guides/")

    edit_in_admin(guide, body="新正文", summary="新摘要")

    assert "新正文" in client.get("/guides/cached-guide/").content.decode()
    listing = client.get("/guides/").content.decode()
    assert "新摘要" in listing
    assert "旧摘要" not in listing


def test_unpublishing_takes_the_guide_off_the_cached_pages(client, guide, edit_in_admin):
    client.get("/guides/cached-guide/")
    client.get("/guides/")

    edit_in_admin(guide, is_published="")

    assert client.get("/guides/cached-guide/").status_code == 404
    assert "缓存测试" not in client.get("/guides/").content.decode()


def test_deleting_a_guide_takes_it_off_the_cached_pages(
    client, admin_client, guide, django_capture_on_commit_callbacks
):
    client.get("/guides/cached-guide/")
    client.get("/guides/")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/renewal/article/{guide.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert client.get("/guides/cached-guide/").status_code == 404
    assert "缓存测试" not in client.get("/guides/").content.decode()


def test_linking_a_related_guide_shows_it_on_the_cached_page(client, guide, edit_in_admin):
    other = Article.objects.create(
        slug="other", title="另一篇指南", category="faq", summary="s", body="b", is_published=True
    )
    assert "另一篇指南" not in client.get("/guides/cached-guide/").content.decode()

    edit_in_admin(guide, related=[other.pk])

    assert "另一篇指南" in client.get("/guides/cached-guide/").content.decode()


def test_an_edit_that_has_not_committed_is_not_shown_yet(client, guide):
    client.get("/guides/cached-guide/")

    Article.objects.filter(pk=guide.pk).update(body="未提交的正文")  # no commit, no signal: no stamp moves

    assert "旧正文" in client.get("/guides/cached-guide/").content.decode()


@pytest.fixture
def renewal_guide(guide):
    guide.category = "renewal"
    guide.save()
    return guide


def test_the_empty_renewal_check_is_kept_and_lists_an_edited_guide_at_once(
    client, renewal_guide, edit_in_admin, django_assert_num_queries
):
    client.get("/renewal/check/")
    with django_assert_num_queries(0):
        assert "缓存测试" in client.get("/renewal/check/").content.decode()

    edit_in_admin(renewal_guide, title="改过的标题")

    html = client.get("/renewal/check/").content.decode()
    assert "改过的标题" in html
    assert "缓存测试" not in html


def test_a_renewal_check_for_a_date_is_worked_out_for_each_request(
    client, renewal_guide, django_assert_num_queries
):
    client.get("/renewal/check/?expiry=2027-03-01")
    with django_assert_num_queries(1):  # its guides: the answer is never kept
        response = client.get("/renewal/check/?expiry=2027-03-01")
    assert "data-status=" in response.content.decode()
    assert "ETag" not in response
