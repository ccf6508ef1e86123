"""The address a request came from, as used for login lockouts and SMS limits.

Only the proxies named in FORWARDED_ALLOW_IPS (the same variable gunicorn reads) may tell us the
client's address, and only through the last X-Forwarded-For entry: the one our proxy appended. Anything
a client writes into that header itself stands before it and is ignored.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    peer = request.META.get("REMOTE_ADDR", "")
    if peer not in settings.FORWARDED_ALLOW_IPS:
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    last_hop = forwarded.rsplit(",", 1)[-1].strip()
    try:
        return str(ipaddress.ip_address(last_hop))
    except ValueError:
        return peer
