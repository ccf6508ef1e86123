"""Guides' dates and sources: "更新于" shows when an editor last changed a guide's text, and every guide lists
where its facts come from and when that was checked.

- `Article.content_updated_on`: seeded guides get the day their text was written (27 November 2026) or, for
  the three reviewed here, the day of this review (2 December 2026); a guide an editor has changed keeps the
  day of its last save, the best date we have. From now on `Article.save()` keeps it.
- `ArticleSource`: title, address, what it supports, the day it was checked.
- The review (issue 15): the application guide no longer calls the six months of social insurance an outdated
  rule; what the sources say and what is still unverified (待核实) is stated point by point; renting and a close
  relative's home follow the 实施细则; the automatic-endorsement text and the "24 hours" claim say what is
  unverified.

Frozen literals, and guides an editor has edited are never overwritten: revised text and sources go only to
guides that still read exactly as seeded by 0002. Reversing restores the seeded text of guides that still read
as revised here and removes only the sources added here.
"""

import datetime
import importlib
from zoneinfo import ZoneInfo

from django.db import migrations, models

seed = importlib.import_module("renewal.migrations.0002_seed_guides")
next_steps = importlib.import_module("renewal.migrations.0004_next_steps")

WRITTEN = datetime.date(2026, 11, 27)  # the seed guides' text (0002)
REVIEWED = datetime.date(2026, 12, 2)  # this review
CHECKED = datetime.date(2026, 12, 2)
SHANGHAI = ZoneInfo("Asia/Shanghai")
SEEDED_FIELDS = ("title", "category", "summary", "seo_description", "body")
# Written or changed by 0004 on the day of this review: the two next-step guides, and the points guide
# without its "30 秒".
WRITTEN_ON = {"points-120": REVIEWED, "after-120-apply": REVIEWED, "after-120-benefits": REVIEWED}

RENEW_BODY = """\
上海居住证不是办一次管终身：它按年有效，**每年都要签注一次**，证件才能继续使用。很多人说的“续签”，指的就是签注。

## 什么时候可以办

- 从有效期最后一天往前数 30 天，这段时间里随时可以办；
- 如果已经过了有效期，到期后 60 天内还能补办，居住年限不受影响；
- 再往后补办也可以，但居住年限要从补办那天重新算，详见[过了有效期还没签注会怎样](/guides/missed-deadline/)。

不想自己数日子，可以用[签注期限自查](/renewal/check/)：输入证件上的有效期，马上告诉您哪天开始能办、还剩几天，还能把提醒加进手机日历，或者订一个[签注短信提醒](/renewal/remind/)。

## 在手机上办（全程网办）

1. 打开“随申办”，App、微信小程序、支付宝小程序任选一个；
2. 搜索“居住证”，进入“居住证办理一件事”专栏；
3. 点“居住证签注”，按页面提示核对个人信息并提交；
4. 办好以后不用跑腿，电子居住证过一段时间会更新。有文章说大约 24 小时，本站没有找到官方说法（待核实）。

## 到窗口办（全市通办）

签注不限区、不限街道：全市**任意一个**社区事务受理服务中心都能办，挑离家或单位近的去就行。出门前最好先确认一下该中心的办公时间。

## 住的地方变了，要多带一样材料

如果您现在的住址和当初居住登记的地址不一样，签注时要一并提供现住址的住所证明，比如房屋租赁合同登记备案证明。最好先把地址变更办了，见[搬家后怎么变更居住登记地址](/guides/address-change/)。

## 收到“已自动签注”短信的人

地址、工作单位和联系方式都没变的持证人，不少会由系统自动完成签注，并收到短信通知。收到短信说明这一年的签注已经办好，但实体卡上印的日期不会自己变：有文章提到，要带卡到社区事务受理服务中心或自助设备上更新卡面日期。具体怎么做，以短信里的说明为准（本站没有找到官方说法，待核实）。

**如果到了有效期最后一天还没收到短信，不要干等**，请在“随申办”或窗口自己办理。

> 本文按公开规定整理，具体以受理部门最新规定为准。
"""

