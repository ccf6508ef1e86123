"""The per-address SMS limit cannot be dodged by rotating IPv6 addresses inside one /64."""

from datetime import timedelta

import pytest
from django.utils import timezone

from leads.services import sms_limit_client
from tests.leads.helpers import ask_for_code

pytestmark = pytest.mark.django_db


def test_ipv6_addresses_in_one_64_count_as_one_client():
    assert sms_limit_client("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert sms_limit_client("2001:db8:1:2:ffff:eeee:dddd:cccc") == "2001:db8:1:2::/64"
    assert sms_limit_client("2001:db8:1:3::1") == "2001:db8:1:3::/64"


def test_ipv4_addresses_are_counted_one_by_one():
    assert sms_limit_client("198.51.100.7") == "198.51.100.7"
    assert sms_limit_client("198.51.100.8") == "198.51.100.8"
    assert sms_limit_client("::ffff:198.51.100.7") == "198.51.100.7"


def test_rotating_addresses_inside_a_64_still_hits_the_daily_limit(client, time_machine):
    time_machine.move_to(timezone.now().replace(hour=2, minute=0, second=0, microsecond=0), tick=False)
    for number in range(20):
        ip = f"2001:db8:1:2::{number + 1:x}"
        assert ask_for_code(client, phone=f"139000000{number:02d}", ip=ip).status_code == 200
        time_machine.shift(timedelta(minutes=1))
    refused = ask_for_code(client, phone="13700000000", ip="2001:db8:1:2:abcd::99")
    assert refused.status_code == 429
    assert "您的网络" in refused.json()["error"]
    assert ask_for_code(client, phone="13700000000", ip="2001:db8:1:3::1").status_code == 200
