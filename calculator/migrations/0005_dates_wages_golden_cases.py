"""Rules that know their dates: a ruleset's validity, a review date for every indicator and option, the
yearly average wages that social-insurance bases are measured against, and golden cases.

The data part installs frozen literals and only fills what is missing: the default ruleset's valid_until
(a new field, so never an editor's value), wage periods whose start is not there yet, and the golden
cases when the default ruleset has none. Editors' edits are never overwritten.
"""

import django.core.validators
import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

DEFAULT_VERSION = "2023-01"
DEFAULT_VALID_UNTIL = "2027-12-31"
DEFAULT_VALID_UNTIL_BASIS = (
    "《上海市居住证积分管理办法》（沪府规〔2022〕21号）：2023 年 1 月 1 日起施行，有效期至 2027 年 12 月 31 日"
    "（见 RULES.md 所列资料）。新办法公布后请复制草稿、修改并发布。"
)


def _wage_source(year, monthly, floor, ceiling):
    return (
        f"上海市人力资源和社会保障局等部门公布的{year}年度本市职工社会保险缴费基数上下限，"
        f"{year}年7月1日起执行：上年度全市全口径城镇单位就业人员月平均工资 {monthly} 元，"
        f"缴费基数上限 {ceiling} 元（3 倍），下限 {floor} 元（60%）。"
        "本站整理时无法打开人社局网站（rsj.sh.gov.cn）的通知原文，数字取自公开社保计算器的数据，"
        "三者与 3 倍、60% 的关系相符；请编辑对照人社局原文核实后填写核对日期。"
    )


# Frozen literals: (period_from, period_to, monthly average, floor, ceiling).
WAGE_PERIODS = [
    ("2023-07-01", "2024-06-30", 12183, 7310, 36549),
    ("2024-07-01", "2025-06-30", 12307, 7384, 36921),
    ("2025-07-01", "2026-06-30", 12434, 7460, 37302),
]

# Sample profiles with totals worked out by hand from RULES.md (age band, 学历/职称二选一, 3 per SI year…).
GOLDEN_CASES = [
    (
        "25 岁本科学士，应届毕业生：30 + 90 + 10",
        {"age": 25, "education": "bachelor_degree", "fresh_graduate": True},
        130,
    ),
    (
        "30 岁硕士，社保 3 年：30 + 100 + 9",
        {"age": 30, "education": "master", "social_insurance_years": 3},
        139,
    ),
    (
        "38 岁本科，中级职称且基数达标，社保 8 年：30 + 100（职称高于学历 60）+ 24",
        {
            "age": 38,
            "education": "bachelor",
            "title_skill": "mid_title",
            "title_base_ok": True,
            "social_insurance_years": 8,
        },
        154,
    ),
    (
        "38 岁本科，中级职称但基数未达标，社保 8 年：30 + 60（职称不计分，取学历）+ 24",
        {
            "age": 38,
            "education": "bachelor",
            "title_skill": "mid_title",
            "title_base_ok": False,
            "social_insurance_years": 8,
        },
        114,
    ),
    (
        "45 岁大专，三级技能，社保 10 年，基数 1 倍：27 + 60 + 30 + 50",
        {
            "age": 45,
            "education": "junior_college",
            "title_skill": "skill_3",
            "social_insurance_years": 10,
            "si_base_tier": "x1",
        },
        167,
    ),
    (
        "50 岁，环卫 6 年，配偶本市户籍 12 年，社保 15 年：17 + 45 + 24 + 40（封顶）",
        {"age": 50, "public_service_years": 6, "spouse_hukou_years": 12, "social_insurance_years": 15},
        126,
    ),
    (
        "35 岁投资人，纳税 60 万元、聘用 20 人：30 + 60（纳税与聘用取高）",
        {"age": 35, "investment_tax_wan": 60, "investment_local_hires": 20},
        90,
    ),
    (
        "36 岁本科投资人，纳税 150 万元：30 + 60 + 120（投资封顶 120）",
        {"age": 36, "education": "bachelor", "investment_tax_wan": 150},
        210,
    ),
    (
        "40 岁博士，社保 5 年，一次行政拘留：30 + 110 + 15 − 50",
        {"age": 40, "education": "doctor", "social_insurance_years": 5, "detention_count": 1},
        105,
    ),
    (
        "44 岁本科学士，临港工作居住 12 年，社保 2 年：29 + 90 + 6 + 20（封顶）",
        {"age": 44, "education": "bachelor_degree", "remote_area_years": 12, "social_insurance_years": 2},
        145,
    ),
    (
        "62 岁本科，社保 20 年：0（超过 60 周岁）+ 60 + 60",
        {"age": 62, "education": "bachelor", "social_insurance_years": 20},
        120,
    ),
    (
        "28 岁本科，提供过一次虚假材料：30 + 60 − 150，总分不低于 0",
        {"age": 28, "education": "bachelor", "false_materials_count": 1},
        0,
    ),
    (
        "29 岁大专，二级技能但基数未达标，基数 3 倍：30 + 50（技能不计分，取学历）+ 120",
        {"age": 29, "education": "junior_college", "title_skill": "skill_2", "si_base_tier": "x3"},
        200,
    ),
    (
        "33 岁硕士，有严重刑事犯罪记录：总分照算 30 + 100，但一票否决",
        {"age": 33, "education": "master", "veto_serious_crime": True},
        130,
    ),
]

