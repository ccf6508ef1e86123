"""No network takes more than a tenth of the day's SMS budget, so one person with many addresses cannot stop
the form for everyone; a person on another network still gets a code."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from leads import limits, services, sms
from leads.models import SmsSend
from leads.services import sms_limit_network
from tests.leads.helpers import ask_for_code

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_network_of_an_address_is_its_ipv6_48_or_ipv4_24():
    assert sms_limit_network("2001:db8:1:2::1") == "2001:db8:1::/48"
    assert sms_limit_network("2001:db8:1:ffff:1:2:3:4") == "2001:db8:1::/48"
    assert sms_limit_network("2001:db8:2::1") == "2001:db8:2::/48"
    assert sms_limit_network("198.51.100.7") == "198.51.100.0/24"
    assert sms_limit_network("::ffff:198.51.100.200") == "198.51.100.0/24"


@pytest.mark.parametrize("budget, share", [(100, 10), (500, 50), (105, 10), (9, 1), (1, 1)])
def test_a_network_may_have_a_tenth_of_the_budget_rounded_down_but_at_least_one(budget, share):
    assert limits.network_daily_limit(budget) == share


def test_the_decision_refuses_a_network_at_its_share_until_midnight():
    now = datetime(2026, 11, 23, 22, 0, tzinfo=SHANGHAI)
    refused = limits.decide_send(now, [], [], sends_today=10, daily_budget=100, network_sends_today=10)
    assert (refused.allowed, refused.reason, refused.retry_after) == (False, "network_day", 2 * 3600)
    assert refused.message == (
        "您所在的网络（例如同一单位、学校或小区的宽带）今天获取验证码的次数已达上限，这不是您操作有误。"
        "请关闭无线网络、改用手机流量再试，或 2 小时 后再试。"
    )
    assert refused.message_for("021-5555 1234").endswith(
        "或 2 小时 后再试；着急的话，可以直接拨打 021-5555 1234 咨询。"
    )
    assert limits.decide_send(now, [], [], sends_today=10, daily_budget=100, network_sends_today=9).allowed


def test_when_the_whole_budget_is_spent_the_budget_is_named_not_the_network():
    now = datetime(2026, 11, 23, 22, 0, tzinfo=SHANGHAI)
    refused = limits.decide_send(now, [], [], sends_today=100, daily_budget=100, network_sends_today=10)
    assert refused.reason == "budget"


def spend_from_one_network(addresses, requests_each=20):
    """20 code requests from each address, each for another number, straight to the service the view calls
    (the HTTP path is the same for the requests checked afterwards; 600 of them would only cost time)."""
    refused = []
    for address_index, address in enumerate(addresses):
        for request_index in range(requests_each):
            phone = f"139{address_index:04d}{request_index:04d}"
            outcome = services.request_code(phone, f"session-{address_index}", address, "lead")
            refused.append(outcome.refused)
    return refused


@pytest.mark.django_db
@pytest.mark.parametrize(
    "addresses, other_network",
    [
        # 30 /64s of one /48: a tenth of one home's allocation is already far more than 30.
        ([f"2001:db8:7:{subnet:x}::1" for subnet in range(30)], "2001:db8:8::1"),
        ([f"198.51.100.{host}" for host in range(1, 31)], "203.0.113.9"),
    ],
    ids=["ipv6-48", "ipv4-24"],
)
def test_one_network_gets_at_most_a_tenth_and_another_network_still_gets_a_code(
    client, settings, time_machine, addresses, other_network
):
    time_machine.move_to(datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI), tick=False)
    settings.SMS_DAILY_BUDGET = 100
    refused = spend_from_one_network(addresses)
    assert refused.count(False) == 10
    assert len(sms.outbox) == SmsSend.objects.count() == 10

    settings.SITE_CONTACT_PHONE = "021-5555 1234"
    refused = ask_for_code(client, phone="13700000001", ip=addresses[0])
    error = refused.json()["error"]
    assert error.startswith("您所在的网络（例如同一单位、学校或小区的宽带）今天获取验证码的次数已达上限")
    assert "改用手机流量再试" in error and "直接拨打 021-5555 1234 咨询" in error
    assert "Wi-Fi" not in error
    assert ask_for_code(client, phone="13700000002", ip=other_network).status_code == 200
    assert len(sms.outbox) == 11


def test_the_last_tenth_of_the_budget_is_kept_for_deletion_requests():
    now = datetime(2026, 11, 23, 22, 0, tzinfo=SHANGHAI)
    lead = limits.decide_send(now, [], [], sends_today=90, daily_budget=100)
    assert (lead.allowed, lead.reason) == (False, "budget")
    assert limits.decide_send(now, [], [], sends_today=89, daily_budget=100).allowed
    assert limits.decide_send(now, [], [], sends_today=99, daily_budget=100, for_deletion=True).allowed
    spent = limits.decide_send(now, [], [], sends_today=100, daily_budget=100, for_deletion=True)
    assert spent.reason == "budget"


@pytest.mark.django_db
def test_a_deletion_request_still_gets_a_code_when_the_other_forms_have_spent_their_part(
    settings, time_machine
):
    time_machine.move_to(datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI), tick=False)
    settings.SMS_DAILY_BUDGET = 20
    networks = [f"198.51.{n}.7" for n in range(1, 20)]  # one each, so no network meets its own share first
    sent = [
        not services.request_code(f"1390000{index:04d}", f"s{index}", ip, "lead").refused
        for index, ip in enumerate(networks)
    ]
    assert sent.count(True) == 18  # 20 less the 2 kept for deletion requests
    assert services.request_code("13900009999", "s-late", "203.0.113.9", "reminder").refused
    assert not services.request_code("13900009999", "s-delete", "203.0.113.9", "deletion").refused


@pytest.mark.parametrize("budget, kept", [(1, 0), (2, 1), (9, 1), (10, 1), (25, 2), (500, 50)])
def test_even_a_small_budget_keeps_one_sms_for_deletion_requests(budget, kept):
    assert limits.deletion_reserve(budget) == kept
