import importlib
import importlib.util

import pytest
from django.apps import apps

from renewal.markup import render_markdown
from renewal.models import Article

pytestmark = pytest.mark.django_db

seed = importlib.import_module("renewal.migrations.0002_seed_guides")
review = importlib.import_module("renewal.migrations.0005_guide_dates_and_sources")
unverified = importlib.import_module("renewal.migrations.0007_unverified_in_guides")
more_unverified = importlib.import_module("renewal.migrations.0009_more_unverified_in_guides")
summaries = importlib.import_module("renewal.migrations.0010_summaries_match_their_guides")


def test_at_least_five_published_guides_cover_the_seed_topics():
    published = Article.objects.published()

    assert published.count() >= 5
    assert {"renewal", "eligibility", "address", "points"} <= set(
        published.values_list("category", flat=True)
    )


def test_renewal_guide_covers_online_and_in_person():
    body = Article.objects.get(slug="how-to-renew").body

    assert "随申办" in body and "居住证签注" in body
    assert "任意一个" in body and "社区事务受理服务中心" in body


def test_missed_deadline_guide_covers_suspension_continuity_and_restart():
    body = Article.objects.get(slug="missed-deadline").body

    assert "使用功能就会中止" in body
    assert "连续计算" in body and "重新计算" in body
    assert "以受理部门最新规定为准" in body


def test_application_guide_says_what_is_sourced_about_six_months_and_what_is_not():
    body = Article.objects.get(slug="apply-conditions-materials").body

    # Issue 15: not "outdated" any more; the points condition is sourced, the card condition 待核实.
    assert "已经过时" not in body
    assert "居住证积分" in body and "/guides/points-120/" in body
    assert "待核实" in body


def test_points_guide_points_to_the_calculator():
    assert "/jifen/" in Article.objects.get(slug="points-120").body


def test_seeded_html_is_rendered_and_related_guides_are_linked():
    guide = Article.objects.get(slug="how-to-renew")

    assert "<h2>" in guide.body_html
    assert set(guide.related.values_list("slug", flat=True)) == {"missed-deadline", "address-change"}


def test_running_the_seed_again_never_overwrites_an_editors_edit():
    Article.objects.filter(slug="how-to-renew").update(title="编辑改过的标题")
    Article.objects.filter(slug="address-change").delete()

    seed.create_guides(apps, None)

    assert Article.objects.get(slug="how-to-renew").title == "编辑改过的标题"
    assert Article.objects.filter(slug="address-change").exists()
    assert Article.objects.filter(slug="how-to-renew").count() == 1


def test_reversing_keeps_edited_guides():
    Article.objects.filter(slug="points-120").update(title="编辑改过的标题")

    summaries.backwards(apps, None)  # as `migrate renewal 0003` reverses them: 0010, 0009, 0007, then 0005
    more_unverified.backwards(apps, None)
    unverified.backwards(apps, None)
    review.restore_guides(apps, None)
    seed.remove_unedited_guides(apps, None)

    seeded_here = [guide["slug"] for guide in seed.GUIDES]
    assert list(Article.objects.filter(slug__in=seeded_here).values_list("slug", flat=True)) == ["points-120"]


def test_points_guide_counts_every_year_once_five_full_years_are_reached():
    body = Article.objects.get(slug="points-120").body

    # RULES.md: 4 (or 2) points per full year counting all years, from 5 full years; under 5: nothing.
    assert "环卫等公共服务领域工作：不满 5 年不计分；满 5 年后从第一年算起，每满一年 4 分" in body
    assert "远郊重点区域工作并居住：不满 5 年不计分；满 5 年后从第一年算起，每满一年 2 分，最多 20 分" in body
    assert "满 5 年后每年" not in body


def test_the_seed_renders_html_with_its_own_frozen_sanitiser():
    source = importlib.util.find_spec("renewal.migrations.0002_seed_guides").loader.get_source(
        "renewal.migrations.0002_seed_guides"
    )
    assert "from renewal" not in source
    assert "import renewal" not in source
    # Today the frozen copy and the live sanitiser agree, so seeded guides look like saved ones.
    for guide in Article.objects.all():
        assert guide.body_html == render_markdown(guide.body)
    html = seed.seed_html("<script>x</script>[a](javascript:alert(1))")
    assert "<script" not in html
    assert "javascript:" not in html


