import pytest

from renewal.models import Article

pytestmark = pytest.mark.django_db


def test_change_page_shows_a_sanitised_preview(admin_client):
    guide = Article.objects.create(
        slug="admin-guide",
        title="t",
        category="faq",
        summary="s",
        body="## 预览标题\n\n<script>alert(1)</script>",
    )

    html = admin_client.get(f"/admin/renewal/article/{guide.pk}/change/").content.decode()

    assert '<div class="article-preview"' in html
    assert "<h2>预览标题</h2>" in html
    assert "<script>alert(1)" not in html


def test_preview_endpoint_renders_unsaved_markdown(admin_client):
    response = admin_client.post(
        "/admin/renewal/article/preview/", {"body": "**草稿**<img src=x onerror=alert(1)>"}
    )

    assert response.status_code == 200
    assert response.content.decode() == "<p><strong>草稿</strong></p>"


def test_preview_endpoint_is_for_staff_only(client):
    response = client.post("/admin/renewal/article/preview/", {"body": "x"})

    assert response.status_code == 302


def test_editor_can_add_a_guide_and_it_goes_live(admin_client, client):
    response = admin_client.post(
        "/admin/renewal/article/add/",
        {
            "title": "新指南",
            "slug": "new-guide",
            "category": "faq",
            "summary": "一句话摘要",
            "seo_description": "",
            "body": "第一段。",
            "is_published": "on",
            "published_at_0": "2026-11-27",
            "published_at_1": "10:00:00",
            "sources-TOTAL_FORMS": "0",
            "sources-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    assert "第一段。" in client.get("/guides/new-guide/").content.decode()
