"""Site-wide pages: home, about, privacy, robots.txt, liveness and readiness, error pages."""

import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe

from calculator.forms import shortest_path
from calculator.rulesets import RULES, ruleset_in_force
from leads.models import SERVICES_TOPIC, offered_services
from permitsite import dbguard
from permitsite import privacy as privacy_policy
from permitsite.models import ABOUT, SitePage
from permitsite.operator import current_operator
from permitsite.outage import is_outage, maintenance_response, render_without_database
from permitsite.shared_pages import shared_page

logger = logging.getLogger(__name__)


@require_safe
@shared_page(RULES)  # besides a deploy, only the self-test's shortest path it states changes it
def home(request):
    return render(request, "home.html", {"path": _self_test_path()})


def _self_test_path():
    """The self-test's shortest path counted from this page: the button here, then /jifen/'s figure."""
    ruleset = ruleset_in_force()
    if ruleset is None:
        return None
    path = shortest_path(ruleset)
    return {"taps": path.taps + 1, "typed": path.typed, "pages": path.pages + 1}


@require_safe
@shared_page(ABOUT, SERVICES_TOPIC)  # the page's text and the services' fees; the operator is settings
def about(request):
    """Who runs the site, how it is paid for, what is free and what each consultation costs. The text is
    the editors' (SitePage); the operator's details come from the environment, the fees from the services."""
    context = {
        "page": get_object_or_404(SitePage, slug="about"),
        "operator": current_operator(),
        "services": offered_services.get(),
    }
    return render(request, "about.html", context)


@require_safe
@shared_page()  # what it prints from settings and code changes only with a restart
def privacy(request):
    context = {
        "policy_version": privacy_policy.POLICY_VERSION,
        "policy_date": privacy_policy.POLICY_DATE,
        "operator": current_operator(),
        "results_retention_days": privacy_policy.RESULTS_RETENTION_DAYS_STATED,
        "access_log_max_days": privacy_policy.ACCESS_LOG_MAX_DAYS_STATED,
        "backup_days": privacy_policy.BACKUP_RETENTION_DAYS_STATED,
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
    }
    return render(request, "privacy.html", context)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /api/",
        "Disallow: /jifen/result/",
        "Disallow: /r/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the hashed icon."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@never_cache
def ping(request):
    """Liveness: the process answers. Touches neither database nor cache."""
    return HttpResponse("pong\n", content_type="text/plain; charset=utf-8")


# With the cache's own 2 s socket timeouts, /healthz answers within 5 s whatever either service does.
HEALTH_CHECK_SECONDS = 2


@never_cache
def healthz(request):
    """Readiness: can this instance serve real pages right now?"""
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": checks}
    return JsonResponse(body, status=200 if healthy else 503)


def _database_ok() -> bool:
    try:
        # A frozen database is found out within a second by the watchdog; this bounds the rest.
        with dbguard.deadline(HEALTH_CHECK_SECONDS), connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as error:
        _log_failed_check("database", error)
        return False


def _cache_ok() -> bool:
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception as error:
        _log_failed_check("cache", error)
        return False


def _log_failed_check(service: str, error: Exception) -> None:
    # The kind of failure only: a driver's message can name the host, the user or a statement.
    logger.warning("/healthz: the %s check failed with %s", service, type(error).__name__)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Errors raised outside a view (e.g. while saving the session) still reach here:
    # an unreachable database or cache is an outage, not a bug.
    if is_outage(sys.exc_info()[1]):
        return maintenance_response(request)
    return render_without_database("500.html", 500, request)


def csrf_failure(request, reason=""):
    return render_without_database("403_csrf.html", 403, request)
