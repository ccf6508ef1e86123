"""Editable rulesets: every number of the points system lives in these rows, edited in admin.

rulesets.py turns them into engine types; the engine never sees a model.
"""

import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from calculator import engine, planner
from permitsite.dates import chinese_date
from permitsite.sourced import Sourced, not_after_today

POINTS_VALIDATORS = [MinValueValidator(0), MaxValueValidator(engine.SANE_POINTS_MAX)]


class RuleSetQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=RuleSet.Status.PUBLISHED, effective_from__isnull=False)


class RuleSet(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        PUBLISHED = "published", "已发布"

    version = models.CharField(
        "版本代码", max_length=40, unique=True, help_text="例如 2023-01；每个版本唯一，发布后接口会显示它。"
    )
    name = models.CharField("名称", max_length=200)
    effective_from = models.DateField(
        "生效日期", null=True, blank=True, help_text="从这一天起（含当天）按本版本计分；发布前必须填写。"
    )
    status = models.CharField("状态", max_length=10, choices=Status, default=Status.DRAFT, editable=False)
    threshold = models.PositiveIntegerField("标准分值", default=120, validators=[MinValueValidator(1)])
    floor = models.IntegerField("总分下限", default=0, help_text="减分后总分不低于此值。")
    valid_until = models.DateField(
        "有效期至",
        null=True,
        blank=True,
        help_text="政策文件规定的有效期最后一天（含）；过了这一天且没有新版本时，自测和接口会提示规则可能已过期。",
    )
    valid_until_basis = models.TextField(
        "有效期依据", blank=True, help_text="有效期出自哪份文件、哪一条，例如“沪府规〔2022〕21号 第X条”。"
    )
    notes = models.TextField("编辑备注", blank=True, help_text="这一版改了什么、依据什么，供同事查看。")
    published_at = models.DateTimeField("发布时间", null=True, blank=True, editable=False)
    updated_at = models.DateTimeField("最后修改", auto_now=True)

    objects = RuleSetQuerySet.as_manager()

    class Meta:
        verbose_name = "积分规则集"
        verbose_name_plural = "积分规则集"
        ordering = ("-effective_from", "-id")
        permissions = (("publish_ruleset", "可以发布积分规则集"),)

    def __str__(self):
        return f"{self.version} {self.name}"

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def has_scored(self):
        """Published and in force today or before: saved results and API callers may rest on it."""
        return (
            self.is_published
            and self.effective_from is not None
            and self.effective_from <= timezone.localdate()
        )

    def clean(self):
        super().clean()
        if self.valid_until and self.effective_from and self.valid_until < self.effective_from:
            raise ValidationError(
                {
                    "valid_until": (
                        f"有效期至（{chinese_date(self.valid_until)}）不能早于生效日期"
                        f"（{chinese_date(self.effective_from)}），请检查这两个日期。"
                    )
                }
            )


class IndicatorGroup(models.Model):
    ruleset = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="groups")
    key = models.SlugField("组代码", max_length=50)
    label = models.CharField("名称", max_length=100)
    cap = models.PositiveIntegerField(
        "上限", null=True, blank=True, validators=POINTS_VALIDATORS, help_text="留空表示不封顶。"
    )

    class Meta:
        verbose_name = "取高组"
        verbose_name_plural = "取高组（组内只算最高一项）"
        constraints = (
            models.UniqueConstraint(fields=["ruleset", "key"], name="group_key_unique_in_ruleset"),
        )
        ordering = ("id",)

    def __str__(self):
        return self.label


