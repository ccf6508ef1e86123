import os

import pytest
from django.test import RequestFactory

from permitsite.client_ip import client_ip, trusted_proxies


def request_from(peer, forwarded=None):
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_without_a_trusted_proxy_the_peer_is_the_client(settings):
    settings.FORWARDED_ALLOW_IPS = []
    assert client_ip(request_from("203.0.113.7", forwarded="1.2.3.4")) == "203.0.113.7"


def test_the_trusted_proxy_names_the_client_in_the_last_entry(settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1"]
    assert client_ip(request_from("127.0.0.1", forwarded="203.0.113.7")) == "203.0.113.7"


def test_entries_a_client_wrote_itself_are_ignored(settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1"]
    spoofed = request_from("127.0.0.1", forwarded="10.9.8.7, 1.1.1.1, 203.0.113.7")
    assert client_ip(spoofed) == "203.0.113.7"


def test_a_client_talking_to_us_directly_cannot_claim_another_address(settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1"]
    assert client_ip(request_from("198.51.100.4", forwarded="127.0.0.1")) == "198.51.100.4"


def test_garbage_from_the_proxy_falls_back_to_the_peer(settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1"]
    assert client_ip(request_from("127.0.0.1", forwarded="not-an-ip")) == "127.0.0.1"


# FORWARDED_ALLOW_IPS in the forms gunicorn accepts (gunicorn/config.py validate_string_to_addr_list,
# http/message.py _ip_in_allow_list): the same peers are trusted by gunicorn and by us.


def test_a_network_trusts_every_proxy_inside_it(settings):
    settings.FORWARDED_ALLOW_IPS = ["10.0.0.0/8"]
    assert client_ip(request_from("10.1.2.3", forwarded="203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("10.255.255.254", forwarded="203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("11.0.0.1", forwarded="203.0.113.7")) == "11.0.0.1"


def test_a_star_trusts_every_peer(settings):
    settings.FORWARDED_ALLOW_IPS = ["*"]
    assert client_ip(request_from("198.51.100.4", forwarded="203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("2001:db8::1", forwarded="203.0.113.7")) == "203.0.113.7"


def test_a_star_among_addresses_still_trusts_every_peer(settings):
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1", "*"]
    assert client_ip(request_from("198.51.100.4", forwarded="203.0.113.7")) == "203.0.113.7"


def test_ipv6_addresses_and_networks(settings):
    settings.FORWARDED_ALLOW_IPS = ["::1", "fd00::/8"]
    assert client_ip(request_from("::1", forwarded="2001:db8::7")) == "2001:db8::7"
    assert client_ip(request_from("fd12:3456::1", forwarded="203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("fe80::1", forwarded="203.0.113.7")) == "fe80::1"


def test_an_ipv4_network_does_not_cover_the_same_address_written_as_ipv6(settings):
    # gunicorn compares ip_address(peer) with the network as written: no IPv4-mapped matching.
    settings.FORWARDED_ALLOW_IPS = ["10.0.0.0/8"]
    assert client_ip(request_from("::ffff:10.0.0.1", forwarded="203.0.113.7")) == "::ffff:10.0.0.1"


def test_a_single_address_is_a_network_of_one(settings):
    settings.FORWARDED_ALLOW_IPS = ["10.0.0.1/32", "192.168.1.5"]
    assert client_ip(request_from("10.0.0.1", forwarded="203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("10.0.0.2", forwarded="203.0.113.7")) == "10.0.0.2"
    assert client_ip(request_from("192.168.1.5", forwarded="203.0.113.7")) == "203.0.113.7"
    assert client_ip(request_from("192.168.1.6", forwarded="203.0.113.7")) == "192.168.1.6"


def test_a_peer_that_is_not_an_address_is_not_trusted(settings):
    settings.FORWARDED_ALLOW_IPS = ["10.0.0.0/8"]
    assert client_ip(request_from("", forwarded="203.0.113.7")) == ""


@pytest.mark.parametrize("entry", ["10.0.0.1/8", "10.0.0.0/33", "not-an-address", "10.0.0.*"])
def test_entries_gunicorn_refuses_are_refused(entry):
    from gunicorn.config import validate_string_to_addr_list

    with pytest.raises(ValueError):
        validate_string_to_addr_list(entry)  # gunicorn will not start with it ...
    with pytest.raises(ValueError):
        trusted_proxies((entry,))  # ... and neither will settings.py


def test_settings_refuse_an_entry_gunicorn_refuses():
    import subprocess
    import sys

    bad = "10.0.0.1/8"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "permitsite.settings", "FORWARDED_ALLOW_IPS": bad},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert bad in result.stderr