EDITOR_GROUP = "编辑"
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("wageperiod", "goldencase")
    for action in ("view", "add", "change", "delete")
]


def install_dates_wages_and_golden_cases(apps, schema_editor):
    RuleSet = apps.get_model("calculator", "RuleSet")
    GoldenCase = apps.get_model("calculator", "GoldenCase")
    WagePeriod = apps.get_model("calculator", "WagePeriod")
    default = RuleSet.objects.filter(version=DEFAULT_VERSION).first()
    if default is not None:
        if default.valid_until is None:
            default.valid_until = DEFAULT_VALID_UNTIL
            default.valid_until_basis = DEFAULT_VALID_UNTIL_BASIS
            default.save(update_fields=["valid_until", "valid_until_basis"])
        if not GoldenCase.objects.filter(ruleset=default).exists():
            GoldenCase.objects.bulk_create(
                GoldenCase(ruleset=default, description=description, answers=answers, expected_total=total)
                for description, answers, total in GOLDEN_CASES
            )
    for period_from, period_to, monthly, floor, ceiling in WAGE_PERIODS:
        if not WagePeriod.objects.filter(period_from=period_from).exists():
            WagePeriod.objects.create(
                period_from=period_from,
                period_to=period_to,
                monthly_average=monthly,
                base_floor=floor,
                base_ceiling=ceiling,
                source=_wage_source(period_from[:4], monthly, floor, ceiling),
            )
    _grant_editors(apps)