APPLY_BODY = """\
## 先做居住登记

到上海住下来以后，第一件事是到**现住址所在地**的社区事务受理服务中心办居住登记，带上本人身份证件和下面一种住所证明：

- 住在自己或近亲属买的房子里：房地产权证明；
- 住在自己或近亲属租的房子里：房屋管理部门出具的房屋租赁合同登记备案证明。有转述说现行细则也接受租赁合同本身，本站还没有核对到正式文本（待核实），出门前可以先问一下受理中心；
- 住在单位或学校的集体宿舍：单位或学校人事、保卫部门出具的宿舍证明。

住在近亲属（如配偶、子女、兄弟姐妹，范围以细则为准）买或租的房子里，还要带上**亲属关系证明**。

## 什么时候能申领居住证

2018 年起的规定是：居住登记**满半年**，并且符合下面三项中的一项：

- 有稳定的合法就业；
- 有稳定的合法住所；
- 在本市连续就读。

## 租房的人：备案证明怎么来

需要房屋租赁合同登记备案证明的，要先把合同网签、再办备案，社区事务受理服务中心就能办。常见材料如下（身份证明和权属证明一般都是验原件、收复印件）：

**网签**

1. 住房租赁合同网签申请书（原件）；
2. 出租人和承租人的身份证明；
3. 房屋的权属证明。

**备案**

1. 已网签的租赁合同复印件；
2. 出租人和承租人的身份证明；
3. 房屋的权属证明。

## 关于“社保要连续缴满 6 个月”

这句话流传着几种说法，能核对到出处的和还没核对到的，我们分开写：

- **申请居住证积分**：要在上海缴纳职工社保满 6 个月，这一条有官方文本（见文末来源）。积分申请的具体条件见[居住证积分 120 分怎么算](/guides/points-120/)；
- **申领居住证本身**：我们能核对到的 2018 年起的规定只要求居住登记满半年，再加上面三项之一，没有写社保要缴几个月。2025 年底有文章说申领前要连续缴满 6 个月社保或个税；也有 2026 年的转述说，申领前连续 6 个月在上海缴社保、申领当月仍在缴的，可以视为满足“居住登记满半年”。这两种说法本站都还没有核对到现行细则的原文，**待核实**；
- 居住登记还不到半年、但已经在上海连续缴了 6 个月社保的，去办之前先打 12345 或问受理中心，确认能不能办。

## 递交以后多久拿证

社区事务受理服务中心受理后 2 个工作日内把材料转到派出所，派出所 6 个工作日内审核完，审核通过后 7 个工作日内制好实体卡。证件可以自取，也可以选择邮寄。想知道大概哪天能拿到，用[办理时间估算](/renewal/processing/)按实际工作日推算一下。

办理进度可以在“随申办”的“居住证办理一件事”里点“居住证办理进度查询”，或者在“我的” → “我的办件”里查看。

> 材料和时限按公开资料整理，出处见下方“信息来源”，以受理部门最新规定为准。
"""

ADDRESS_BODY = """\
居住证记录着您的居住登记地址。换了住处，要在**搬家后 30 天内**把新地址登记上。

## 需要准备什么

- 本人身份证；
- 新住处的住所证明，任选其一：房产证明、房屋租赁合同登记备案证明、集体宿舍证明；
- 住在近亲属买或租的房子里，还要带亲属关系证明。

租房的话，一般要先把新合同网签、备案，拿到备案证明再去办，流程见[第一次办上海居住证：条件、居住登记和材料](/guides/apply-conditions-materials/)。有转述说现在也接受租赁合同本身，本站还没有核对到正式文本（待核实）。

## 在哪里办

- **窗口**：就近的社区事务受理服务中心，材料齐全的话当场就能办好；
- **网上**：“随申办”（App、微信小程序或支付宝小程序）→“居住证办理一件事”→“居住登记地址信息变更”，按提示上传材料即可。

## 和签注有什么关系

签注的时候如果现住址和登记地址对不上，就得额外提供现住址的住所证明。搬家后及时变更，到签注时就少一件麻烦。

> 以受理部门最新规定为准。
"""

REVISIONS = {
    "how-to-renew": {"body": RENEW_BODY},
    "apply-conditions-materials": {
        "summary": "先做居住登记，满半年后再申领居住证，还要有稳定就业、稳定住所或连续就读之一。"
        "“社保缴满 6 个月”是积分的明文条件，对申领居住证本身的作用还待核实。",
        "seo_description": "上海居住证申领条件、居住登记所需住所证明、租赁合同网签备案材料、办理时限和进度查询，"
        "并说明社保满 6 个月的要求哪些有出处、哪些待核实。",
        "body": APPLY_BODY,
    },
    "address-change": {"body": ADDRESS_BODY},
}

