"""The renewal tools (processing estimate, SMS reminders) are linked where people look for them."""

import pytest

from tests.html_tree import parse

pytestmark = pytest.mark.django_db


def links_on(client, path):
    return {link.get("href") for link in parse(client.get(path).content).find_all("a")}


@pytest.mark.parametrize("path", ["/", "/guides/", "/renewal/check/", "/renewal/check/?expiry=2027-03-01"])
def test_the_processing_estimate_and_the_reminders_are_linked(client, path):
    links = links_on(client, path)
    assert "/renewal/processing/" in links
    assert any(link and link.startswith("/renewal/remind/") for link in links)
