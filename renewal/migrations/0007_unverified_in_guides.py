"""Guides say what the site has not verified as plainly as the tools do (a review on 3 December 2026).

- 签注 guides: the 30-day window and the 60-day grace period are marked 待核实 in the text, as the
  签注期限自查 page marks them: the site has found them only in reprinted articles.
- After 120: no "本站还没有整理完" placeholder; what the 办法 leaves unlisted is said to be unlisted.
- After 120, applying: the two third-party sources are named as third-party sites first, their domain second.

Frozen literals; a guide or source an editor has changed since (the old text is gone) is left alone.
"""

import datetime
import importlib

from django.db import migrations
from django.utils import timezone

seed = importlib.import_module("renewal.migrations.0002_seed_guides")

REVIEWED = datetime.date(2026, 12, 3)
# The "更新于" each of these guides had from 0005, put back when this is reversed.
BEFORE = {
    "how-to-renew": datetime.date(2026, 12, 2),
    "missed-deadline": datetime.date(2026, 11, 27),
    "after-120-benefits": datetime.date(2026, 12, 2),
}

BODY_EDITS = {
    "how-to-renew": (
        "- 再往后补办也可以，但居住年限要从补办那天重新算，详见[过了有效期还没签注会怎样](/guides/missed-deadline/)。\n",
        "- 再往后补办也可以，但居住年限要从补办那天重新算，详见[过了有效期还没签注会怎样](/guides/missed-deadline/)。\n"
        "\n这 30 天和 60 天，本站目前只在转载文章里见到，还没有找到正式文本（**待核实**），"
        "办理前可以向社区事务受理服务中心或 12345 确认。\n",
    ),
    "missed-deadline": (
        "很多事情要看您在上海连续住了多久，所以这 60 天值得认真对待。\n",
        "很多事情要看您在上海连续住了多久，所以这 60 天值得认真对待。"
        "这 60 天的规定，本站目前只在转载文章里见到，还没有找到正式文本（**待核实**）。\n",
    ),
    "after-120-benefits": (
        "办法第三条说明，积分达到标准分值的持证人可以享受相应的公共服务。具体包括哪些项目、各自有什么附加条件，\n"
        "本站还没有整理完，待核实。",
        "办法第三条说明，积分达到标准分值的持证人可以享受相应的公共服务，但条文里没有逐项列出。"
        "子女教育以外的项目和各自的条件，以各主管部门的规定为准；本站还没有逐项核对到正式文本（待核实）。",
    ),
}

SOURCE_TITLES = {
    "wodebaobaowang.com：上海居住证积分办理流程（第三方整理，未找到人社部门原文）": (
        "第三方网站整理的上海居住证积分办理流程（wodebaobaowang.com；未找到人社部门原文）"
    ),
    "isslerlaw.com：《上海市居住证积分管理办法》第十九条的转述（第三方，未找到原文）": (
        "第三方网站对《上海市居住证积分管理办法》第十九条的转述（isslerlaw.com；未找到原文）"
    ),
}


def _edit(apps, edits, titles, dates):
    Article = apps.get_model("renewal", "Article")
    ArticleSource = apps.get_model("renewal", "ArticleSource")
    for slug, (old, new) in edits.items():
        article = Article.objects.filter(slug=slug, body__contains=old).first()
        if article is not None:
            body = article.body.replace(old, new)
            # update(): the dates are ours to set, whatever a model's save() would do; the page has changed.
            Article.objects.filter(pk=article.pk).update(
                body=body,
                body_html=seed.seed_html(body),
                content_updated_on=dates[slug],
                updated_at=timezone.now(),
            )
    for old, new in titles.items():
        ArticleSource.objects.filter(article__slug="after-120-apply", title=old).update(title=new)


def forwards(apps, schema_editor):
    _edit(apps, BODY_EDITS, SOURCE_TITLES, dict.fromkeys(BODY_EDITS, REVIEWED))


def backwards(apps, schema_editor):
    _edit(
        apps,
        {slug: (new, old) for slug, (old, new) in BODY_EDITS.items()},
        {new: old for old, new in SOURCE_TITLES.items()},
        BEFORE,
    )


class Migration(migrations.Migration):
    dependencies = [("renewal", "0006_source_checked_on_label")]

    operations = [migrations.RunPython(forwards, backwards)]
