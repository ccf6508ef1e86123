"""A guide category for what follows a points result of 120 or more, and its two seed guides; the points
guide no longer promises a 30-second self-test.

The result page shows the published guides of this category as the next steps of a passing result, so
editors keep that text here in admin, with its sources. Frozen literals, created only when their slug is
missing; the HTML is rendered with the frozen sanitiser settings of 0002_seed_guides.
"""

import importlib

from django.db import migrations, models

seed = importlib.import_module("renewal.migrations.0002_seed_guides")
seed_html = seed.seed_html

# The points guide promised "30 秒"; the self-test states its measured shortest path instead. Only a body
# still exactly as seeded is changed, so an editor's own wording stays.
THIRTY_SECONDS = "用[30 秒积分自测](/jifen/)逐项填写"
WITHOUT_A_CLAIM = "用[积分自测](/jifen/)逐项填写"

APPLY = {
    "slug": "after-120-apply",
    "category": "next_steps",
    "title": "达到 120 分以后：由单位提出积分申请",
    "summary": "积分申请只能由您的用人单位在网上提交，个人不能自己递交。申请当月要在上海缴纳职工社保，"
    "最近 12 个月里至少缴满 6 个月；按您要计分的项目准备证明材料。",
    "seo_description": "上海居住证积分达到 120 分后怎么申请：单位网上申请、前提条件、要准备的材料、"
    "积分确认与每年签注的关系。",
    "body": """\
自测达到 **120 分**，下一步是请单位替您提出积分申请。下面按办理顺序整理，各项细节以受理部门的最新要求为准。

## 1. 先确认前提条件

- 持有在有效期内的上海市居住证；
- 申请当月在上海就业并缴纳职工社保，而且最近 12 个月里至少有 6 个月正常缴纳（补缴的月份不算）。

还差其中一条的，先把条件补齐再申请，分数够也提交不了。

## 2. 由单位在网上提交

- **只有用人单位能提交积分申请**，个人不能自己递交；
- 单位第一次办理时，要先在网上做单位登记，并到单位注册地所在区的人才服务受理点核验单位信息；
- 核验通过后，单位在网上为您登记、填写积分申请表；登记时会为您生成一个账号，以后可以用它查询办理进度。

## 3. 准备证明材料

按您要计分的每一项准备对应的证明，例如身份证、居住证、学历学位证书、职称或职业技能等级证书。
具体清单和原件、复印件要求以受理点的说明为准（待核实）。

## 4. 办理时限

受理后多久出结果，本站还没有找到官方公布的时限，待核实。请向单位经办人或受理点确认。

## 5. 积分通过以后

- 第三方整理的办法第十九条说明：持证人的积分在每年办理居住证签注时确认；
- 情况有变化、需要调整积分的（比如新取得了学历或职称），由单位提交相关材料申请调整（待核实）。

所以居住证要按时签注，签注办法见[居住证签注指南](/guides/how-to-renew/)。

## 依据

- 前提条件：《上海市居住证积分管理办法》（沪府规〔2022〕21号）及本站[积分规则说明](/guides/points-120/)；
- 单位网上登记、核验和为个人登记账号：wodebaobaowang.com 第三方整理的积分办理流程（2026-12-02 查阅，待对照人社部门原文核实）；
- 积分在签注时确认、变化由单位申请调整：isslerlaw.com 第三方转述的办法第十九条（2026-12-02 查阅，待核实）。

> 本文按公开资料整理，以上海市人社部门和受理部门的最新规定为准。
""",
}

BENEFITS = {
    "slug": "after-120-benefits",
    "category": "next_steps",
    "title": "积分达到 120 分能带来什么",
    "summary": "积分达到标准分值，可以享受相应的公共服务，其中最受关注的是：同住子女可以在上海参加中考，"
    "在上海读完高中的还可以在上海参加高考。",
    "seo_description": "上海居住证积分达到 120 分的好处：子女在沪参加中考、高考的资格，以及其他公共服务。",
    "body": """\
积分是让持证人按分数享受相应公共服务的办法。达到 **120 分**的标准分值，最常被问到的是孩子上学：

## 子女中考、高考

- 积分达到标准分值的，同住子女可以在上海参加中考，报考本市的高中；
- 在上海读完高中阶段的，还可以在上海参加高考。

具体的报名条件（比如父母积分要在报名时有效、孩子的学籍要求）以当年教育考试部门的招生文件为准，请在报名前核实。

## 其他公共服务

办法第三条说明，积分达到标准分值的持证人可以享受相应的公共服务。具体包括哪些项目、各自有什么附加条件，
本站还没有整理完，待核实。

## 依据

- 办法第三条（积分达到标准分值可享受相应公共服务）：《上海市居住证积分管理办法》官方英文本，
  english.shanghai.gov.cn（2026-12-02 查阅）；
- 子女在沪参加中考、高考：新华社 2013-06-19 报道（en.chinagate.cn 转载，2026-12-02 查阅），
  当年的具体条件待对照教育部门的招生文件核实。

> 本文按公开资料整理，以上海市有关部门的最新规定为准。
""",
}

GUIDES = [APPLY, BENEFITS]


def create_guides(apps, schema_editor):
    Article = apps.get_model("renewal", "Article")
    for guide in GUIDES:
        if not Article.objects.filter(slug=guide["slug"]).exists():
            Article.objects.create(**guide, body_html=seed_html(guide["body"]), is_published=True)


def drop_the_thirty_seconds(apps, schema_editor):
    Article = apps.get_model("renewal", "Article")
    body = seed.POINTS["body"].replace(THIRTY_SECONDS, WITHOUT_A_CLAIM)
    Article.objects.filter(slug="points-120", body=seed.POINTS["body"]).update(
        body=body, body_html=seed_html(body)
    )


def remove_unedited_guides(apps, schema_editor):
    Article = apps.get_model("renewal", "Article")
    for guide in GUIDES:
        Article.objects.filter(**guide).delete()


class Migration(migrations.Migration):
    dependencies = [("renewal", "0003_editor_group_permissions")]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="category",
            field=models.CharField(
                choices=[
                    ("renewal", "签注续签"),
                    ("eligibility", "办理条件"),
                    ("address", "地址变更"),
                    ("points", "积分政策"),
                    ("faq", "常见问题"),
                    ("next_steps", "积分达标以后"),
                ],
                max_length=20,
                verbose_name="分类",
            ),
        ),
        migrations.RunPython(create_guides, remove_unedited_guides),
        migrations.RunPython(drop_the_thirty_seconds, migrations.RunPython.noop),
    ]