RULES_2017 = (
    "上海市人民政府：《上海市居住证》申办实施细则（2017年11月27日，官方英文译本）",
    "https://english.shanghai.gov.cn/en-Bulletin/20240921/fdcf9aee18e94d579ba54278e017f596.html",
)
POINTS_2017 = (
    "上海市人民政府：《上海市居住证积分管理办法》（2017年12月28日，官方英文译本）",
    "https://english.shanghai.gov.cn/en-Bulletin/20240921/b1365d47af0c4ce395a4f6d6e2c1bb5c.html",
)
SHINE_2017 = (
    "上海日报（Shine）：New rules for Shanghai residence card applicants next year（2017年12月1日）",
    "https://www.shine.cn/news/metro/1712017198/",
)
RENTAL_2024 = (
    "上海市房屋管理局：《上海市住房租赁合同网签备案操作规定》（沪房规范〔2024〕8号）",
    "http://service.shanghai.gov.cn/xingzhengwendangkujyh/XZGFDetails.aspx?docid=241122141253ID2qaPLvLkx73XJ7QGB",
)
RENEWAL_ARTICLE = (
    "上海居住证积分网：2026上海居住证续签的流程是怎样的（2025年12月2日，转载文章）",
    "https://www.wfek.com/shjzz/10830.html",
)

# slug: [(title, url, what it supports)], all checked on CHECKED.
SOURCES = {
    "how-to-renew": [
        (
            *RENEWAL_ARTICLE,
            "签注时间（有效期届满前 30 日内）、全市通办和“随申办”全程网办的路径、现住址不一致时的住所证明",
        ),
    ],
    "missed-deadline": [
        (*RENEWAL_ARTICLE, "逾期未签注使用功能中止；逾期 60 日内补办年限连续计算，60 日后补办重新计算"),
    ],
    "apply-conditions-materials": [
        (
            *RULES_2017,
            "第二条：居住登记的住所证明（房地产权证明、租赁合同登记备案证明、集体宿舍证明）；住近亲属住房的还要亲属关系证明",
        ),
        (*SHINE_2017, "2018 年起：居住满半年，有合法稳定就业、合法稳定住所、连续就读之一即可申领"),
        (*POINTS_2017, "第二条：积分适用于参加本市职工社保满 6 个月的持证人"),
        (*RENTAL_2024, "第三条：住房租赁合同网签备案由社区事务受理服务中心和区租赁中心具体办理"),
        (
            *RENEWAL_ARTICLE,
            "网签、备案的材料；派出所 6 个工作日内审核、7 个工作日内制证；邮寄或自取；进度查询入口",
        ),
    ],
    "address-change": [
        (*RULES_2017, "第二条：住所证明的种类；住近亲属住房的还要亲属关系证明"),
        (*RENEWAL_ARTICLE, "地址变化后持证件和住所证明到社区事务受理服务中心当场办理，或在“随申办”办理"),
    ],
    "points-120": [
        (
            *POINTS_2017,
            "第二条、第三条：积分的适用对象（参加本市职工社保满 6 个月）和积分制度；各项分值见积分自测规则的“依据”",
        ),
    ],
    "processing-time": [
        (*RENEWAL_ARTICLE, "派出所 6 个工作日内审核完毕、7 个工作日内完成制证；邮寄或自取；进度查询入口"),
    ],
    "after-120-apply": [
        (*POINTS_2017, "第二条：积分适用于参加本市职工社保满 6 个月的持证人；由用人单位提出申请"),
        (
            "wodebaobaowang.com：上海居住证积分办理流程（第三方整理，未找到人社部门原文）",
            "",
            "单位网上登记、核验，为个人登记账号（待核实）",
        ),
        (
            "isslerlaw.com：《上海市居住证积分管理办法》第十九条的转述（第三方，未找到原文）",
            "",
            "积分在每年签注时确认，情况变化由单位申请调整（待核实）",
        ),
    ],
    "after-120-benefits": [
        (*POINTS_2017, "第三条：积分达到标准分值的持证人可以享受相应的公共服务"),
        (
            "新华社：上海居住证积分与子女教育（2013年6月19日报道，en.chinagate.cn 转载）",
            "",
            "积分达到标准分值的，同住子女可在上海参加中考、高考；当年具体条件以招生文件为准",
        ),
    ],
}


