"""What the site does when its database is unreachable."""

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

from permitsite.context_processors import site_context

RETRY_AFTER_SECONDS = 120


def is_database_outage(exception) -> bool:
    if isinstance(exception, (OperationalError, InterfaceError)):
        return True
    # SQLite reports an unreadable or vanished file as a plain DatabaseError.
    return isinstance(exception, DatabaseError) and "unable to open database" in str(exception)


def render_without_database(template_name, status, request=None):
    """Render an error page using no context processor, so nothing can touch the database."""
    context = site_context(request)
    return HttpResponse(render_to_string(template_name, context), status=status)


def maintenance_response(request=None):
    response = render_without_database("503.html", 503, request)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
