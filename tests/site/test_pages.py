import pytest


@pytest.mark.django_db
def test_home_page_is_chinese_and_names_the_site(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "上海居住证助手" in html
    assert "不是政府网站" in html
    assert 'href="/privacy/"' in html


@pytest.mark.django_db
def test_privacy_page_states_version_retention_and_rights(client):
    response = client.get("/privacy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "隐私保护声明" in html
    assert "版本 1.5 · 更新于 2026年12月3日" in html
    for topic in ("保存多久", "您的权利", "短信服务", "谁在处理您的信息"):
        assert topic in html


def test_privacy_contact_email_appears_only_when_configured(client, settings):
    settings.PRIVACY_CONTACT_EMAIL = ""
    assert "mailto:" not in client.get("/privacy/").content.decode()
    settings.PRIVACY_CONTACT_EMAIL = "privacy@permit.example"
    assert 'href="mailto:privacy@permit.example"' in client.get("/privacy/").content.decode()


def test_unknown_page_is_a_chinese_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "User-agent: *" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
def test_sitemap_lists_the_public_pages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<loc>http://testserver/</loc>" in body
    assert "<loc>http://testserver/privacy/</loc>" in body


def test_favicon_redirects_to_the_svg_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


def test_ping_answers_without_the_database(client, unreachable_database):
    response = client.get("/ping")
    assert response.status_code == 200
    assert response.content == b"pong\n"
