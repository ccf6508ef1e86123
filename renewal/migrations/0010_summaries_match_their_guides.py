"""What a guide's card and search description state now says what its body says (a content review on
3 December 2026):

- the 30 days to register a new address: the body has marked them 待核实 since 0009, the card still stated
  them as a rule;
- 中考/高考 after 120: the body rests them on a 2013 news report (0009), the card stated them flatly;
- the 2 + 6 + 7 working days: the reposted article behind them gives the 6 and the 7 only; the 2 days to
  forward the file have no source the site can name; the card and search description mark them 待核实 too.

Same rules as 0007 and 0009: frozen literals, a guide an editor has changed is left alone, and reversing
puts back the text and the date each guide had.
"""

import datetime
import importlib

from django.db import migrations
from django.utils import timezone

seed = importlib.import_module("renewal.migrations.0002_seed_guides")

REVIEWED = datetime.date(2026, 12, 3)
BEFORE = {
    "address-change": datetime.date(2026, 12, 3),
    "after-120-benefits": datetime.date(2026, 12, 3),
    "processing-time": datetime.date(2026, 12, 3),
    "apply-conditions-materials": datetime.date(2026, 12, 3),
}

EDITS = {
    "address-change": {
        "summary": (
            "搬到新住处后 30 天内要登记新地址。",
            "搬到新住处后要尽快登记新地址（常说 30 天内，这个期限待核实）。",
        ),
        "seo_description": ("30 天时限、", "登记期限、"),
    },
    "after-120-benefits": {
        "summary": (
            "同住子女可以在上海参加中考，在上海读完高中的还可以在上海参加高考。",
            "同住子女在上海参加中考、高考的资格（本站目前只在 2013 年的报道里见到，待核实）。",
        ),
        "seo_description": ("子女在沪参加中考、高考的资格，", "子女在沪参加中考、高考的资格（待核实），"),
    },
    "processing-time": {
        "summary": (
            "受理后一般要走 2 + 6 + 7 个工作日：",
            "受理后常说要走 2 + 6 + 7 个工作日（时限待核实）：",
        ),
        "seo_description": ("（2、6、7 个工作日）", "（常说 2、6、7 个工作日，待核实）"),
        "body": (
            "> 这 2、6、7 个工作日的时限，本站目前只在转载文章里见到，还没有找到正式文本（**待核实**）；",
            "> 审核的 6 个工作日和制证的 7 个工作日，本站目前只在转载文章里见到；转到派出所的 2 个工作日，"
            "本站还没有找到出处。三段时限都还没有找到正式文本（**待核实**）；",
        ),
    },
    "apply-conditions-materials": {
        "body": (
            "这三段时限本站目前只在转载文章里见到，还没有找到正式文本（**待核实**）。",
            "审核的 6 天和制证的 7 天本站目前只在转载文章里见到，转到派出所的 2 天还没有找到出处；"
            "三段时限都还没有找到正式文本（**待核实**）。",
        ),
    },
}


def _edit(apps, edits, dates):
    Article = apps.get_model("renewal", "Article")
    for slug, fields in edits.items():
        article = Article.objects.filter(slug=slug).first()
        if article is None or not all(old in getattr(article, name) for name, (old, _) in fields.items()):
            continue  # an editor has changed it: theirs stands
        values = {name: getattr(article, name).replace(old, new, 1) for name, (old, new) in fields.items()}
        if "body" in values:
            values["body_html"] = seed.seed_html(values["body"])
        # update(): the dates are ours to set, whatever a model's save() would do; the page has changed.
        Article.objects.filter(pk=article.pk).update(
            **values, content_updated_on=dates[slug], updated_at=timezone.now()
        )


def forwards(apps, schema_editor):
    _edit(apps, EDITS, dict.fromkeys(EDITS, REVIEWED))


def backwards(apps, schema_editor):
    reverse = {
        slug: {name: (new, old) for name, (old, new) in fields.items()} for slug, fields in EDITS.items()
    }
    _edit(apps, reverse, BEFORE)


class Migration(migrations.Migration):
    dependencies = [("renewal", "0009_more_unverified_in_guides")]

    operations = [migrations.RunPython(forwards, backwards)]
