"""validity.py: when an answer under a ruleset is stale, and what the admin and a projection say."""

import dataclasses
import datetime

from calculator.validity import expiry_warning, projection_notice, validity

D = datetime.date


END_2027 = D(2027, 12, 31)


def dated(ruleset, valid_until=END_2027, **changes):
    return dataclasses.replace(ruleset, valid_until=valid_until, **changes)


def test_stale_only_after_valid_until(default_ruleset):
    ruleset = dated(default_ruleset)
    assert not validity(ruleset, [ruleset], D(2027, 12, 31)).stale
    answer = validity(ruleset, [ruleset], D(2028, 1, 1))
    assert answer.stale
    assert "有效期到 2027年12月31日" in answer.notice
    assert "2028年1月1日" in answer.notice


def test_a_newer_published_ruleset_means_not_stale(default_ruleset):
    ruleset = dated(default_ruleset)
    newer = dated(default_ruleset, D(2032, 12, 31), version="2029-01", effective_from=D(2029, 1, 1))
    assert not validity(ruleset, [ruleset, newer], D(2028, 6, 1)).stale


def test_a_ruleset_without_valid_until_is_never_stale(default_ruleset):
    answer = validity(default_ruleset, [default_ruleset], D(2061, 1, 1))
    assert (answer.valid_until, answer.stale, answer.notice) == (None, False, "")


def test_a_projection_past_valid_until_says_so(default_ruleset):
    ruleset = dated(default_ruleset)
    assert projection_notice(ruleset, D(2027, 12, 1)) == ""
    assert "2031年3月" in projection_notice(ruleset, D(2031, 3, 1))
    assert "2027年12月31日" in projection_notice(ruleset, D(2031, 3, 1))


def test_the_admin_is_warned_from_90_days_before_while_no_successor_exists(default_ruleset):
    ruleset = dated(default_ruleset)
    assert expiry_warning(ruleset, False, D(2027, 10, 1)) == ""  # 91 days before
    assert "还有 90 天" in expiry_warning(ruleset, False, D(2027, 10, 2))
    assert expiry_warning(ruleset, True, D(2027, 10, 2)) == ""
    assert "已于 2027年12月31日 到期" in expiry_warning(ruleset, False, D(2028, 1, 1))
    assert expiry_warning(None, False, D(2028, 1, 1)) == ""
