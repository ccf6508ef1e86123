import logging

from permitsite.outage import is_database_outage, maintenance_response

logger = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    """Headers that Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class DatabaseOutageMiddleware:
    """An unreachable database becomes a 503 maintenance page, never a traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            logger.warning("database unavailable: %s", type(exception).__name__)
            return maintenance_response(request)
        return None
