import logging

from permitsite import dbguard, stamps
from permitsite.outage import is_database_outage, is_outage, maintenance_response

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    """Headers that Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        # No page uses these; a script injected despite the CSP cannot ask for them either.
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
        )
        return response


class OutageMiddleware:
    """An unreachable database or shared cache becomes a 503 maintenance page, never a traceback; and
    no request waits on the database past its deadline (permitsite/dbguard.py); and each version stamp is
    read once per request (permitsite/stamps.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with dbguard.deadline(dbguard.REQUEST_DEADLINE_SECONDS), stamps.one_reading_per_request():
            return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            service = "database" if is_database_outage(exception) else "shared cache"
            logger.warning("%s unavailable: %s", service, type(exception).__name__)
            return maintenance_response(request)
        return None
