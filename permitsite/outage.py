"""What the site does when its database or its shared cache (Redis) is unreachable."""

import logging

import redis
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

from permitsite.context_processors import site_context

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 120


def is_database_outage(exception) -> bool:
    if isinstance(exception, (OperationalError, InterfaceError)):
        return True
    # SQLite reports an unreadable or vanished file as a plain DatabaseError.
    return isinstance(exception, DatabaseError) and "unable to open database" in str(exception)


def is_cache_outage(exception) -> bool:
    # Pages use the cache only to go faster and sessions fall back to the database, so this is what is
    # left: something that cannot do without the cache. It is an outage to wait out, not a bug.
    return isinstance(exception, (redis.ConnectionError, redis.TimeoutError))


def is_outage(exception) -> bool:
    return is_database_outage(exception) or is_cache_outage(exception)


# The last resort when even the error template cannot render (e.g. a deploy missed collectstatic).
BARE_ERROR_PAGE = (
    '<!doctype html><html lang="zh-Hans"><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1">'
    "<title>暂时无法访问 · 上海居住证助手</title>"
    '<h1>暂时无法访问</h1><p>网站出现了问题，请稍后再试。</p><p><a href="/">返回首页</a></p></html>'
)


def render_without_database(template_name, status, request=None):
    """Render an error page using no context processor, so nothing can touch the database."""
    try:
        html = render_to_string(template_name, site_context(request))
    except Exception:
        logger.exception("error page %s could not render", template_name)
        html = BARE_ERROR_PAGE
    return HttpResponse(html, status=status)


def maintenance_response(request=None):
    response = render_without_database("503.html", 503, request)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
