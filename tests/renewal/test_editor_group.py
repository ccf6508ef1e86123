"""The 编辑 group the migrations create: it maintains guides and the holiday calendar, and sees no leads."""

import pytest
from django.contrib.auth.models import Group

from renewal.models import Article

pytestmark = pytest.mark.django_db

RENEWAL_EDITOR_PERMISSIONS = {
    f"{action}_{model}"
    for model in ("article", "articlesource", "holidayoverride", "holidayyear")
    for action in ("view", "add", "change", "delete")
}


def test_the_group_holds_exactly_the_renewal_editor_permissions():
    held = set(
        Group.objects.get(name="编辑")
        .permissions.filter(content_type__app_label="renewal")
        .values_list("codename", flat=True)
    )
    assert held == RENEWAL_EDITOR_PERMISSIONS


def test_an_editor_can_edit_a_guide(editor_client):
    guide = Article.objects.get(slug="how-to-renew")
    response = editor_client.post(
        f"/admin/renewal/article/{guide.pk}/change/",
        {
            "title": "居住证签注怎么办（已更新）",
            "slug": guide.slug,
            "category": guide.category,
            "summary": guide.summary,
            "seo_description": guide.seo_description,
            "body": "更新后的正文。",
            "is_published": "on",
            "published_at_0": "2026-11-27",
            "published_at_1": "10:00:00",
            "sources-TOTAL_FORMS": "1",
            "sources-INITIAL_FORMS": "0",
            "sources-0-title": "上海市公安局人口管理办公室的答复",
            "sources-0-supports": "签注可以在任意社区事务受理服务中心办理",
            "sources-0-checked_on": "2026-12-03",
            "sources-0-position": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    guide.refresh_from_db()
    assert guide.title == "居住证签注怎么办（已更新）"
    assert guide.body_html == "<p>更新后的正文。</p>"
    # The 信息来源 table is the editors' too: the guide shows it to everyone.
    assert guide.sources.filter(title="上海市公安局人口管理办公室的答复").exists()


def test_an_editor_can_open_the_holiday_calendar(editor_client):
    assert editor_client.get("/admin/renewal/holidayoverride/add/").status_code == 200
    assert editor_client.get("/admin/renewal/holidayyear/").status_code == 200


def test_an_editor_cannot_see_leads(editor_client):
    assert editor_client.get("/admin/leads/lead/").status_code == 403
    assert editor_client.get("/admin/leads/leadaccesslog/").status_code == 403
    assert "咨询线索" not in editor_client.get("/admin/").content.decode()
