"""The address a request came from, as used for login lockouts and SMS limits.

Only the proxies named in FORWARDED_ALLOW_IPS (the same variable gunicorn reads) may tell us the
client's address, and only through the last X-Forwarded-For entry: the one our proxy appended. Anything
a client writes into that header itself stands before it and is ignored.

FORWARDED_ALLOW_IPS is read exactly as gunicorn reads it (gunicorn/config.py `validate_string_to_addr_list`
and http/message.py `_ip_in_allow_list`): comma-separated entries, each `*` (trust every peer), a single
address (`127.0.0.1`, `::1`) or a network (`10.0.0.0/8`, `fd00::/8`); a network with host bits set
(`10.0.0.1/8`) is a mistake gunicorn refuses to start with, and so does settings.py (`trusted_proxies`).
A peer matches when it is an address inside one of the networks; IPv4 and IPv6 are never mixed
(`::ffff:10.0.0.1` is not in `10.0.0.0/8`, for gunicorn neither). The one difference: gunicorn trusts a
peer on a UNIX socket unconditionally; we bind TCP only (gunicorn.conf.py), and a REMOTE_ADDR that is not
an address is not trusted here.
"""

import ipaddress
from functools import lru_cache
from typing import NamedTuple

from django.conf import settings

type Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class TrustedProxies(NamedTuple):
    everyone: bool
    networks: tuple[Network, ...]

    def trust(self, peer: str) -> bool:
        if self.everyone:
            return True
        try:
            address = ipaddress.ip_address(peer)
        except ValueError:
            return False
        return any(address in network for network in self.networks)


@lru_cache(maxsize=8)
def trusted_proxies(entries: tuple[str, ...]) -> TrustedProxies:
    """FORWARDED_ALLOW_IPS as gunicorn reads it; ValueError for an entry gunicorn would refuse."""
    entries = tuple(entry.strip() for entry in entries if entry.strip())
    return TrustedProxies(
        everyone="*" in entries,
        networks=tuple(ipaddress.ip_network(entry) for entry in entries if entry != "*"),
    )


def client_ip(request) -> str:
    peer = request.META.get("REMOTE_ADDR", "")
    if not trusted_proxies(tuple(settings.FORWARDED_ALLOW_IPS)).trust(peer):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    last_hop = forwarded.rsplit(",", 1)[-1].strip()
    try:
        return str(ipaddress.ip_address(last_hop))
    except ValueError:
        return peer
