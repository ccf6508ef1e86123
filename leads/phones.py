"""Mainland mobile numbers: normalise what people type, validate, mask for display.

Pure: no Django imports, so forms, admin, logs and the management commands share one rule.
"""

import re
import unicodedata

# 中国大陆手机号: 11 位, 以 1 开头, 第二位 3–9 (号段 13x–19x)。
MOBILE_RE = re.compile(r"1[3-9]\d{9}")

# People paste numbers as "+86 138-1234-5678", "0086 13812345678" or "(+86)138 1234 5678".
_SEPARATORS_RE = re.compile(r"[\s\-()（）.]")
_COUNTRY_PREFIXES = ("+86", "0086", "86")


class InvalidPhone(ValueError):
    pass


def normalize_phone(raw):
    """Return the 11 digits of a mainland mobile number, or raise InvalidPhone with a Chinese message."""
    if raw is None:
        raise InvalidPhone("请填写手机号码。")
    # NFKC turns full-width digits and "＋" from Chinese input methods into ASCII.
    text = _SEPARATORS_RE.sub("", unicodedata.normalize("NFKC", str(raw)))
    if not text:
        raise InvalidPhone("请填写手机号码。")
    for prefix in _COUNTRY_PREFIXES:
        # "86" alone is only a country code when 11 digits follow it.
        if text.startswith(prefix) and len(text) == len(prefix) + 11:
            text = text[len(prefix) :]
            break
    if not text.isascii() or not text.isdigit():
        raise InvalidPhone("手机号码只能包含数字，可带 +86 前缀。")
    if len(text) != 11:
        raise InvalidPhone("请输入 11 位中国大陆手机号码。")
    if not MOBILE_RE.fullmatch(text):
        raise InvalidPhone("这不是有效的中国大陆手机号码，请检查后重新输入。")
    return text


def mask_phone(phone):
    """138****1234: enough for a person to recognise their own number, useless to anyone else."""
    phone = phone or ""
    if len(phone) != 11:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[-4:]}"


# Eleven digits as people write them in a message: "138 1234 5678", "+86 138-1234-5678", "(+86)13812345678",
# full-width digits from a Chinese keyboard. `\d` matches those too; _masked checks the digits themselves.
_GAP = r"[\s\u3000\-－—–.]{0,2}"
_MOBILE_IN_TEXT_RE = re.compile(
    rf"(?<!\d)([(（]?(?:[+＋]|00)?86[)）]?[\s\u3000\-－—–.]*)?(\d{{3}}){_GAP}(\d{{4}}){_GAP}(\d{{4}})(?!\d)"
)


def _masked(match):
    country, head, middle, tail = match.groups()
    if not MOBILE_RE.fullmatch(unicodedata.normalize("NFKC", head + middle + tail)):
        return match[0]  # a landline or an order number: not a mobile
    return f"{country or ''}{head}****{tail}"


def scrub(text, *secrets):
    """Text safe to log: every mobile number masked, every given secret (an SMS code) starred out."""
    text = _MOBILE_IN_TEXT_RE.sub(_masked, str(text))
    for secret in secrets:
        if secret:
            text = text.replace(secret, "*" * len(secret))
    return text
