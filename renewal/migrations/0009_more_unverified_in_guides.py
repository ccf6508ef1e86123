"""More of what the guides state as rules that the site has seen only second-hand, marked 待核实 in the text
(a content review on 3 December 2026), as the tools already mark it:

- the 2 + 6 + 7 working days (processing guide and the application guide), as /renewal/processing/ does;
- the 30 days to register a new address;
- in the points guide, what is known only from consultancy quotes and a third-party table (deductions, the
  veto, 学历与职称只算一项: RULES.md "Sources");
- after 120, the 中考/高考 right rests on a 2013 news report until the year's 招生文件 is read.

Same rules as 0007: frozen literals, a guide an editor has changed (the old text is gone) is left alone, and
reversing puts back the text and the date each guide had.
"""

import datetime
import importlib

from django.db import migrations
from django.utils import timezone

seed = importlib.import_module("renewal.migrations.0002_seed_guides")

REVIEWED = datetime.date(2026, 12, 3)
BEFORE = {
    "processing-time": datetime.date(2026, 11, 27),
    "apply-conditions-materials": datetime.date(2026, 12, 2),
    "address-change": datetime.date(2026, 12, 2),
    "points-120": datetime.date(2026, 12, 2),
    "after-120-benefits": datetime.date(2026, 12, 3),  # 0007's
}
SEVEN_DAYS = "审核通过后 7 个工作日内制好实体卡。"

BODY_EDITS = {
    "processing-time": [
        (
            "> 时限按公开规定整理，以受理部门最新规定为准。\n",
            "> 这 2、6、7 个工作日的时限，本站目前只在转载文章里见到，还没有找到正式文本（**待核实**）；"
            "以受理部门最新规定为准。\n",
        ),
    ],
    "apply-conditions-materials": [
        (
            SEVEN_DAYS,
            SEVEN_DAYS + "这三段时限本站目前只在转载文章里见到，还没有找到正式文本（**待核实**）。",
        ),
    ],
    "address-change": [
        (
            "换了住处，要在**搬家后 30 天内**把新地址登记上。",
            "换了住处，要尽快把新地址登记上：常见的说法是**搬家后 30 天内**，"
            "本站还没有找到写明这个期限的正式文本（**待核实**）。",
        ),
    ],
    "points-120": [
        (
            "> 以上按《上海市居住证积分管理办法》（沪府规〔2022〕21号）整理，以人社部门公布的规定为准。\n",
            "> 以上按《上海市居住证积分管理办法》（沪府规〔2022〕21号）的指标整理。其中减分、一票否决和"
            "“学历与职称只算一项”，本站目前只在第三方网站的转述里见到中文原文（**待核实**）。"
            "以人社部门公布的规定为准。\n",
        ),
    ],
    "after-120-benefits": [
        (
            "具体的报名条件（比如父母积分要在报名时有效、孩子的学籍要求）以当年教育考试部门的招生文件为准，请在报名前核实。",
            "这一条本站目前只在 2013 年的新闻报道里见到，还没有对照当年的招生文件（**待核实**）。"
            "具体的报名条件（比如父母积分要在报名时有效、孩子的学籍要求）以当年教育考试部门的招生文件为准，请在报名前核实。",
        ),
    ],
}


def _edit(apps, edits, dates):
    Article = apps.get_model("renewal", "Article")
    for slug, pairs in edits.items():
        article = Article.objects.filter(slug=slug).first()
        if article is None or not all(old in article.body for old, _ in pairs):
            continue  # an editor has changed it: theirs stands
        body = article.body
        for old, new in pairs:
            body = body.replace(old, new, 1)
        # update(): the dates are ours to set, whatever a model's save() would do; the page has changed.
        Article.objects.filter(pk=article.pk).update(
            body=body,
            body_html=seed.seed_html(body),
            content_updated_on=dates[slug],
            updated_at=timezone.now(),
        )


def forwards(apps, schema_editor):
    _edit(apps, BODY_EDITS, dict.fromkeys(BODY_EDITS, REVIEWED))


def backwards(apps, schema_editor):
    _edit(apps, {slug: [(new, old) for old, new in pairs] for slug, pairs in BODY_EDITS.items()}, BEFORE)


class Migration(migrations.Migration):
    dependencies = [("renewal", "0008_editors_keep_guide_sources")]

    operations = [migrations.RunPython(forwards, backwards)]
