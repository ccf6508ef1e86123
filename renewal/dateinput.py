"""Reading a date a person typed (a form field, a link's ?expiry=, the send_reminders command), with Chinese
messages for every mistake. The /api/v1 endpoints accept only YYYY-MM-DD (permitsite.api.parse_date)."""

import re
import unicodedata
from datetime import date

from renewal.deadlines import (
    EARLIEST_SUPPORTED,
    LATEST_SUPPORTED,
    SUPPORTED_RANGE_MESSAGE,
    UnsupportedDate,
    check_supported,
)

# 2026-06-15 is the form the API documents and <input type="date"> sends; people also type
# 2026/6/15, 2026.6.15 or 2026年6月15日, so those are read the same way. ASCII digits only: other
# scripts' digits are refused, after NFKC has turned a Chinese input method's ２０２６／６／１５ into ASCII.
DATE_PATTERN = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", re.ASCII)


class InvalidDate(ValueError):
    """The message is written for the person who typed the date."""


def parse_date(text: str) -> date:
    match = DATE_PATTERN.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if not match:
        raise InvalidDate("请按“2026-06-15”的格式填写日期。")
    year, month, day = (int(part) for part in match.groups())
    if not EARLIEST_SUPPORTED.year <= year <= LATEST_SUPPORTED.year:
        raise InvalidDate(SUPPORTED_RANGE_MESSAGE)
    if not 1 <= month <= 12:
        raise InvalidDate(f"没有{month}月，请检查日期。")
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise InvalidDate(f"{year}年{month}月没有{day}日，请检查日期。") from None
    try:
        check_supported(parsed)
    except UnsupportedDate as error:
        raise InvalidDate(str(error)) from None
    return parsed
