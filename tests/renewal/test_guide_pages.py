import pytest

from renewal.models import Article

pytestmark = pytest.mark.django_db


def make_article(slug, **fields):
    defaults = {
        "title": f"标题 {slug}",
        "category": "renewal",
        "summary": f"摘要 {slug}",
        "body": "## 小标题\n\n正文内容。",
        "is_published": True,
    }
    return Article.objects.create(slug=slug, **(defaults | fields))


def test_list_groups_published_guides_by_category(client):
    Article.objects.all().delete()
    make_article("renew-a", title="怎么签注")
    make_article("points-a", title="积分怎么算", category="points")
    make_article("draft-a", title="草稿文章", is_published=False)

    html = client.get("/guides/").content.decode()

    # The headings themselves: "签注续签" is also in every page's description.
    renewal, points = '<h2 id="heading-renewal">签注续签</h2>', '<h2 id="heading-points">积分政策</h2>'
    assert html.index(renewal) < html.index("怎么签注") < html.index(points) < html.index("积分怎么算")
    assert "草稿文章" not in html
    assert "办理条件" not in html  # a category with no published guide is not shown


def test_within_a_category_the_first_published_guide_comes_first(client):
    Article.objects.all().delete()
    make_article("basics", title="先读这篇")
    make_article("details", title="再读这篇")

    html = client.get("/guides/").content.decode()

    assert html.index("先读这篇") < html.index("再读这篇")


def test_guide_page_shows_breadcrumbs_updated_date_body_related_and_cta(client):
    guide = make_article("renew-b", title="签注步骤")
    other = make_article("missed-b", title="逾期怎么办")
    hidden = make_article("hidden-b", title="未发布的相关文章", is_published=False)
    guide.related.add(other, hidden, guide)

    response = client.get("/guides/renew-b/")
    html = response.content.decode()

    assert response.status_code == 200
    assert 'aria-label="当前位置"' in html
    assert 'href="/guides/#renewal">签注续签</a>' in html
    assert "更新于" in html
    assert "<h2>小标题</h2>" in html
    assert 'href="/guides/missed-b/"' in html
    assert "未发布的相关文章" not in html
    assert html.count('href="/guides/renew-b/"') == 0  # never listed as related to itself
    assert 'href="/renewal/check/"' in html
    assert html.count("仅供参考") == 1  # the footer's disclaimer, not a second one under the guide


def test_points_guides_point_to_the_calculator(client):
    make_article("points-c", category="points")

    assert 'href="/jifen/"' in client.get("/guides/points-c/").content.decode()


def test_unpublished_and_unknown_guides_are_not_found(client):
    make_article("draft-d", is_published=False)

    assert client.get("/guides/draft-d/").status_code == 404
    assert client.get("/guides/no-such-guide/").status_code == 404


def test_each_full_view_counts_once(client, guide_views):
    guide = make_article("counted-e")

    client.get("/guides/counted-e/")
    client.get("/guides/counted-e/")
    guide_views.flush()

    guide.refresh_from_db()
    assert guide.view_count == 2


def test_head_requests_from_monitors_are_not_counted(client, guide_views):
    guide = make_article("counted-head")

    assert client.head("/guides/counted-head/").status_code == 200
    client.get("/guides/counted-head/")
    guide_views.flush()

    guide.refresh_from_db()
    assert guide.view_count == 1


def test_a_missing_guide_counts_nothing(client, guide_views):
    assert client.get("/guides/no-such-guide/").status_code == 404

    assert guide_views.pending() == 0


def test_counting_a_view_does_not_change_the_updated_date(client, guide_views):
    guide = make_article("counted-f")
    before = guide.updated_at

    client.get("/guides/counted-f/")
    guide_views.flush()

    guide.refresh_from_db()
    assert guide.view_count == 1
    assert guide.updated_at == before


def test_a_guide_with_script_in_its_markdown_renders_without_it(client):
    make_article("hostile-g", body='安全<script>alert("x")</script><img src=x onerror="alert(1)">')

    html = client.get("/guides/hostile-g/").content.decode()

    assert "alert" not in html
    assert "onerror" not in html
    assert "安全" in html


@pytest.mark.parametrize(
    ("category", "tools", "consult"),
    [
        ("points", ['href="/jifen/"'], 'href="/consult/?service=planning"'),
        ("renewal", ['href="/renewal/check/"'], 'href="/consult/?service=renewal"'),
        ("address", ['href="/renewal/check/"'], 'href="/consult/?service=renewal"'),
        # A first application: there is no card to renew yet, but a processing time to know.
        ("eligibility", ['href="/renewal/processing/"'], 'href="/consult/"'),
        # After 120 what is left to work out is 居转户 and the school deadline, not a 签注.
        ("next_steps", ['href="/juzhuanhu/"', 'href="/shengxue/"'], 'href="/consult/"'),
    ],
)
def test_each_category_ends_with_its_own_next_step(client, category, tools, consult):
    make_article(f"cta-{category}", category=category)
    html = client.get(f"/guides/cta-{category}/").content.decode()
    cta = html[html.index('aria-label="下一步"') :]

    for tool in tools:
        assert tool in cta
    assert consult in cta
    if category in ("eligibility", "next_steps"):
        assert "查我的签注期限" not in cta
