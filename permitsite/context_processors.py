from django.utils import timezone

SITE_NAME = "上海居住证助手"

# (url path, label). Each part adds itself here when it exists.
NAVIGATION = [
    ("/", "首页"),
    ("/jifen/", "积分自测"),
    ("/guides/", "签注指南"),
    ("/consult/", "在线咨询"),
]


def site_context(request=None):
    path = getattr(request, "path", "")
    return {
        "site_name": SITE_NAME,
        "current_year": timezone.localdate().year,
        "navigation": [
            {"url": url, "label": label, "current": _is_current(url, path)} for url, label in NAVIGATION
        ],
    }


def _is_current(url, path):
    return path == url if url == "/" else path.startswith(url)


def site(request):
    return site_context(request)