class Indicator(models.Model):
    class Category(models.TextChoices):
        BASIC = engine.BASIC, "基础指标"
        BONUS = engine.BONUS, "加分指标"
        DEDUCTION = engine.DEDUCTION, "减分指标"
        VETO = engine.VETO, "一票否决"

    class Kind(models.TextChoices):
        CHOICE = engine.CHOICE, "选项（每个选项一个分值）"
        FLAG = engine.FLAG, "是/否（是则加分）"
        PER_UNIT = engine.PER_UNIT, "按单位计分（起算值、上限）"
        BANDED = engine.BANDED, "分档数值（如年龄）"
        DEDUCTION = engine.DEDUCTION_PER_COUNT, "按次扣分"
        VETO = engine.VETO_FLAG, "一票否决（是则不符合条件）"
        CONDITION = engine.CONDITION, "前提条件（是/否，本身不计分）"

    ruleset = models.ForeignKey(
        RuleSet, verbose_name="规则集", on_delete=models.CASCADE, related_name="indicators"
    )
    order = models.PositiveIntegerField("顺序", default=0)
    key = models.SlugField("答案代码", max_length=50, help_text="接口和问卷使用的代码，发布后请勿修改。")
    label = models.CharField("名称", max_length=100)
    category = models.CharField("类别", max_length=10, choices=Category)
    kind = models.CharField("计算方式", max_length=10, choices=Kind)
    active = models.BooleanField("启用", default=True)
    group = models.ForeignKey(
        IndicatorGroup, verbose_name="取高组", null=True, blank=True, on_delete=models.SET_NULL
    )
    points = models.PositiveIntegerField("分值（是/否）", default=0, validators=POINTS_VALIDATORS)
    unit_size = models.PositiveIntegerField("每多少单位", default=1, validators=[MinValueValidator(1)])
    points_per_unit = models.PositiveIntegerField("每单位分值", default=0, validators=POINTS_VALIDATORS)
    start_at = models.PositiveIntegerField("起算值", default=0, help_text="低于此值不计分，例如满 5 年起算。")
    cap = models.PositiveIntegerField("上限", null=True, blank=True, validators=POINTS_VALIDATORS)
    min_value = models.IntegerField("最小可填值", default=0)
    max_value = models.IntegerField("最大可填值", default=0)
    unit = models.CharField("单位", max_length=10, blank=True, help_text="如 年、次、万元、人、周岁")
    help_text = models.TextField("说明", blank=True, help_text="问卷里显示在问题下方。")
    basis = models.TextField("依据", blank=True, help_text="政策出处：文件名、条款和网址。")
    verified_on = models.DateField(
        "核对日期",
        null=True,
        blank=True,
        validators=[not_after_today],
        help_text="最近一次对照政策原文核对这一项的日期；留空表示待核实。",
    )
    verified_by = models.CharField("核对人", max_length=100, blank=True)

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        ordering = ("order", "id")
        constraints = (
            models.UniqueConstraint(fields=["ruleset", "key"], name="indicator_key_unique_in_ruleset"),
        )

    def __str__(self):
        return f"{self.label}（{self.key}）"


class Option(models.Model):
    # Kept on the ruleset too so that options are edited inline on the ruleset's own page.
    ruleset = models.ForeignKey(
        RuleSet, verbose_name="规则集", on_delete=models.CASCADE, related_name="options"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.CASCADE, related_name="options"
    )
    order = models.PositiveIntegerField("顺序", default=0)
    code = models.SlugField("选项代码", max_length=50)
    label = models.CharField("名称", max_length=100)
    points = models.PositiveIntegerField("分值", default=0, validators=POINTS_VALIDATORS)
    requires = models.SlugField(
        "前提条件",
        max_length=50,
        blank=True,
        help_text="填“前提条件”类指标的答案代码（如 title_base_ok）：答“否”时本选项不计分。",
    )
    basis = models.TextField("依据", blank=True, help_text="留空表示与所属指标的依据相同。")
    verified_on = models.DateField(
        "核对日期",
        null=True,
        blank=True,
        validators=[not_after_today],
        help_text="最近一次对照政策原文核对这个选项的日期；留空表示待核实。",
    )
    verified_by = models.CharField("核对人", max_length=100, blank=True)

    class Meta:
        verbose_name = "选项"
        verbose_name_plural = "选项"
        ordering = ("indicator__order", "indicator_id", "order", "id")
        constraints = (models.UniqueConstraint(fields=["indicator", "code"], name="option_code_unique"),)

    def __str__(self):
        return f"{self.label}（{self.code}）"