def _grant_editors(apps):
    # Permissions are normally created after migrate; create ours now so the group can hold them.
    app_config = apps.get_app_config("calculator")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="calculator", codename__in=EDITOR_PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("calculator", "0004_editor_group"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="band",
            name="ruleset",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="bands",
                to="calculator.ruleset",
                verbose_name="规则集",
            ),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="ruleset",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="indicators",
                to="calculator.ruleset",
                verbose_name="规则集",
            ),
        ),
        migrations.AlterField(
            model_name="option",
            name="ruleset",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="options",
                to="calculator.ruleset",
                verbose_name="规则集",
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="verified_by",
            field=models.CharField(blank=True, max_length=100, verbose_name="核对人"),
        ),
        migrations.AddField(
            model_name="indicator",
            name="verified_on",
            field=models.DateField(
                blank=True,
                help_text="最近一次对照政策原文核对这一项的日期；留空表示待核实。",
                null=True,
                verbose_name="核对日期",
            ),
        ),
        migrations.AddField(
            model_name="option",
            name="basis",
            field=models.TextField(
                blank=True, help_text="留空表示与所属指标的依据相同。", verbose_name="依据"
            ),
        ),
        migrations.AddField(
            model_name="option",
            name="verified_by",
            field=models.CharField(blank=True, max_length=100, verbose_name="核对人"),
        ),
        migrations.AddField(
            model_name="option",
            name="verified_on",
            field=models.DateField(
                blank=True,
                help_text="最近一次对照政策原文核对这个选项的日期；留空表示待核实。",
                null=True,
                verbose_name="核对日期",
            ),
        ),
        migrations.AddField(
            model_name="ruleset",
            name="valid_until",
            field=models.DateField(
                blank=True,
                help_text="政策文件规定的有效期最后一天（含）；过了这一天且没有新版本时，自测和接口会提示规则可能已过期。",
                null=True,
                verbose_name="有效期至",
            ),
        ),
        migrations.AddField(
            model_name="ruleset",
            name="valid_until_basis",
            field=models.TextField(
                blank=True,
                help_text="有效期出自哪份文件、哪一条，例如“沪府规〔2022〕21号 第X条”。",
                verbose_name="有效期依据",
            ),
        ),
        migrations.AlterField(
            model_name="indicator",
            name="basis",
            field=models.TextField(
                blank=True, help_text="政策出处：文件名、条款和网址。", verbose_name="依据"
            ),
        ),
        migrations.CreateModel(
            name="GoldenCase",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("description", models.CharField(max_length=200, verbose_name="情况说明")),
                (
                    "answers",
                    models.JSONField(
                        help_text='与 /api/v1/score 相同的 JSON，例如 {"age": 30, "education": "master"}。',
                        verbose_name="答案",
                    ),
                ),
                (
                    "expected_total",
                    models.IntegerField(help_text="按政策原文手算的总分。", verbose_name="预期总分"),
                ),
                (
                    "ruleset",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="golden_cases",
                        to="calculator.ruleset",
                        verbose_name="规则集",
                    ),
                ),
            ],
            options={
                "verbose_name": "核对样例",
                "verbose_name_plural": "核对样例（发布前逐一重算，总分有变化须确认）",
                "ordering": ("id",),
            },
        ),
        migrations.CreateModel(
            name="WagePeriod",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("period_from", models.DateField(help_text="通常为 7 月 1 日。", verbose_name="起始日期")),
                (
                    "period_to",
                    models.DateField(help_text="通常为次年 6 月 30 日（含）。", verbose_name="结束日期"),
                ),
                (
                    "monthly_average",
                    models.PositiveIntegerField(
                        help_text="上年度全市全口径城镇单位就业人员月平均工资，社保缴费基数的 1 倍。",
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="月平均工资（元）",
                    ),
                ),
                (
                    "base_floor",
                    models.PositiveIntegerField(
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="缴费基数下限（元）",
                    ),
                ),
                (
                    "base_ceiling",
                    models.PositiveIntegerField(
                        help_text="即 3 倍。",
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="缴费基数上限（元）",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        help_text="文件名和条款；没找到正式文本时，写明是从哪里看到的。",
                        max_length=300,
                        verbose_name="依据",
                    ),
                ),
                (
                    "source_url",
                    models.URLField(
                        blank=True, help_text="正式文本的网址（可留空）。", verbose_name="依据网址"
                    ),
                ),
                (
                    "verified_on",
                    models.DateField(
                        blank=True,
                        help_text="对照正式文本核对的日期。留空表示尚未核实，页面上会标注“待核实”并引导咨询。",
                        null=True,
                        verbose_name="核对日期",
                    ),
                ),
                ("verified_by", models.CharField(blank=True, max_length=100, verbose_name="核对人")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="最后修改")),
            ],
            options={
                "verbose_name": "社平工资（缴费基数）",
                "verbose_name_plural": "社平工资（缴费基数）",
                "ordering": ("period_from",),
                "constraints": [
                    models.UniqueConstraint(fields=("period_from",), name="wage_period_starts_once")
                ],
            },
        ),
        migrations.RunPython(install_dates_wages_and_golden_cases, migrations.RunPython.noop),
    ]
