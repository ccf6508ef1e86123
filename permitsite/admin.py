from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from permitsite.models import SitePage


@admin.register(SitePage)
class SitePageAdmin(admin.ModelAdmin):
    """Editors change the text of pages such as /about/; the pages themselves come with the site."""

    list_display = ("title", "public_url", "updated_at")
    fields = ("title", "description", "body", "preview", "updated_at")
    readonly_fields = ("preview", "updated_at")

    class Media:
        js = ("js/article-preview.js",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="网址")
    def public_url(self, page):
        return f"/{page.slug}/"

    @admin.display(description="预览")
    def preview(self, page):
        # The guides' Markdown preview: same renderer, same sanitiser, same script.
        html = mark_safe(page.body_html)  # noqa: S308 (sanitised by render_markdown on save)
        url = reverse("admin:renewal_article_preview")
        return format_html('<div class="article-preview" data-preview-url="{}">{}</div>', url, html)