class Band(models.Model):
    ruleset = models.ForeignKey(
        RuleSet, verbose_name="规则集", on_delete=models.CASCADE, related_name="bands"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name="指标", on_delete=models.CASCADE, related_name="bands"
    )
    low = models.IntegerField("从")
    high = models.IntegerField("到（含）")
    points = models.PositiveIntegerField("分值", default=0, validators=POINTS_VALIDATORS)
    notice = models.CharField(
        "提示", max_length=300, blank=True, help_text="落在这一档时在结果中显示的提示。"
    )

    class Meta:
        verbose_name = "分档"
        verbose_name_plural = "分档"
        ordering = ("indicator__order", "indicator_id", "low")

    def __str__(self):
        return f"{self.low}–{self.high}"


def copy_as_draft(ruleset: RuleSet) -> RuleSet:
    """A new draft with every group, indicator, option and band of `ruleset`, and no effective date."""
    version = f"{ruleset.version}-草稿"
    n = 1
    while RuleSet.objects.filter(version=version).exists():
        n += 1
        version = f"{ruleset.version}-草稿{n}"
    copy = RuleSet.objects.create(
        version=version,
        name=ruleset.name,
        threshold=ruleset.threshold,
        floor=ruleset.floor,
        # A copy is the next version: its end date, and every check of a value against the policy text,
        # belong to the text it will be published under, so neither carries over.
        notes=f"复制自 {ruleset.version}。",
    )
    groups = {}
    for group in ruleset.groups.all():
        groups[group.pk] = IndicatorGroup.objects.create(
            ruleset=copy, key=group.key, label=group.label, cap=group.cap
        )
    for indicator in ruleset.indicators.prefetch_related("options", "bands"):
        options, bands = list(indicator.options.all()), list(indicator.bands.all())
        indicator.pk, indicator.ruleset, indicator.group = None, copy, groups.get(indicator.group_id)
        indicator.verified_on, indicator.verified_by = None, ""
        indicator.save()
        for child in options + bands:
            child.pk, child.ruleset, child.indicator = None, copy, indicator
        for option in options:
            option.verified_on, option.verified_by = None, ""
        Option.objects.bulk_create(options)
        Band.objects.bulk_create(bands)
    GoldenCase.objects.bulk_create(
        GoldenCase(
            ruleset=copy,
            description=case.description,
            answers=case.answers,
            expected_total=case.expected_total,
        )
        for case in ruleset.golden_cases.all()
    )
    return copy


class GoldenCase(models.Model):
    """A sample profile with the total an editor worked out by hand: publishing scores it again and any
    difference must be confirmed before the ruleset goes live."""

    ruleset = models.ForeignKey(
        RuleSet, verbose_name="规则集", on_delete=models.CASCADE, related_name="golden_cases"
    )
    description = models.CharField("情况说明", max_length=200)
    answers = models.JSONField(
        "答案",
        help_text='与 /api/v1/score 相同的 JSON，例如 {"age": 30, "education": "master"}。',
    )
    expected_total = models.IntegerField("预期总分", help_text="按政策原文手算的总分。")

    class Meta:
        verbose_name = "核对样例"
        verbose_name_plural = "核对样例（发布前逐一重算，总分有变化须确认）"
        ordering = ("id",)

    def __str__(self):
        return self.description