def _seeded_guides():
    """Every guide as our migrations left it: 0002's, the points guide as 0004 changed it, and 0004's own."""
    guides = {guide["slug"]: dict(guide) for guide in seed.GUIDES}
    points = guides["points-120"]
    points["body"] = points["body"].replace(next_steps.THIRTY_SECONDS, next_steps.WITHOUT_A_CLAIM)
    guides.update((guide["slug"], guide) for guide in next_steps.GUIDES)
    return guides


def _as_seeded(article, seeded):
    return seeded is not None and all(getattr(article, name) == seeded[name] for name in SEEDED_FIELDS)


def review_guides(apps, schema_editor):
    Article = apps.get_model("renewal", "Article")
    ArticleSource = apps.get_model("renewal", "ArticleSource")
    seeded = _seeded_guides()
    for article in Article.objects.all():
        ours = _as_seeded(article, seeded.get(article.slug))
        if ours and article.slug in REVISIONS:
            for name, value in REVISIONS[article.slug].items():
                setattr(article, name, value)
            article.body_html = seed.seed_html(article.body)
            article.content_updated_on = REVIEWED
            article.save()  # updated_at moves too: the page has changed
        else:
            # Written by us on 27 November, or last saved by an editor: keep the page's HTTP date as it is.
            written = (
                WRITTEN_ON.get(article.slug, WRITTEN)
                if ours
                else article.updated_at.astimezone(SHANGHAI).date()
            )
            Article.objects.filter(pk=article.pk).update(content_updated_on=written)
        if ours and not ArticleSource.objects.filter(article=article).exists():
            ArticleSource.objects.bulk_create(
                ArticleSource(
                    article=article,
                    title=title,
                    url=url,
                    supports=supports,
                    checked_on=CHECKED,
                    position=number,
                )
                for number, (title, url, supports) in enumerate(SOURCES.get(article.slug, []))
            )


def restore_guides(apps, schema_editor):
    Article = apps.get_model("renewal", "Article")
    ArticleSource = apps.get_model("renewal", "ArticleSource")
    seeded = {guide["slug"]: guide for guide in seed.GUIDES}
    for slug, sources in SOURCES.items():
        for number, (title, url, supports) in enumerate(sources):
            ArticleSource.objects.filter(
                article__slug=slug, title=title, url=url, supports=supports, position=number
            ).delete()
    for slug, revision in REVISIONS.items():
        article = Article.objects.filter(slug=slug, **revision).first()
        if article is not None:
            for name in revision:
                setattr(article, name, seeded[slug][name])
            article.body_html = seed.seed_html(article.body)
            article.save()


class Migration(migrations.Migration):
    dependencies = [("renewal", "0004_next_steps")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="content_updated_on",
            # Every row is given its real date by review_guides below.
            field=models.DateField(
                default=WRITTEN,
                editable=False,
                help_text="页面上“更新于”显示的日期：编辑最近一次修改标题、摘要或正文的那天，保存时自动记下。",
                verbose_name="内容更新于",
            ),
            preserve_default=False,
        ),
        migrations.CreateModel(
            name="ArticleSource",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        help_text="发布机构和文件或文章名；转载或转述的文章请注明，例如“（转载文章）”。",
                        max_length=150,
                        verbose_name="来源",
                    ),
                ),
                (
                    "url",
                    models.URLField(
                        blank=True,
                        help_text="纸质材料或窗口的答复可以留空。",
                        max_length=500,
                        verbose_name="网址",
                    ),
                ),
                (
                    "supports",
                    models.CharField(
                        help_text="这个来源支持文中哪些说法，例如“第二条：住所证明的种类”。",
                        max_length=200,
                        verbose_name="核对了哪些内容",
                    ),
                ),
                (
                    "checked_on",
                    models.DateField(
                        help_text="最近一次打开来源、确认它仍然这样写的那天。", verbose_name="核对日期"
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="顺序")),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=models.deletion.CASCADE,
                        related_name="sources",
                        to="renewal.article",
                        verbose_name="指南",
                    ),
                ),
            ],
            options={
                "verbose_name": "信息来源",
                "verbose_name_plural": "信息来源",
                "ordering": ("position", "pk"),
            },
        ),
        migrations.RunPython(review_guides, restore_guides),
    ]
