from renewal.models import Article


def test_preview_follows_the_editor_typing_without_csp_violations(phone, live_server, admin_user):
    guide = Article.objects.get(slug="how-to-renew")
    phone.goto(live_server.url + "/admin/login/?next=/admin/")
    phone.get_by_label("用户名").fill("admin")
    phone.get_by_label("密码").fill("password")
    phone.get_by_role("button", name="登录").click()
    phone.wait_for_url("**/admin/")

    phone.goto(f"{live_server.url}/admin/renewal/article/{guide.pk}/change/")
    preview = phone.locator(".article-preview")
    assert "什么时候可以办" in preview.inner_text()
    phone.locator("#id_body").fill("## 新写的小标题\n\n<script>alert(1)</script>正文")

    preview.locator("h2", has_text="新写的小标题").wait_for()
    assert "alert" not in preview.inner_html()
    assert phone.csp_violations == []