class WagePeriod(Sourced):
    """The average monthly wage that social-insurance bases are measured against, for one 社保年度
    (1 July to 30 June), with the base floor and ceiling announced with it."""

    period_from = models.DateField("起始日期", help_text="通常为 7 月 1 日。")
    period_to = models.DateField("结束日期", help_text="通常为次年 6 月 30 日（含）。")
    monthly_average = models.PositiveIntegerField(
        "月平均工资（元）",
        validators=[MinValueValidator(1)],
        help_text="上年度全市全口径城镇单位就业人员月平均工资，社保缴费基数的 1 倍。",
    )
    base_floor = models.PositiveIntegerField("缴费基数下限（元）", validators=[MinValueValidator(1)])
    base_ceiling = models.PositiveIntegerField(
        "缴费基数上限（元）", validators=[MinValueValidator(1)], help_text="即 3 倍。"
    )
    # source (公布这组数字的通知：发文单位、标题、文号), source_url and verified_on come from Sourced.
    verified_by = models.CharField("核对人", max_length=100, blank=True)
    updated_at = models.DateTimeField("最后修改", auto_now=True)

    class Meta:
        verbose_name = "社平工资（缴费基数）"
        verbose_name_plural = "社平工资（缴费基数）"
        ordering = ("period_from",)
        constraints = (models.UniqueConstraint(fields=["period_from"], name="wage_period_starts_once"),)

    def __str__(self):
        return f"{self.period_from:%Y年%-m月}—{self.period_to:%Y年%-m月}：{self.monthly_average} 元"

    def clean(self):
        errors = {}
        if self.period_from and self.period_to and self.period_to <= self.period_from:
            errors["period_to"] = "结束日期须晚于起始日期。"
        if self.base_floor and self.monthly_average and self.base_floor > self.monthly_average:
            errors["base_floor"] = "下限不能高于月平均工资。"
        if self.base_ceiling and self.monthly_average and self.base_ceiling < self.monthly_average:
            errors["base_ceiling"] = "上限不能低于月平均工资。"
        if self.period_from and self.period_to and not errors:
            overlapping = WagePeriod.objects.filter(
                period_from__lte=self.period_to, period_to__gte=self.period_from
            ).exclude(pk=self.pk)
            if other := overlapping.first():
                errors["period_from"] = f"与已有的“{other}”重叠，请调整日期。"
        if errors:
            raise ValidationError(errors)


def new_token() -> str:
    return secrets.token_urlsafe(16)


class Assessment(models.Model):
    """One anonymous self-test: the answers and the result as shown, reachable by a random token.

    No personal data: nothing here identifies the person, and the token reveals none of the answers."""

    token = models.CharField("链接令牌", max_length=32, unique=True, default=new_token, editable=False)
    answers = models.JSONField("答案")
    result = models.JSONField("结果")
    ruleset_version = models.CharField("规则版本", max_length=40)
    total = models.IntegerField("总分")
    reaches_threshold = models.BooleanField("达到标准分")
    # Guidance only (not scored): at least 6 of the last 12 months of social insurance paid.
    recent_contributions = models.BooleanField("近 12 个月缴满 6 个月社保", null=True)
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "自测记录"
        verbose_name_plural = "自测记录"
        ordering = ("-created_at",)

    def __str__(self):
        return f"{self.total} 分（{self.ruleset_version}）"


