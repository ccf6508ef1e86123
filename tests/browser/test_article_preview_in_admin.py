from renewal.models import Article


def test_preview_follows_the_editor_typing_without_csp_violations(signed_in_phone, live_server):
    phone = signed_in_phone
    guide = Article.objects.create(
        slug="preview-me", title="预览测试", category="faq", summary="摘要", body="## 保存过的小标题"
    )

    phone.goto(f"{live_server.url}/admin/renewal/article/{guide.pk}/change/")
    preview = phone.locator(".article-preview")
    assert preview.locator("h2").inner_text() == "保存过的小标题"
    phone.locator("#id_body").fill("## 新写的小标题\n\n<script>alert(1)</script>正文")

    preview.locator("h2", has_text="新写的小标题").wait_for()
    assert "alert" not in preview.inner_html()
    assert phone.csp_violations == []
