"""Slow clients against the nginx of docs/deploy.md in front of gunicorn: /ping keeps answering.

Uses the configuration block of docs/deploy.md itself (scripts/slow_clients.py). Needs nginx: on the
PATH or named by $NGINX; skipped without it. The figures with and without nginx are in docs/deploy.md.
"""

import os
import shutil

import pytest

from scripts.serve import served
from scripts.slow_clients import measure, nginx_config, nginx_in_front

NGINX = os.environ.get("NGINX") or shutil.which("nginx")


def test_the_documented_config_keeps_tls_out_and_the_buffering_in(tmp_path):
    config = nginx_config(tmp_path, 8443, 8000)
    assert "ssl_certificate" not in config and "listen 127.0.0.1:8443;" in config
    for directive in ("client_header_timeout", "client_body_timeout", "proxy_request_buffering on"):
        assert directive in config


@pytest.mark.slow
@pytest.mark.skipif(not NGINX, reason="needs nginx (on the PATH, or NGINX=/path/to/nginx)")
def test_slow_clients_do_not_starve_the_site_behind_nginx():
    with served() as (base_url, _, _), nginx_in_front(NGINX, base_url) as proxied:
        result = measure(proxied, slow=24, seconds=6)
    assert result["answered"] == result["probes"] > 5
    assert result["slowest"] < 1
