"""gunicorn settings and hooks for `make run` and production. Sized for 2 cores (docs/benchmarks.md)."""

import os
import sys
import time

from gunicorn.glogging import Logger

# One timezone in every log line: settings.TIME_ZONE. Django sets it in the workers when it loads; the
# master never loads Django, so without this its lines would be in the host's zone (often UTC).
os.environ["TZ"] = "Asia/Shanghai"
time.tzset()

bind = f"{os.environ.get('GUNICORN_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Two cores: 3 processes keep both busy while one waits on I/O; threads absorb slow mobile clients.
# Measured against 2×1 … 5×2 in docs/benchmarks.md: none beat 3×4 beyond the noise.
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# gthread workers: `timeout` is the master's watchdog on a worker process (its main loop must report
# within 30 s), not a limit on one request; requests are bounded by the database deadline
# (permitsite/dbguard.py) and by nginx in front (docs/deploy.md).
timeout = 30
graceful_timeout = 30
# An idle kept-alive connection is closed after 5 s; nginx reuses its own upstream connections anyway.
keepalive = 5

# What one client may send before gunicorn answers 400 on its own. Our longest URL (a wizard step with
# `?next=check`, a result link) is far below 4 KB; 50 headers of up to 8 KB each hold any browser's
# request, cookies included. Bodies are limited by Django (DATA_UPLOAD_MAX_MEMORY_SIZE) and nginx.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

# Recycle workers now and then so a slow leak cannot grow forever; jitter keeps them from
# restarting all at once. Not often: a new worker spends about 0.6 s of CPU importing and then fills its
# caches, and after every 2000 requests that was a fifth of a busy 2-core machine and most of the p99
# (docs/benchmarks.md, "Recycling workers").
max_requests = 50000
max_requests_jitter = 5000

# Only the proxy in front of us may say who the client is; settings.py reads the same variable
# (docs/deploy.md). Empty: no proxy is trusted.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "")

# gunicorn's control socket lives at one fixed path in $HOME, which several instances on one host
# would fight over; we manage gunicorn with signals (HUP, TERM) instead.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
# %(U)s is the path without the query string: query strings may carry a user's answers.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s"'


class AccessLogWithoutTokens(Logger):
    """The path as logged keeps a result or reminder link's kind of page, never its token."""

    def atoms(self, resp, req, environ, request_time):
        # Imported here, in the worker, where Django has already loaded it: the master imports no project
        # code, so a HUP deploy's new workers read the new release's permitsite/logs.py.
        from permitsite.logs import without_tokens

        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = without_tokens(atoms["U"] or "")
        return atoms


logger_class = AccessLogWithoutTokens


def worker_exit(server, worker):
    """A worker that stops (a deploy, HUP, max_requests) first writes the guide views and stamps it holds."""
    view_counts = sys.modules.get("renewal.view_counts")  # not imported: it counted nothing
    if view_counts is not None:
        view_counts.guide_views.flush()
    stamps = sys.modules.get("permitsite.stamps")
    if stamps is not None and stamps.pending():
        stamps.write_pending()  # an edit's stamp the cache could not take yet: a last try
