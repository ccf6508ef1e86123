"""The 居转户 conditions as editors keep them: wording, years, on/off, source and the date it was checked.

settle/rules.py knows what each kind of condition means; a row here says how it currently reads.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from permitsite.sourced import Sourced
from settle import rules


class SettleCondition(Sourced):
    key = models.CharField(
        "条件", max_length=30, unique=True, choices=[(key, label) for key, (_, label) in rules.KINDS.items()]
    )
    order = models.PositiveSmallIntegerField("顺序", default=0)
    label = models.CharField("标题", max_length=80, help_text="页面上这一条的标题。")
    explanation = models.TextField("说明", help_text="用自己的话说明这一条，页面上显示在标题下面。")
    years = models.PositiveSmallIntegerField(
        "年数",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="只对持证年限、社保年限和远郊岗位有用：需满几年。",
    )
    active = models.BooleanField("启用", default=True, help_text="停用后，判断时不再考虑这一条。")
    updated_at = models.DateTimeField("最后修改", auto_now=True)

    class Meta:
        verbose_name = "居转户条件"
        verbose_name_plural = "居转户条件"
        ordering = ("order", "id")

    def __str__(self):
        return self.label

    def clean(self):
        if self.key in rules.YEAR_KINDS and self.years is None:
            raise ValidationError({"years": "这一条需要填写年数。"})
        if self.key not in rules.YEAR_KINDS and self.years is not None:
            raise ValidationError({"years": "这一条不按年数判断，请留空。"})

    def as_condition(self) -> rules.Condition:
        return rules.Condition(
            key=self.key,
            label=self.label,
            explanation=self.explanation,
            source=self.as_source,
            years=self.years,
            active=self.active,
        )
