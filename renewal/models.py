from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from permitsite import stamps
from permitsite.sourced import not_after_today
from renewal.deadlines import EARLIEST_SUPPORTED, LATEST_SUPPORTED
from renewal.markup import render_markdown
from renewal.workdays import DayKind, WorkdayCalendar


class Category(models.TextChoices):
    RENEWAL = "renewal", "签注续签"
    ELIGIBILITY = "eligibility", "办理条件"
    ADDRESS = "address", "地址变更"
    POINTS = "points", "积分政策"
    FAQ = "faq", "常见问题"
    # Shown on a points result of 120 or more as its next steps (calculator/next_steps.py).
    NEXT_STEPS = "next_steps", "积分达标以后"


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


# What readers read: a change to these is what "更新于" reports.
CONTENT_FIELDS = ("title", "summary", "body")


def _as_read(text):
    # A browser sends a textarea back with CRLF line ends and the form strips the last newline: saving a
    # guide unchanged must not look like an edit.
    return (text or "").replace("\r\n", "\n").strip()


class Article(models.Model):
    title = models.CharField("标题", max_length=80)
    slug = models.SlugField(
        "网址名",
        max_length=80,
        unique=True,
        help_text="出现在网址里，只用小写字母、数字和连字符，发布后尽量不要改。",
    )
    category = models.CharField("分类", max_length=20, choices=Category.choices)
    summary = models.CharField("摘要", max_length=200, help_text="列表页和订阅里显示的一两句话。")
    body = models.TextField(
        "正文（Markdown）", help_text="用 Markdown 书写；脚本、内嵌样式和图片会被自动去掉。"
    )
    body_html = models.TextField("正文 HTML", editable=False)
    seo_description = models.CharField(
        "搜索摘要", max_length=160, blank=True, help_text="搜索引擎结果里显示的描述；留空则用摘要。"
    )
    is_published = models.BooleanField("已发布", default=False)
    published_at = models.DateTimeField("发布时间", default=timezone.now)
    # Any save at all (publishing, related guides): what HTTP caching needs. Readers see content_updated_on.
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    content_updated_on = models.DateField(
        "内容更新于",
        editable=False,
        help_text="页面上“更新于”显示的日期：编辑最近一次修改标题、摘要或正文的那天，保存时自动记下。",
    )
    related = models.ManyToManyField("self", verbose_name="相关指南", blank=True)
    view_count = models.PositiveIntegerField("浏览次数", default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "指南文章"
        verbose_name_plural = "指南文章"
        ordering = ("category", "published_at", "pk")  # handbook order: the basics first

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        if self._content_changed():
            self.content_updated_on = timezone.localdate()
        super().save(*args, **kwargs)
        self._loaded_content = {name: getattr(self, name) for name in CONTENT_FIELDS}

    def get_absolute_url(self):
        return reverse("renewal:guide_detail", args=[self.slug])

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        # Remember the text as loaded, so save() can tell an edit of the text from any other save.
        article = super().from_db(db, field_names, values, **kwargs)
        article._loaded_content = {
            name: getattr(article, name) for name in CONTENT_FIELDS if name in field_names
        }
        return article

    def _content_changed(self):
        loaded = getattr(self, "_loaded_content", None)
        if loaded is None:  # a new guide, unless whoever made it said when its text was written
            return self.content_updated_on is None
        return any(_as_read(getattr(self, name)) != _as_read(value) for name, value in loaded.items())

    @property
    def meta_description(self):
        return self.seo_description or self.summary


class ArticleSource(models.Model):
    """Where a guide's facts come from, and when someone last checked that the source still says so."""

    article = models.ForeignKey(
        Article, verbose_name="指南", on_delete=models.CASCADE, related_name="sources"
    )
    title = models.CharField(
        "来源",
        max_length=150,
        help_text="发布机构和文件或文章名；转载或转述的文章请注明，例如“（转载文章）”。",
    )
    url = models.URLField("网址", max_length=500, blank=True, help_text="纸质材料或窗口的答复可以留空。")
    supports = models.CharField(
        "核对了哪些内容", max_length=200, help_text="这个来源支持文中哪些说法，例如“第二条：住所证明的种类”。"
    )
    checked_on = models.DateField(
        "查阅日期",
        validators=[not_after_today],
        help_text="最近一次打开来源、确认它仍然这样写的那天。查阅不等于核实：只有转载文章支持的说法，正文里仍要标“待核实”。",
    )
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "信息来源"
        verbose_name_plural = "信息来源"
        ordering = ("position", "pk")

    def __str__(self):
        return self.title


# The version stamps (permitsite/stamps.py) that renewal/signals.py moves on every edit: the guide pages
# are cached under GUIDES, the working-day calendar is kept per process under HOLIDAYS.
GUIDES = "guides"
HOLIDAYS = "holidays"


class HolidayOverride(models.Model):
    """One day whose status an editor sets by hand; it wins over the published schedule."""

    date = models.DateField("日期", unique=True)
    kind = models.CharField(
        "类型",
        max_length=24,
        choices=[(DayKind.HOLIDAY.value, "放假"), (DayKind.ADJUSTED_WORKING_DAY.value, "调休上班")],
    )
    name = models.CharField("说明", max_length=40, blank=True, help_text="例如：国庆节、春节调休。")

    class Meta:
        verbose_name = "节假日调整"
        verbose_name_plural = "节假日调整"
        ordering = ("date",)

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"


class HolidayYear(models.Model):
    """Marks a year's schedule as completely entered, so estimates for that year stop being flagged.

    Entering single days never does this on its own: a year whose schedule is only partly entered
    must still show the "按周一至周五估算" notice.
    """

    year = models.PositiveSmallIntegerField(
        "年份",
        unique=True,
        validators=[
            MinValueValidator(EARLIEST_SUPPORTED.year, "年份需在2000年至2099年之间。"),
            MaxValueValidator(LATEST_SUPPORTED.year, "年份需在2000年至2099年之间。"),
        ],
    )
    is_complete = models.BooleanField(
        "全年安排已录入",
        default=False,
        help_text="把当年全部放假日和调休上班日都录入“节假日调整”后再勾选；勾选后该年的估算不再标注“估算”。",
    )
    source = models.CharField(
        "依据", max_length=200, blank=True, help_text="例如国务院办公厅关于该年节假日安排的通知。"
    )

    class Meta:
        verbose_name = "年度节假日安排"
        verbose_name_plural = "年度节假日安排"
        ordering = ("-year",)

    def __str__(self):
        return f"{self.year}年"

    def clean(self):
        # Ticked, the year's estimates are shown as exact: with no holiday entered they would count Monday to
        # Friday straight through the Spring Festival. Every year has official holidays, and a notice
        # announcing them; adjusted working days alone are only half of it.
        if not self.is_complete:
            return
        errors = {}
        if not self.source.strip():
            errors["source"] = "勾选“全年安排已录入”时请填写依据：公布该年节假日安排的通知。"
        holidays = HolidayOverride.objects.filter(date__year=self.year, kind=DayKind.HOLIDAY)
        if self.year and not holidays.exists():
            errors["is_complete"] = (
                f"{self.year}年还没有录入放假日：请先在“节假日调整”里录入该年全部放假日和调休上班日，"
                "再勾选“全年安排已录入”。"
            )
        if errors:
            raise ValidationError(errors)


def _load_workday_calendar() -> WorkdayCalendar:
    return WorkdayCalendar(
        overrides=dict(HolidayOverride.objects.values_list("date", "kind")),
        complete_years=HolidayYear.objects.filter(is_complete=True).values_list("year", flat=True),
    )


_workday_calendar = stamps.Stamped(HOLIDAYS, _load_workday_calendar)


def workday_calendar() -> WorkdayCalendar:
    """The working-day calendar with every editor entry applied, read from the database once per edit."""
    return _workday_calendar.get()
