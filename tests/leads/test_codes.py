import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest

from leads.codes import (
    CHECK_MESSAGES,
    CODE_LIFETIME,
    MAX_WRONG_TRIES,
    CodeCheck,
    IssuedCode,
    check_code,
    code_hash,
    new_code,
    session_hash,
)

KEY = b"test-key"
NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)


def issued(code="042917", phone="13812345678", **kwargs):
    return IssuedCode(code_hash=code_hash(KEY, phone, code), expires_at=NOW + CODE_LIFETIME, **kwargs)


def test_new_code_is_six_digits():
    codes = {new_code() for _ in range(500)}
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert len(codes) > 450  # random, not a counter or a constant


def test_new_code_keeps_leading_zeros(monkeypatch):
    monkeypatch.setattr("leads.codes.secrets.randbelow", lambda n: 4217)
    assert new_code() == "004217"


def test_code_hash_is_hmac_sha256_of_phone_and_code():
    expected = hmac.new(b"test-key", b"code|13812345678|042917", hashlib.sha256).hexdigest()
    assert code_hash(KEY, "13812345678", "042917") == expected
    assert "042917" not in expected


def test_same_code_for_another_phone_or_key_hashes_differently():
    base = code_hash(KEY, "13812345678", "042917")
    assert code_hash(KEY, "13812345679", "042917") != base
    assert code_hash(b"other-key", "13812345678", "042917") != base


def test_session_hash_differs_per_session():
    assert session_hash(KEY, "abc") != session_hash(KEY, "abd")
    assert "abc" not in session_hash(KEY, "abc")


def test_the_right_code_within_five_minutes_is_ok():
    assert (
        check_code(issued(), "042917", "13812345678", KEY, NOW + timedelta(minutes=4, seconds=59))
        is CodeCheck.OK
    )


def test_a_wrong_code_is_wrong():
    assert check_code(issued(), "042918", "13812345678", KEY, NOW) is CodeCheck.WRONG


def test_the_code_of_another_number_is_wrong():
    assert check_code(issued(phone="13900000000"), "042917", "13812345678", KEY, NOW) is CodeCheck.WRONG


def test_the_code_expires_after_five_minutes():
    assert check_code(issued(), "042917", "13812345678", KEY, NOW + timedelta(minutes=5)) is CodeCheck.EXPIRED


def test_a_used_code_cannot_be_reused():
    assert check_code(issued(used=True), "042917", "13812345678", KEY, NOW) is CodeCheck.USED


def test_the_spent_code_again_moments_after_its_use_is_a_repeat_and_only_then():
    from leads.codes import REPEAT_WINDOW

    spent = issued(used=True, used_at=NOW)
    assert check_code(spent, "042917", "13812345678", KEY, NOW + REPEAT_WINDOW) is CodeCheck.REPEATED
    assert check_code(spent, "042918", "13812345678", KEY, NOW) is CodeCheck.USED
    late = NOW + REPEAT_WINDOW + timedelta(seconds=1)
    assert check_code(spent, "042917", "13812345678", KEY, late) is CodeCheck.USED


def test_after_five_wrong_tries_even_the_right_code_is_refused():
    assert MAX_WRONG_TRIES == 5
    assert check_code(issued(wrong_tries=4), "042917", "13812345678", KEY, NOW) is CodeCheck.OK
    assert check_code(issued(wrong_tries=5), "042917", "13812345678", KEY, NOW) is CodeCheck.LOCKED


def test_no_code_sent_is_missing():
    assert check_code(None, "042917", "13812345678", KEY, NOW) is CodeCheck.MISSING


@pytest.mark.parametrize("outcome", [c for c in CodeCheck if c is not CodeCheck.OK])
def test_every_refusal_has_a_chinese_message(outcome):
    assert "验证码" in CHECK_MESSAGES[outcome]
