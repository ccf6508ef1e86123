from datetime import UTC, datetime, timedelta

from leads.limits import decide_send, describe_wait, shanghai_day_start

# 2026-11-27 10:00 in Shanghai
NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)


def ago(**kwargs):
    return NOW - timedelta(**kwargs)


def decide(phone_sends=(), ip_sends=(), sends_today=0, daily_budget=100):
    return decide_send(NOW, list(phone_sends), list(ip_sends), sends_today, daily_budget)


def test_a_first_send_is_allowed():
    decision = decide()
    assert decision.allowed
    assert decision.message == ""


def test_a_resend_within_60_seconds_is_refused_with_the_seconds_left():
    decision = decide(phone_sends=[ago(seconds=45)])
    assert not decision.allowed
    assert decision.reason == "cooldown"
    assert decision.retry_after == 15
    assert decision.message == "验证码发送太频繁，请 15 秒后再试。"


def test_a_resend_after_60_seconds_is_allowed():
    assert decide(phone_sends=[ago(seconds=60)]).allowed


def test_the_sixth_send_within_an_hour_is_refused_until_the_oldest_ages_out():
    sends = [ago(minutes=m) for m in (50, 40, 30, 20, 10)]
    decision = decide(phone_sends=sends)
    assert decision.reason == "phone_hour"
    assert decision.retry_after == 10 * 60  # the one sent 50 min ago leaves the window in 10 min
    assert "10 分钟" in decision.message


def test_five_sends_spread_over_more_than_an_hour_do_not_block():
    sends = [ago(minutes=m) for m in (70, 40, 30, 20, 10)]
    assert decide(phone_sends=sends).allowed


def test_the_eleventh_send_within_24_hours_is_refused():
    sends = [ago(hours=h) for h in (23, 22, 20, 18, 16, 14, 12, 8, 4, 2)]
    decision = decide(phone_sends=sends)
    assert decision.reason == "phone_day"
    assert decision.retry_after == 3600  # the one from 23 h ago leaves the 24 h window in 1 h
    assert "1 小时" in decision.message


def test_the_21st_send_from_one_address_within_24_hours_is_refused():
    sends = [ago(hours=23, minutes=30)] + [ago(minutes=m) for m in range(2, 40, 2)]
    assert len(sends) == 20
    decision = decide(ip_sends=sends)
    assert decision.reason == "ip_day"
    assert decision.retry_after == 30 * 60
    assert "您的网络" in decision.message


def test_nineteen_sends_from_one_address_still_allow_one_more():
    assert decide(ip_sends=[ago(minutes=m) for m in range(2, 40, 2)]).allowed


def test_the_budget_refuses_until_midnight_in_shanghai():
    decision = decide(sends_today=100, daily_budget=100)
    assert decision.reason == "budget"
    assert decision.retry_after == 14 * 3600  # 10:00 → 24:00 Shanghai time
    assert "名额已用完" in decision.message


def test_the_send_that_reaches_80_percent_of_the_budget_warns_once():
    assert not decide(sends_today=78, daily_budget=100).budget_warning
    assert decide(sends_today=79, daily_budget=100).budget_warning
    assert not decide(sends_today=80, daily_budget=100).budget_warning


def test_the_longest_wait_is_reported_when_several_limits_apply():
    sends = [ago(seconds=s) for s in (3000, 2400, 1800, 1200, 30)]
    decision = decide(phone_sends=sends)
    assert decision.reason == "phone_hour"
    assert decision.retry_after == 600


def test_shanghai_day_starts_at_local_midnight():
    # 2026-11-26 16:30 UTC is already 27 Nov, 00:30 in Shanghai
    start = shanghai_day_start(datetime(2026, 11, 26, 16, 30, tzinfo=UTC))
    assert start.astimezone(UTC) == datetime(2026, 11, 26, 16, 0, tzinfo=UTC)


def test_waits_are_described_in_words():
    assert describe_wait(59) == "59 秒"
    assert describe_wait(61) == "2 分钟"
    assert describe_wait(3601) == "2 小时"
