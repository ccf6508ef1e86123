"""Guides show when an editor last changed their text (not when the site was installed) and list their
sources with the day each was checked."""

import importlib
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps

from renewal.models import Article, ArticleSource
from tests.calculator.conftest import change_form_data
from tests.html_tree import parse

pytestmark = pytest.mark.django_db

review = importlib.import_module("renewal.migrations.0005_guide_dates_and_sources")
SHANGHAI = ZoneInfo("Asia/Shanghai")


def meta_line(client, slug):
    (line,) = parse(client.get(f"/guides/{slug}/").content).find_all("p", class_="guide-meta")
    return line.text()


def test_seeded_guides_carry_the_day_their_text_was_written_or_reviewed(client):
    assert "更新于 2026年12月2日" in meta_line(client, "after-120-apply")
    # 0007 and 0009 marked what is second-hand 待核实 in the others' text on 3 December.
    assert "更新于 2026年12月3日" in meta_line(client, "missed-deadline")
    assert "更新于 2026年12月3日" in meta_line(client, "processing-time")
    listing = client.get("/guides/").content.decode()
    assert 'datetime="2026-12-02"' in listing and 'datetime="2026-12-03"' in listing
    assert 'datetime="2026-11-27"' not in listing


def test_every_seeded_guide_lists_dated_sources(client):
    for guide in Article.objects.published():
        sources = list(guide.sources.all())
        assert sources, f"{guide.slug} has no sources"
        html = client.get(guide.get_absolute_url()).content.decode()
        assert "信息来源" in html
        for source in sources:
            assert source.checked_on == date(2026, 12, 2)
            assert (f'href="{source.url}"' if source.url else source.title) in html
            assert "查阅日期：<time" in html


def test_the_unverified_points_of_the_review_say_so():
    apply = Article.objects.get(slug="apply-conditions-materials").body
    renew = Article.objects.get(slug="how-to-renew").body
    address = Article.objects.get(slug="address-change").body
    assert "亲属关系证明" in apply and "亲属关系证明" in address
    assert "也接受租赁合同本身" in apply and "待核实" in address
    assert "收到了就不用再办" not in renew and "更新卡面日期" in renew
    assert "24 小时左右更新" not in renew and "待核实" in renew


def edit(admin_client, guide, **changes):
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
        "sources-TOTAL_FORMS": "0",
        "sources-INITIAL_FORMS": "0",
        **changes,
    }
    response = admin_client.post(f"/admin/renewal/article/{guide.pk}/change/", fields)
    assert response.status_code == 302, response.content.decode()
    return response


def test_an_edit_of_the_text_moves_the_date_and_other_saves_do_not(
    client, admin_user, time_machine, django_capture_on_commit_callbacks, sign_in_admin
):
    guide = Article.objects.get(slug="processing-time")
    time_machine.move_to(datetime(2027, 3, 5, 23, 30, tzinfo=SHANGHAI), tick=False)
    sign_in_admin(client, admin_user)

    edit(client, guide, related=[], seo_description="只改了搜索摘要")
    client.get(guide.get_absolute_url())  # a view is counted
    assert Article.objects.get(pk=guide.pk).content_updated_on == date(2026, 12, 3)

    with django_capture_on_commit_callbacks(execute=True):  # the pages' stamp moves on commit
        edit(client, guide, body=guide.body + "\n\n补充一句。")
    assert Article.objects.get(pk=guide.pk).content_updated_on == date(2027, 3, 5)  # Shanghai's date
    assert "更新于 2027年3月5日" in meta_line(client, "processing-time")


def test_a_new_source_shows_on_the_cached_page_at_once(client, django_capture_on_commit_callbacks):
    guide = Article.objects.get(slug="points-120")
    client.get(guide.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        ArticleSource.objects.create(
            article=guide, title="人社局的答复", supports="积分申请由单位提交", checked_on=date(2027, 1, 5)
        )
    html = client.get(guide.get_absolute_url()).content.decode()
    assert "人社局的答复" in html and "2027年1月5日" in html


def test_a_source_cannot_be_checked_on_a_day_still_to_come(editor_client_at):
    client = editor_client_at(datetime(2026, 12, 3, 12, 0, tzinfo=SHANGHAI))
    guide = Article.objects.get(slug="points-120")
    change = f"/admin/renewal/article/{guide.pk}/change/"
    data = change_form_data(client.get(change))
    new = data["sources-TOTAL_FORMS"] - 1  # the empty row at the end of the 信息来源 table
    data |= {
        f"sources-{new}-title": "人社局的答复",
        f"sources-{new}-supports": "积分申请由单位提交",
        f"sources-{new}-checked_on": "2027-09-09",
        f"sources-{new}-position": "9",
    }

    response = client.post(change, data)

    assert response.status_code == 200
    assert "不能晚于今天（2026-12-03）" in response.content.decode()
    assert "人社局的答复" not in client.get(guide.get_absolute_url()).content.decode()


def test_the_review_leaves_an_editors_guide_alone():
    guide = Article.objects.get(slug="how-to-renew")
    guide.sources.all().delete()
    Article.objects.filter(pk=guide.pk).update(
        body="编辑写的正文", updated_at=datetime(2027, 2, 1, 1, 0, tzinfo=SHANGHAI)
    )

    review.review_guides(apps, None)

    guide.refresh_from_db()
    assert guide.body == "编辑写的正文"
    assert guide.content_updated_on == date(2027, 2, 1)
    assert not guide.sources.exists()


def test_reversing_the_review_restores_the_seeded_text():
    seed = importlib.import_module("renewal.migrations.0002_seed_guides")
    importlib.import_module("renewal.migrations.0010_summaries_match_their_guides").backwards(apps, None)
    importlib.import_module("renewal.migrations.0009_more_unverified_in_guides").backwards(apps, None)
    importlib.import_module("renewal.migrations.0007_unverified_in_guides").backwards(apps, None)
    review.restore_guides(apps, None)
    seeded = {guide["slug"]: guide for guide in seed.GUIDES}
    for slug in review.REVISIONS:
        assert Article.objects.get(slug=slug).body == seeded[slug]["body"]
    assert not ArticleSource.objects.exists()
