"""Log lines: one format and one timezone for Django and gunicorn alike, no tracebacks for bodies we refuse
on purpose, and no link tokens.

Django sets the process timezone from settings.TIME_ZONE (Asia/Shanghai) when it loads, so its lines are
local time; gunicorn.conf.py sets the same zone for the gunicorn master, which never loads Django. Every
line carries the offset, so a reader never has to guess.
"""

import logging
import re

# gunicorn's own error-log format and date format, so the two kinds of line read alike.
FORMAT = "[%(asctime)s] [%(process)d] [%(levelname)s] %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S %z"

# django.security.<name> loggers for request bodies Django refuses with a 400 (DATA_UPLOAD_MAX_*).
REFUSED_BODY_LOGGERS = [
    f"django.security.{name}" for name in ("RequestDataTooBig", "TooManyFieldsSent", "TooManyFilesSent")
]


class RefusedBodyAsOneLine(logging.Filter):
    """A body too large or with too many fields is a client's doing, answered with a 400: one WARNING line
    with the method and path, not an ERROR with a traceback through our middleware."""

    def filter(self, record):
        request = getattr(record, "request", None)
        message = record.getMessage()
        if request is not None:
            message = f"{message} {request.method} {request.path}"
        record.msg, record.args = message, ()
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = record.stack_info = None
        return True


# A result link (/jifen/result/<token>/) and a reminder link (/r/<token>) are each the key to one person's
# answers or phone: a log line keeps the kind of page and drops the key.
_LINK_TOKEN = re.compile(r"(/jifen/result/|/r/)[^/\s?]+")


def without_tokens(text: str) -> str:
    return _LINK_TOKEN.sub(r"\1…", text)


class TokensOut(logging.Filter):
    """Django's request lines ("Bad Request: /jifen/result/<token>/try/") without the link's token."""

    def filter(self, record):
        message = record.getMessage()
        cleaned = without_tokens(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
