from django.db import models

from renewal.markup import render_markdown

# The stamp of the /about/ page (permitsite/shared_pages.py); permitsite/signals.py moves it on edits.
ABOUT = "about"


class SitePage(models.Model):
    """A page about the site itself that editors keep up to date, such as /about/. The pages are created by
    migrations; editors change their text, never their address."""

    slug = models.SlugField("网址名", max_length=40, unique=True, editable=False)
    title = models.CharField("标题", max_length=40)
    description = models.CharField("搜索摘要", max_length=160, help_text="搜索引擎结果里显示的一两句话。")
    body = models.TextField(
        "正文（Markdown）", help_text="用 Markdown 书写；脚本、内嵌样式和图片会被自动去掉。"
    )
    body_html = models.TextField("正文 HTML", editable=False)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "站点页面"
        verbose_name_plural = "站点页面"
        ordering = ("slug",)

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)
