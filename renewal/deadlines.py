"""签注 deadlines: the renewal window and status for a residence permit's expiry date.

Pure: takes the expiry date and ``today`` as plain dates and returns plain values, so every
rule can be tested without a clock, a database or a request.

Date convention (RENEWAL.md; the regulation does not say whether end days are inclusive):
the expiry date E is the last valid day printed on the card.

    E-30 … E        open           (window opens E-30, both ends inclusive)
    before E-30     not_yet_open
    E+1 … E+60      grace          (functions suspended; years still continuous)
    from E+61       lapsed         (years restart from the endorsement date)

Days are calendar days, not working days.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from permitsite.dates import chinese_date

# 依据: 《上海市居住证》有效期限届满之前的 30 日内办理签注。
WINDOW_DAYS_BEFORE_EXPIRY = 30
# 依据: 逾期 60 日内补办签注的，居住年限连续计算；逾期 60 日后补办的，重新计算。
GRACE_DAYS_AFTER_EXPIRY = 60

# Far enough either side for any real card, and keeps E-30 / E+60 clear of date.min / date.max.
EARLIEST_SUPPORTED = date(2000, 1, 1)
LATEST_SUPPORTED = date(2099, 12, 31)


class Status(StrEnum):
    NOT_YET_OPEN = "not_yet_open"
    OPEN = "open"
    GRACE = "grace"
    LAPSED = "lapsed"


class UnsupportedDate(ValueError):
    """A date outside the range the site reasons about; the message is shown to users."""


@dataclass(frozen=True)
class RenewalStatus:
    expiry: date
    today: date
    window_opens: date
    grace_ends: date
    status: Status
    # Only while the window is not yet open: calendar days from today until it opens.
    days_until_window_opens: int | None
    # Calendar days from today to the deadline that matters now (E while open, E+60 in grace);
    # 0 means today is that last day. None when there is nothing left to count down to.
    days_left: int | None
    # Whether endorsing today keeps the residence years counting continuously.
    years_continuous: bool
    message: str


SUPPORTED_RANGE_MESSAGE = (
    f"日期需在{chinese_date(EARLIEST_SUPPORTED)}至{chinese_date(LATEST_SUPPORTED)}之间。"
)


def check_supported(day: date) -> None:
    if not EARLIEST_SUPPORTED <= day <= LATEST_SUPPORTED:
        raise UnsupportedDate(SUPPORTED_RANGE_MESSAGE)


def renewal_status(expiry: date, today: date) -> RenewalStatus:
    check_supported(expiry)
    check_supported(today)
    window_opens = expiry - timedelta(days=WINDOW_DAYS_BEFORE_EXPIRY)
    grace_ends = expiry + timedelta(days=GRACE_DAYS_AFTER_EXPIRY)

    days_until_window_opens = None
    days_left = None
    if today < window_opens:
        status = Status.NOT_YET_OPEN
        days_until_window_opens = (window_opens - today).days
    elif today <= expiry:
        status = Status.OPEN
        days_left = (expiry - today).days
    elif today <= grace_ends:
        status = Status.GRACE
        days_left = (grace_ends - today).days
    else:
        status = Status.LAPSED

    return RenewalStatus(
        expiry=expiry,
        today=today,
        window_opens=window_opens,
        grace_ends=grace_ends,
        status=status,
        days_until_window_opens=days_until_window_opens,
        days_left=days_left,
        years_continuous=status is not Status.LAPSED,
        message=_message(status, expiry, window_opens, grace_ends, days_until_window_opens, days_left),
    )


# RENEWAL.md: every computed date is shown with this caveat; the API passes the message on as it is.
CAVEAT = "日期按公开规定推算，以受理部门最新规定为准。"


def _message(status, expiry, window_opens, grace_ends, days_until_window_opens, days_left) -> str:
    return _situation(status, expiry, window_opens, grace_ends, days_until_window_opens, days_left) + CAVEAT


def _situation(status, expiry, window_opens, grace_ends, days_until_window_opens, days_left) -> str:
    expiry_cn = chinese_date(expiry)
    grace_cn = chinese_date(grace_ends)
    if status is Status.NOT_YET_OPEN:
        return (
            f"还不能办理签注。您的居住证有效期到{expiry_cn}，"
            f"签注从{chinese_date(window_opens)}起可以办理，距离开放还有{days_until_window_opens}天。"
        )
    if status is Status.OPEN:
        if days_left == 0:
            countdown = "今天是有效期的最后一天，请今天就办理签注。"
        else:
            countdown = f"距离有效期最后一天还有{days_left}天，建议尽早办理。"
        return f"现在可以办理签注。您的居住证有效期到{expiry_cn}（含当天）。{countdown}"
    if status is Status.GRACE:
        if days_left == 0:
            countdown = "今天是最后一天，今天补办签注，居住年限仍连续计算。"
        else:
            countdown = f"在{grace_cn}（含当天）前补办签注，居住年限仍连续计算，还有{days_left}天。"
        return f"您的居住证已于{expiry_cn}到期，使用功能已中止，补办签注后即可恢复。{countdown}"
    return (
        f"您的居住证已于{expiry_cn}到期，逾期已超过60天（{grace_cn}为最后期限）。"
        "现在补办签注后证件功能可以恢复，但在本市的居住年限将从补办之日起重新计算。"
    )
