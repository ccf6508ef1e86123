"""The school facts editors keep: how school years run, the 中考 registration window of each year, how long
a 积分 application takes, and the ways to 中考-age schooling without 120 points. Each with its source."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from permitsite.facts import Source
from permitsite.sourced import Sourced, not_after_today
from schooling import timeline


class SingletonQuerySet(models.QuerySet):
    def current(self):
        return self.order_by("pk").first()


class SchoolSystem(models.Model):
    """One row: entry age and cut-off day, and the years of primary and junior middle school."""

    entry_age = models.PositiveSmallIntegerField(
        "入学年龄（周岁）", default=6, validators=[MinValueValidator(4), MaxValueValidator(8)]
    )
    cutoff_month = models.PositiveSmallIntegerField(
        "截止月", default=8, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    cutoff_day = models.PositiveSmallIntegerField(
        "截止日",
        default=31,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text="在当年这一天（含）之前满入学年龄的孩子，当年 9 月入学。",
    )
    entry_source = models.CharField("入学年龄的依据", max_length=300)
    entry_source_url = models.URLField("入学年龄依据网址", blank=True)
    entry_verified_on = models.DateField(
        "入学年龄核对日期",
        null=True,
        blank=True,
        validators=[not_after_today],
        help_text="留空表示待核实，页面上会标注。",
    )
    primary_years = models.PositiveSmallIntegerField(
        "小学年数", default=5, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    junior_years = models.PositiveSmallIntegerField(
        "初中年数", default=4, validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    stages_source = models.CharField("学制的依据", max_length=300)
    stages_source_url = models.URLField("学制依据网址", blank=True)
    stages_verified_on = models.DateField(
        "学制核对日期",
        null=True,
        blank=True,
        validators=[not_after_today],
        help_text="留空表示待核实，页面上会标注。",
    )
    updated_at = models.DateTimeField("最后修改", auto_now=True)

    objects = SingletonQuerySet.as_manager()

    class Meta:
        verbose_name = "入学年龄与学制"
        verbose_name_plural = "入学年龄与学制"

    def __str__(self):
        return (
            f"{self.entry_age} 周岁（{self.cutoff_month} 月 {self.cutoff_day} 日前），"
            f"小学 {self.primary_years} 年、初中 {self.junior_years} 年"
        )

    def clean(self):
        try:
            datetime.date(2024, self.cutoff_month or 1, self.cutoff_day or 1)  # 2024 has a 29 February
        except ValueError:
            raise ValidationError({"cutoff_day": "这个月没有这一天。"}) from None

    def as_system(self) -> timeline.SchoolSystem:
        return timeline.SchoolSystem(
            entry_age=self.entry_age,
            cutoff_month=self.cutoff_month,
            cutoff_day=self.cutoff_day,
            primary_years=self.primary_years,
            junior_years=self.junior_years,
            entry_source=Source(self.entry_source, self.entry_source_url, self.entry_verified_on),
            stages_source=Source(self.stages_source, self.stages_source_url, self.stages_verified_on),
        )


class PointsProcessingTime(Sourced):
    """One row: working days from an accepted 积分 application to its approval."""

    working_days = models.PositiveSmallIntegerField(
        "审核工作日数",
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="单位提交的积分申请从受理到审核通过的工作日数，按本站的工作日日历（含节假日调整）倒推。",
    )
    updated_at = models.DateTimeField("最后修改", auto_now=True)

    objects = SingletonQuerySet.as_manager()

    class Meta:
        verbose_name = "积分审核时间"
        verbose_name_plural = "积分审核时间"

    def __str__(self):
        return f"{self.working_days} 个工作日"

    def as_processing(self) -> timeline.ProcessingTime:
        return timeline.ProcessingTime(self.working_days, self.as_source)


class RegistrationWindow(Sourced):
    year = models.PositiveSmallIntegerField(
        "中考年份",
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2099)],
        help_text="这次报名对应的中考在哪一年举行（报名通常在前一年 12 月）。",
    )
    opens = models.DateField("统一报名开始")
    closes = models.DateField("统一报名截止", help_text="120 分积分需在这一天（含）之前审核通过。")
    late_until = models.DateField(
        "补报名最迟", null=True, blank=True, help_text="错过统一报名时最迟可申请补报名的日期；没有就留空。"
    )
    note = models.CharField("备注", max_length=200, blank=True, help_text="页面上显示在日期旁边。")
    updated_at = models.DateTimeField("最后修改", auto_now=True)

    class Meta:
        verbose_name = "中考报名时间"
        verbose_name_plural = "中考报名时间"
        ordering = ("-year",)

    def __str__(self):
        return f"{self.year} 年中考报名"

    def clean(self):
        if self.opens and self.closes and self.closes < self.opens:
            raise ValidationError({"closes": "截止日期不能早于开始日期。"})
        if self.closes and self.late_until and self.late_until < self.closes:
            raise ValidationError({"late_until": "补报名日期不能早于统一报名截止。"})
        if self.year and self.opens and self.opens.year not in (self.year - 1, self.year):
            raise ValidationError(
                {"opens": f"{self.year} 年中考的报名应在 {self.year - 1} 年或 {self.year} 年。"}
            )

    def as_window(self) -> timeline.RegistrationWindow:
        return timeline.RegistrationWindow(
            year=self.year,
            opens=self.opens,
            closes=self.closes,
            late_until=self.late_until,
            source=self.as_source,
            note=self.note,
        )


class RouteWithoutPoints(Sourced):
    order = models.PositiveSmallIntegerField("顺序", default=0)
    name = models.CharField("途径", max_length=80)
    who = models.TextField("需要满足", help_text="谁可以走这条路：父母和孩子各需满足什么。")
    leads_to = models.TextField(
        "出路", help_text="孩子可以报考或就读什么，之后还能怎样升学（页面上写在“出路：”后面）。"
    )
    active = models.BooleanField("在页面上显示", default=True)
    updated_at = models.DateTimeField("最后修改", auto_now=True)

    class Meta:
        verbose_name = "没有 120 分时的升学途径"
        verbose_name_plural = "没有 120 分时的升学途径"
        ordering = ("order", "id")

    def __str__(self):
        return self.name

    def as_route(self) -> timeline.RouteWithoutPoints:
        return timeline.RouteWithoutPoints(self.name, self.who, self.leads_to, self.as_source)
