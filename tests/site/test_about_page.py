"""/about/ says who runs the site, how it is paid for, that the self-test is free and what each
consultation costs. The text is the editors', the fees the services', the operator the environment's."""

import pytest

from leads.models import Service
from permitsite.models import SitePage
from tests.html_tree import parse

pytestmark = pytest.mark.django_db


def about(client):
    response = client.get("/about/")
    assert response.status_code == 200
    return response.content.decode()


def test_it_names_the_operator_and_how_to_reach_it(client, settings):
    settings.SITE_OPERATOR = "上海示例信息科技有限公司"
    settings.SITE_OPERATOR_ADDRESS = "上海市黄浦区示例路 1 号"
    settings.SITE_CONTACT_PHONE = "021-5555 1234"
    settings.SITE_CONTACT_EMAIL = "hello@permit.example"
    html = about(client)
    for fact in ("上海示例信息科技有限公司", "上海市黄浦区示例路 1 号", 'href="tel:021-5555 1234"'):
        assert fact in html
    assert 'href="mailto:hello@permit.example"' in html


def test_it_says_how_the_site_is_paid_for_and_that_the_self_test_is_free(client):
    text = parse(about(client)).find("main").text()
    assert "本站靠什么维持" in text
    # Every consultation listed is free: the page must not say the operator lives off them.
    assert "收入来自顾问咨询服务" not in text
    assert "在线咨询（顾问按您选的时间回电）本身免费" in "".join(text.split())
    assert "顾问会先说明服务内容和价格，经您同意后才会收费" in text
    assert "积分自测 免费，不需要注册" in text
    assert "不投放广告" in text


def test_a_changed_fee_shows_on_the_next_request(client, django_capture_on_commit_callbacks):
    about(client)  # now cached, with the services as they were
    with django_capture_on_commit_callbacks(execute=True):
        Service.objects.filter(slug="planning").update(fee="每次 300 元")
        Service.objects.get(slug="planning").save()
    assert "每次 300 元" in about(client)


def test_the_fees_are_those_of_the_services_offered(client):
    planning = Service.objects.get(slug="planning")
    planning.fee = "每次 200 元"
    planning.save()
    Service.objects.filter(slug="renewal").update(is_offered=False)
    Service.objects.get(slug="check_score").save()  # an edit through the ORM, as admin does
    document = parse(about(client))
    rows = [
        ["".join(cell.text().split()) for cell in row.find_all("td")]
        for row in document.find("tbody").find_all("tr")
    ]
    assert ["在线咨询：积分规划还差多少分、哪条路最快、大概需要多久", "每次200元"] in rows
    assert ["在线咨询：积分自测结果核实顾问逐项核对您的自测答案，指出可能算错或漏算的分数", "免费"] in rows
    assert not any("签注与续签" in row[0] for row in rows)


def test_an_editors_change_shows_on_the_next_request(client, django_capture_on_commit_callbacks):
    about(client)  # now cached
    page = SitePage.objects.get(slug="about")
    page.body = "## 本站靠什么维持\n\n由运营者自有资金支持。"
    with django_capture_on_commit_callbacks(execute=True):  # the stamp moves once the save commits
        page.save()
    html = about(client)
    assert "由运营者自有资金支持。" in html
    assert "<h2>本站靠什么维持</h2>" in html


def test_editors_may_change_the_page_but_not_add_or_delete_pages(editor_client):
    client = editor_client
    page = SitePage.objects.get(slug="about")
    change = client.get(f"/admin/permitsite/sitepage/{page.pk}/change/")
    assert change.status_code == 200
    assert 'name="body"' in change.content.decode()
    assert client.get("/admin/permitsite/sitepage/add/").status_code == 403
    assert client.get(f"/admin/permitsite/sitepage/{page.pk}/delete/").status_code == 403
    response = client.post(
        f"/admin/permitsite/sitepage/{page.pk}/change/",
        {"title": "关于本站", "description": page.description, "body": "新的说明<script>x()</script>"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert "<script>" not in page.body_html


def test_a_warm_page_runs_no_queries(client, django_assert_num_queries):
    about(client)
    with django_assert_num_queries(0):
        about(client)


def test_a_cold_page_stays_within_the_query_budget(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        about(client)


def test_the_sitemap_lists_it(client):
    assert "/about/</loc>" in client.get("/sitemap.xml").content.decode()


def test_the_seeded_fees_and_the_text_agree(client):
    """With the services as seeded (all 免费), nothing on the page claims consultation income."""
    assert set(Service.objects.filter(is_offered=True).values_list("fee", flat=True)) == {"免费"}
    text = parse(about(client)).find("main").text()
    assert "收入来自" not in text


def test_an_editors_own_text_is_left_alone_by_the_migration():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("permitsite.migrations.0002_about_consultation_free")
    page = SitePage.objects.get(slug="about")
    page.body = "编辑自己写的说明：收入来自顾问咨询服务。"
    page.save()
    migration.forwards(apps, None)
    assert SitePage.objects.get(slug="about").body == "编辑自己写的说明：收入来自顾问咨询服务。"


@pytest.mark.django_db
def test_the_seeded_page_is_dated_when_its_text_was_written_not_when_migrated(client):
    page = client.get("/about/").content.decode()
    assert '更新于 <time datetime="2026-12-02">2026年12月2日</time>' in page