class PlanIndicator(models.Model):
    """What the route finder (planner.py) needs to know about one indicator beyond its points.

    Keyed by the answer key, not by a ruleset: how a count moves with time and how long a study or a
    certificate usually takes do not change with a ruleset version. Unknown stays blank."""

    class OverTime(models.TextChoices):
        STAYS = planner.STAYS, "不随时间变化"
        ACCRUES = planner.ACCRUES, "每年加 1（如年龄、社保年限）"
        ACCRUES_IF_STARTED = planner.ACCRUES_IF_STARTED, "已经开始的每年加 1（如环卫年限；为 0 时不变）"
        LAPSES = planner.LAPSES, "满一定年限后不再计入（如扣分记录）"
        THIS_YEAR = planner.THIS_YEAR, "只在当年有效（如应届毕业生身份）"

    class Route(models.TextChoices):
        NONE = planner.NOT_A_ROUTE, "不作为补分途径"
        STEP_UP = planner.STEP_UP, "可以争取：列为补分途径"
        IF_OBTAINED = planner.IF_OBTAINED, "无法自行争取：只提示“如果您获得…”"

    key = models.SlugField(
        "指标答案代码",
        max_length=50,
        unique=True,
        help_text="与积分规则集里指标的答案代码一致，如 detention_count。",
    )
    over_time = models.CharField(
        "随时间怎样变化", max_length=20, choices=OverTime, default=OverTime.STAYS, blank=True
    )
    lapse_years = models.PositiveSmallIntegerField(
        "计入年限",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="选“满一定年限后不再计入”时必填，例如虚假材料 3 年、行政拘留 5 年。",
    )
    route = models.CharField("是否作为补分途径", max_length=20, choices=Route, default=Route.NONE)
    typical_months = models.PositiveSmallIntegerField(
        "通常所需月数",
        null=True,
        blank=True,
        validators=[MaxValueValidator(600)],
        help_text="是/否项和前提条件用：通常多久能做到。没有可靠来源就留空，页面会显示“待核实”。"
        "选项各自的时间在下面填写。",
    )
    effort = models.PositiveSmallIntegerField(
        "难度", null=True, blank=True, choices=planner.EFFORT_LABELS.items(), help_text="留空表示待核实。"
    )
    effort_note = models.CharField("需要做什么", max_length=200, blank=True)
    basis = models.TextField(
        "依据", blank=True, help_text="来源：文件名、条款、网址；没有找到官方说法的写明“待核实”。"
    )
    verified_on = models.DateField("核对日期", null=True, blank=True, validators=[not_after_today])

    class Meta:
        verbose_name = "补分途径资料"
        verbose_name_plural = "补分途径资料（时间、期限和难度）"
        ordering = ("key",)

    def __str__(self):
        return self.key

    def clean(self):
        if self.over_time == planner.LAPSES and self.lapse_years is None:
            raise ValidationError({"lapse_years": "选了“满一定年限后不再计入”，请填写计入年限。"})
        if self.over_time != planner.LAPSES and self.lapse_years is not None:
            raise ValidationError({"lapse_years": "只有“满一定年限后不再计入”才需要计入年限，请清空。"})


class PlanOption(models.Model):
    """How long one option of a choice indicator usually takes to obtain, and what it needs."""

    indicator = models.ForeignKey(
        PlanIndicator, verbose_name="指标", on_delete=models.CASCADE, related_name="options"
    )
    code = models.SlugField("选项代码", max_length=50)
    typical_months = models.PositiveSmallIntegerField(
        "通常所需月数",
        null=True,
        blank=True,
        validators=[MaxValueValidator(600)],
        help_text="没有可靠来源就留空，页面会显示“待核实”。",
    )
    counted_from = models.SlugField(
        "从哪个选项起算",
        max_length=50,
        blank=True,
        help_text="例如二级技师的时间从三级起算，填 skill_3；从其他起点按“待核实”显示。"
        "留空表示从任何起点都适用。",
    )
    effort = models.PositiveSmallIntegerField(
        "难度", null=True, blank=True, choices=planner.EFFORT_LABELS.items(), help_text="留空表示待核实。"
    )
    effort_note = models.CharField("需要做什么", max_length=200, blank=True)
    basis = models.TextField("依据", blank=True)
    verified_on = models.DateField("核对日期", null=True, blank=True, validators=[not_after_today])

    class Meta:
        verbose_name = "选项所需时间"
        verbose_name_plural = "选项所需时间"
        ordering = ("indicator", "id")
        constraints = (models.UniqueConstraint(fields=["indicator", "code"], name="plan_option_unique"),)

    def __str__(self):
        return f"{self.indicator.key}={self.code}"
