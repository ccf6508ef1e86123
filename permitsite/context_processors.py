import functools

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

SITE_NAME = "上海居住证助手"
# 300×300: WeChat crops share thumbnails to a square.
SHARE_IMAGE = "img/share.png"

# (url path, label). Each part adds itself here when it exists. Short labels keep the navigation one row on
# a 390 px phone; the site name in the header leads home.
NAVIGATION = [
    ("/jifen/", "积分自测"),
    ("/renewal/check/", "签注"),
    ("/guides/", "指南"),
    ("/shengxue/", "升学"),
    ("/juzhuanhu/", "居转户"),
    ("/consult/", "咨询"),
]


def site_context(request=None):
    path = getattr(request, "path", "")
    return {
        "site_name": SITE_NAME,
        "current_year": timezone.localdate().year,
        # Every footer: who stands behind the site and, once it has one, its ICP 备案号.
        "site_operator": settings.SITE_OPERATOR,
        "site_icp_record": settings.SITE_ICP_RECORD,
        "navigation": _navigation(_current_item(path)),
        **_sharing_urls(request),
    }


def _sharing_urls(request):
    """Absolute URLs for the canonical link and the share tags; the query string is never part of them.

    A request with a Host header we do not serve gets none: its 400 page must not raise again.
    """
    if request is None:
        return {"canonical_url": "", "share_image_url": ""}
    try:
        return {
            "canonical_url": request.build_absolute_uri(request.path),
            "share_image_url": request.build_absolute_uri(static(SHARE_IMAGE)),
        }
    except DisallowedHost:
        return {"canonical_url": "", "share_image_url": ""}


def _current_item(path) -> int | None:
    return next((index for index, (url, _) in enumerate(NAVIGATION) if _is_current(url, path)), None)


@functools.cache
def _navigation(current: int | None):
    """The menu's items, the current one marked; built once per marked item rather than looped over in
    every page's template (a sixth of an empty page's rendering, docs/benchmarks.md)."""
    return format_html_join(
        "",
        '<li><a href="{}"{}>{}</a></li>',
        (
            (url, mark_safe(' aria-current="page"') if index == current else "", label)
            for index, (url, label) in enumerate(NAVIGATION)
        ),
    )


def _is_current(url, path):
    return path == url if url == "/" else path.startswith(url)


def site(request):
    return site_context(request)
