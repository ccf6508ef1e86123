"""gunicorn settings and hooks for `make run` and production. Sized for 2 cores (docs/benchmarks.md)."""

import os
import sys

bind = f"{os.environ.get('GUNICORN_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

# Two cores: 3 processes keep both busy while one waits on I/O; threads absorb slow mobile clients.
# Measured against 2×1 … 5×2 in docs/benchmarks.md: none beat 3×4 beyond the noise.
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

timeout = 30
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then so a slow leak cannot grow forever; jitter keeps them from
# restarting all at once.
max_requests = 2000
max_requests_jitter = 200

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


def worker_exit(server, worker):
    """A worker that stops (a deploy, HUP, max_requests) first writes the guide views it holds."""
    view_counts = sys.modules.get("renewal.view_counts")  # not imported: it counted nothing
    if view_counts is not None:
        view_counts.guide_views.flush()
