from django.contrib import admin
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from renewal.markup import render_markdown
from renewal.models import Article, ArticleSource, HolidayOverride, HolidayYear

WEEKDAYS = "一二三四五六日"


class ArticleSourceInline(admin.TabularInline):
    model = ArticleSource
    fields = ("title", "url", "supports", "checked_on", "position")
    extra = 1


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "category", "is_published", "content_updated_on", "view_count")
    list_filter = ("is_published", "category")
    search_fields = ("title", "summary", "body")
    filter_horizontal = ("related",)
    readonly_fields = ("preview", "view_count", "content_updated_on", "updated_at")
    inlines = (ArticleSourceInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "category", "summary", "seo_description")}),
        ("正文", {"fields": ("body", "preview", "content_updated_on")}),
        ("发布", {"fields": ("is_published", "published_at", "updated_at", "related", "view_count")}),
    )

    class Media:
        js = ("js/article-preview.js",)

    @admin.display(description="预览")
    def preview(self, article):
        # body_html was sanitised by render_markdown on save; the script in Media refreshes it on typing.
        html = mark_safe(article.body_html if article.pk else "")  # noqa: S308
        url = reverse("admin:renewal_article_preview")
        return format_html('<div class="article-preview" data-preview-url="{}">{}</div>', url, html)

    def get_urls(self):
        preview = self.admin_site.admin_view(self.render_preview)
        return [path("preview/", preview, name="renewal_article_preview"), *super().get_urls()]

    def render_preview(self, request):
        if request.method != "POST" or not self.has_change_permission(request):
            return HttpResponse(status=405 if request.method != "POST" else 403)
        return HttpResponse(
            render_markdown(request.POST.get("body", "")), content_type="text/html; charset=utf-8"
        )


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(admin.ModelAdmin):
    list_display = ("date", "weekday", "kind", "name")
    list_filter = ("kind",)
    date_hierarchy = "date"
    search_fields = ("name",)

    @admin.display(description="星期")
    def weekday(self, override):
        return "周" + WEEKDAYS[override.date.weekday()]


@admin.register(HolidayYear)
class HolidayYearAdmin(admin.ModelAdmin):
    list_display = ("year", "is_complete", "entered_days", "source")
    readonly_fields = ("days_entered_so_far",)

    def get_queryset(self, request):
        days = (
            HolidayOverride.objects.filter(date__year=OuterRef("year"))
            .order_by()
            .values("date__year")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return super().get_queryset(request).annotate(entered=Coalesce(Subquery(days), 0))

    @admin.display(description="已录入天数", ordering="entered")
    def entered_days(self, year):
        return year.entered

    @admin.display(description="该年已录入的调整")
    def days_entered_so_far(self, year):
        days = HolidayOverride.objects.filter(date__year=year.year) if year.pk else []
        if not days:
            return "还没有录入。请先在“节假日调整”里逐日录入放假日和调休上班日。"
        return format_html_join(
            mark_safe("<br>"),
            "{} 周{} {} {}",
            ((d.date, WEEKDAYS[d.date.weekday()], d.get_kind_display(), d.name) for d in days),
        )
