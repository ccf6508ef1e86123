"""Pages about the site itself, kept by editors: /about/ says who runs the site, how it is paid for and what
costs money. The editors' group may change them (not add or delete: each page has its fixed address).

Frozen literals: the page is created only when missing and an editor's text is never overwritten. Its HTML is
rendered with a frozen copy of the sanitiser's settings (as renewal/migrations/0002_seed_guides.py does);
saving the page in admin renders it again with the live code.
"""

import markdown
import nh3
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

SEED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4", "hr",
    "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
SEED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
SEED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

ABOUT = {
    "slug": "about",
    "title": "关于本站",
    "description": "上海居住证助手由谁运营、靠什么维持，积分自测为什么免费，在线咨询收不收费。",
    "body": """\
上海居住证助手帮在上海工作、生活但没有上海户口的朋友弄清居住证的事：积分自测、签注期限自查、办理指南，需要时还可以请顾问回电。

## 本站靠什么维持

网站的服务器、短信验证码等开销由运营者承担，收入来自顾问咨询服务。每项咨询是否收费、收多少，都写在下面的“费用一览”里，没有写出的费用我们不会收取。

积分自测、签注期限自查和办理指南**免费**使用，不需要注册，也不需要留下姓名或手机号。本站不投放广告，不出售您的个人信息。

## 我们不是政府网站

本站与任何政府部门都没有隶属关系，不能代办审批，也不能影响审核结果。积分和签注以上海市有关部门的规定和受理部门的审核为准；正式办理请通过“随申办”或社区事务受理服务中心。
""",
}
EDITOR_GROUP = "编辑"
EDITOR_PERMISSIONS = ("view_sitepage", "change_sitepage")


def seed_html(body):
    html = markdown.markdown(body, extensions=["tables", "sane_lists"])
    return nh3.clean(html, tags=SEED_TAGS, attributes=SEED_ATTRIBUTES, url_schemes=SEED_URL_SCHEMES)


def add_about_page(apps, schema_editor):
    SitePage = apps.get_model("permitsite", "SitePage")
    if not SitePage.objects.filter(slug=ABOUT["slug"]).exists():
        SitePage.objects.create(**ABOUT, body_html=seed_html(ABOUT["body"]))
    app_config = apps.get_app_config("permitsite")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="permitsite", codename__in=EDITOR_PERMISSIONS)
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="SitePage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("slug", models.SlugField(editable=False, max_length=40, unique=True, verbose_name="网址名")),
                ("title", models.CharField(max_length=40, verbose_name="标题")),
                (
                    "description",
                    models.CharField(
                        help_text="搜索引擎结果里显示的一两句话。", max_length=160, verbose_name="搜索摘要"
                    ),
                ),
                (
                    "body",
                    models.TextField(
                        help_text="用 Markdown 书写；脚本、内嵌样式和图片会被自动去掉。",
                        verbose_name="正文（Markdown）",
                    ),
                ),
                ("body_html", models.TextField(editable=False, verbose_name="正文 HTML")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
            ],
            options={"verbose_name": "站点页面", "verbose_name_plural": "站点页面", "ordering": ("slug",)},
        ),
        migrations.RunPython(add_about_page, migrations.RunPython.noop),
    ]
