"""/about/ said the operator's income came from consultations while every consultation it lists is free.
The seeded text now says only what is true: the consultation (a consultant's call back) is free, and any paid
service is quoted, and agreed to, before anything is charged.

Only a page whose text is still the seeded one changes: an editor's own text is never overwritten. Its
"更新于" is the day this text was written, not the day a database was migrated.
"""

import datetime
from zoneinfo import ZoneInfo

import markdown
import nh3
from django.db import migrations

# Frozen copies, as in 0001.
SEED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4", "hr",
    "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
SEED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
SEED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

OLD_PARAGRAPH = (
    "网站的服务器、短信验证码等开销由运营者承担，收入来自顾问咨询服务。每项咨询是否收费、收多少，"
    "都写在下面的“费用一览”里，没有写出的费用我们不会收取。"
)
NEW_PARAGRAPH = (
    "网站的服务器、短信验证码等开销由运营者承担。在线咨询（顾问按您选的时间回电）本身**免费**，"
    "每项咨询的费用都写在下面的“费用一览”里。如果您在咨询后需要运营者提供收费的服务，顾问会先说明服务内容和价格，"
    "经您同意后才会收费；没有事先说明并经您同意的费用，我们不会收取。"
)
OLD_DESCRIPTION = "上海居住证助手由谁运营、靠什么维持，积分自测为什么免费，在线咨询收不收费。"
NEW_DESCRIPTION = "上海居住证助手由谁运营、靠什么维持；积分自测和在线咨询免费，收费服务一定先报价。"


WRITTEN_AT = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def seed_html(body):
    html = markdown.markdown(body, extensions=["tables", "sane_lists"])
    return nh3.clean(html, tags=SEED_TAGS, attributes=SEED_ATTRIBUTES, url_schemes=SEED_URL_SCHEMES)


def replace(page, old, new, old_description, new_description):
    if old not in page.body:
        return False
    page.body = page.body.replace(old, new)
    page.body_html = seed_html(page.body)
    if page.description == old_description:
        page.description = new_description
    page.save()
    return True


def forwards(apps, schema_editor):
    pages = apps.get_model("permitsite", "SitePage").objects
    for page in pages.filter(slug="about"):
        if replace(page, OLD_PARAGRAPH, NEW_PARAGRAPH, OLD_DESCRIPTION, NEW_DESCRIPTION):
            pages.filter(pk=page.pk).update(updated_at=WRITTEN_AT)  # save() stamped the migration's time


def backwards(apps, schema_editor):
    for page in apps.get_model("permitsite", "SitePage").objects.filter(slug="about"):
        replace(page, NEW_PARAGRAPH, OLD_PARAGRAPH, NEW_DESCRIPTION, OLD_DESCRIPTION)


class Migration(migrations.Migration):
    dependencies = [("permitsite", "0001_site_pages")]

    operations = [migrations.RunPython(forwards, backwards)]
