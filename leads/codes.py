"""SMS verification codes: how they are made, stored and checked.

Pure: the caller passes the clock and the key.

A code is never stored: only an HMAC-SHA256 of (phone, code) under a server-side key, so a leaked
database row cannot be turned back into a code without the key, even though there are only 10⁶ codes.
"""

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum
from hashlib import sha256

CODE_DIGITS = 6
CODE_LIFETIME = timedelta(minutes=5)
MAX_WRONG_TRIES = 5
# A phone on a slow network sends a final submit twice (a double tap, a tap on a page that seems stuck).
# Within this time the same session's second submission with the code its first one spent is recognised
# as that repeat (CodeCheck.REPEATED) instead of being refused as a used code.
REPEAT_WINDOW = timedelta(minutes=2)


def new_code():
    """Six digits from the OS's CSPRNG; leading zeros are kept ("004217")."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def code_hash(key, phone, code):
    return hmac.new(key, f"code|{phone}|{code}".encode(), sha256).hexdigest()


def session_hash(key, session_key):
    """Binds a code to the browser session that asked for it without storing the session key itself."""
    return hmac.new(key, f"session|{session_key}".encode(), sha256).hexdigest()


class CodeCheck(Enum):
    OK = "ok"
    MISSING = "missing"  # never sent to this phone in this session
    USED = "used"
    # Used, moments ago (REPEAT_WINDOW), by this session, and this is that code again: the caller answers
    # as it did the first time if the submission would change nothing now, and says USED otherwise.
    REPEATED = "repeated"
    LOCKED = "locked"  # too many wrong tries
    EXPIRED = "expired"
    WRONG = "wrong"


@dataclass(frozen=True)
class IssuedCode:
    code_hash: str
    expires_at: object  # aware datetime
    wrong_tries: int = 0
    used: bool = False
    used_at: object = None  # aware datetime, when used


def check_code(issued, submitted_code, phone, key, now):
    """Decide what a submitted code means. The caller records a WRONG try and marks an OK code used."""
    if issued is None:
        return CodeCheck.MISSING
    if issued.used:
        # Only the right code makes a repeat. A guess here gains nothing: the code is spent, and a repeat
        # can only be answered as the first submission was, never change anything.
        if (
            issued.used_at is not None
            and now - issued.used_at <= REPEAT_WINDOW
            and hmac.compare_digest(issued.code_hash, code_hash(key, phone, submitted_code))
        ):
            return CodeCheck.REPEATED
        return CodeCheck.USED
    if issued.wrong_tries >= MAX_WRONG_TRIES:
        return CodeCheck.LOCKED
    if now >= issued.expires_at:
        return CodeCheck.EXPIRED
    if hmac.compare_digest(issued.code_hash, code_hash(key, phone, submitted_code)):
        return CodeCheck.OK
    return CodeCheck.WRONG


# A submission that went through: stored now, or by the first of two taps (the service judged the repeat).
SUCCEEDED = (CodeCheck.OK, CodeCheck.REPEATED)

# What the person reads for each outcome (the form shows it under the 验证码 field).
CHECK_MESSAGES = {
    CodeCheck.MISSING: "请先点击“获取验证码”，并填写短信中的 6 位验证码。",
    CodeCheck.USED: "这个验证码已经用过了，请重新获取。",
    # For a caller that takes no repeats (a form wrong elsewhere): to it the code is simply used.
    CodeCheck.REPEATED: "这个验证码已经用过了，请重新获取。",
    CodeCheck.LOCKED: "验证码错误次数过多，请重新获取。",
    CodeCheck.EXPIRED: "验证码已过期（有效期 5 分钟），请重新获取。",
    CodeCheck.WRONG: "验证码不正确，请核对短信后重新输入。",
}
