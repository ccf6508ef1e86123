from django.test import RequestFactory

from permitsite.client_ip import client_ip


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
