from django.templatetags.static import static
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

SITE_NAME = "上海居住证助手"
# 300×300: WeChat crops share thumbnails to a square.
SHARE_IMAGE = "img/share.png"

# (url path, label). Each part adds itself here when it exists.
NAVIGATION = [
    ("/", "首页"),
    ("/jifen/", "积分自测"),
    ("/guides/", "签注指南"),
    ("/consult/", "在线咨询"),
    ("/shengxue/", "子女升学"),
    ("/juzhuanhu/", "居转户"),
]


def site_context(request=None):
    path = getattr(request, "path", "")
    return {
        "site_name": SITE_NAME,
        "current_year": timezone.localdate().year,
        "navigation": [
            {"url": url, "label": label, "current": _is_current(url, path)} for url, label in NAVIGATION
        ],
        **_sharing_urls(request),
    }


def _sharing_urls(request):
    """Absolute URLs for the canonical link and the share tags; the query string is never part of them.

    Lazy, so that only pages that print them ask the request for its host: error pages do not, and a
    400 for a disallowed Host header must not raise again while rendering.
    """
    if request is None:
        return {"canonical_url": "", "share_image_url": ""}
    # SimpleLazyObject, not django.utils.functional.lazy: lazy() builds a new class on every call,
    # which cost a sixth of the home page's time (docs/benchmarks.md).
    return {
        "canonical_url": SimpleLazyObject(lambda: request.build_absolute_uri(request.path)),
        "share_image_url": SimpleLazyObject(lambda: request.build_absolute_uri(static(SHARE_IMAGE))),
    }


def _is_current(url, path):
    return path == url if url == "/" else path.startswith(url)


def site(request):
    return site_context(request)