def test_the_签注_guides_mark_the_30_and_60_days_unverified_as_the_check_page_does():
    for slug in ("how-to-renew", "missed-deadline"):
        guide = Article.objects.get(slug=slug)
        assert "本站目前只在转载文章里见到，还没有找到正式文本（<strong>待核实</strong>）" in guide.body_html
        assert guide.content_updated_on.isoformat() == "2026-12-03"


def test_the_after_120_guides_have_no_placeholder_and_name_third_party_sources_as_such():
    assert "还没有整理完" not in Article.objects.get(slug="after-120-benefits").body
    titles = list(Article.objects.get(slug="after-120-apply").sources.values_list("title", flat=True))
    third_party = [title for title in titles if "wodebaobaowang" in title or "isslerlaw" in title]
    assert len(third_party) == 2
    assert all(title.startswith("第三方网站") for title in third_party)


def test_the_review_leaves_a_guide_an_editor_has_rewritten():
    Article.objects.filter(slug="missed-deadline").update(body="编辑重写的正文。")
    unverified.backwards(apps, None)
    unverified.forwards(apps, None)

    assert Article.objects.get(slug="missed-deadline").body == "编辑重写的正文。"
    assert "待核实" in Article.objects.get(slug="how-to-renew").body  # undone and done again


def test_undoing_the_review_puts_back_the_text_and_its_date():
    more_unverified.backwards(apps, None)
    unverified.backwards(apps, None)

    guide = Article.objects.get(slug="missed-deadline")
    assert "只在转载文章里见到" not in guide.body
    assert guide.content_updated_on.isoformat() == "2026-11-27"


@pytest.mark.parametrize(
    ("slug", "marked"),
    [
        ("processing-time", "转到派出所的 2 个工作日，本站还没有找到出处"),
        ("apply-conditions-materials", "转到派出所的 2 天还没有找到出处"),
        (
            "address-change",
            "常见的说法是<strong>搬家后 30 天内</strong>，本站还没有找到写明这个期限的正式文本",
        ),
        ("points-120", "本站目前只在第三方网站的转述里见到中文原文"),
        ("after-120-benefits", "这一条本站目前只在 2013 年的新闻报道里见到"),
    ],
)
def test_second_hand_rules_in_guides_say_so(client, slug, marked):
    guide = Article.objects.get(slug=slug)
    assert marked in guide.body_html and "待核实" in guide.body_html
    assert guide.content_updated_on.isoformat() == "2026-12-03"
    assert marked in client.get(f"/guides/{slug}/").content.decode()
    summaries.backwards(apps, None)
    more_unverified.backwards(apps, None)
    assert marked not in Article.objects.get(slug=slug).body_html


def test_a_guides_card_says_what_its_body_says(client):
    cards = client.get("/guides/").content.decode()
    assert "搬到新住处后 30 天内要登记新地址" not in cards
    assert "搬到新住处后要尽快登记新地址（常说 30 天内，这个期限待核实）" in cards
    benefits = Article.objects.get(slug="after-120-benefits")
    expected = "同住子女在上海参加中考、高考的资格（本站目前只在 2013 年的报道里见到，待核实）。"
    assert benefits.summary.endswith(expected)
    assert benefits.content_updated_on.isoformat() == "2026-12-03"

    processing = Article.objects.get(slug="processing-time")
    assert processing.summary.startswith("受理后常说要走 2 + 6 + 7 个工作日（时限待核实）：")
    assert "（常说 2、6、7 个工作日，待核实）" in processing.seo_description
    assert "中考、高考的资格（待核实）" in benefits.seo_description

    summaries.backwards(apps, None)
    assert "搬到新住处后 30 天内要登记新地址" in Article.objects.get(slug="address-change").summary
    assert Article.objects.get(slug="processing-time").summary.startswith(
        "受理后一般要走 2 + 6 + 7 个工作日："
    )
    assert "30 天时限" in Article.objects.get(slug="address-change").seo_description
