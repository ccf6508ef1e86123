"""The three fields every editor-maintained policy fact has: its source, a link, and when it was checked."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from permitsite.facts import Source

SOURCE_FIELDS = ("source", "source_url", "verified_on")


def not_after_today(checked_on) -> None:
    """A check date is a day someone opened the source: a later one would show the public a check that has not
    happened, and takes the fact off every "not checked for 12 months" list until that day comes."""
    today = timezone.localdate()
    if checked_on > today:
        raise ValidationError(
            f"不能晚于今天（{today:%Y-%m-%d}）：请填写实际核对或查阅的那一天。", code="after_today"
        )


class Sourced(models.Model):
    source = models.CharField(
        "依据",
        max_length=300,
        help_text="文件名和条款；没找到正式文本时，写明是从哪里看到的。",
    )
    source_url = models.URLField("依据网址", blank=True, help_text="正式文本的网址（可留空）。")
    verified_on = models.DateField(
        "核对日期",
        null=True,
        blank=True,
        validators=[not_after_today],
        help_text="对照正式文本核对的日期。留空表示尚未核实，页面上会标注“待核实”并引导咨询。",
    )

    class Meta:
        abstract = True

    @property
    def as_source(self) -> Source:
        return Source(self.source, self.source_url, self.verified_on)
