"""Pure: what the site says about the dates its rules cover.

A ruleset may carry `valid_until`, the last day its policy text says it applies. Asked about a later day
while no newer ruleset has been published, the site still answers under it but calls the answer stale and
says so. Plain values in, plain values out: no clock, no database.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from calculator import engine
from permitsite.dates import chinese_date

# The admin starts warning this many days before a ruleset in force runs out without a successor draft.
EXPIRY_WARNING_DAYS = 90


@dataclass(frozen=True)
class Validity:
    valid_until: datetime.date | None
    stale: bool
    notice: str  # empty unless stale


def validity(ruleset: engine.Ruleset, published: Iterable[engine.Ruleset], on: datetime.date) -> Validity:
    """Whether answering about `on` under `ruleset` is stale: `on` lies after its valid_until and no
    newer ruleset (a later effective date) has been published."""
    until = ruleset.valid_until
    newer = any(r.effective_from > ruleset.effective_from for r in published)
    stale = until is not None and on > until and not newer
    notice = ""
    if stale:
        notice = (
            f"现行积分规则（{ruleset.name}）的有效期到 {chinese_date(until)}，"
            f"{chinese_date(on)} 适用的新规则尚未公布。以下仍按现行规则估算，新规则公布后可能不同，仅供参考。"
        )
    return Validity(until, stale, notice)


def projection_notice(ruleset: engine.Ruleset, until: datetime.date) -> str:
    """For a projection reaching `until`: a sentence when that lies after the ruleset's valid_until."""
    if ruleset.valid_until is None or until <= ruleset.valid_until:
        return ""
    return (
        f"这一推算用到 {until.year}年{until.month}月，超出了现行积分规则的有效期"
        f"（到 {chinese_date(ruleset.valid_until)}）；到时规则可能调整，推算的日期也可能随之改变。"
    )


def expiry_warning(in_force: engine.Ruleset | None, successor_exists: bool, today: datetime.date) -> str:
    """The admin's warning from EXPIRY_WARNING_DAYS before the ruleset in force runs out while no
    successor (a draft, or a later published ruleset) exists; empty otherwise."""
    if in_force is None or in_force.valid_until is None or successor_exists:
        return ""
    days_left = (in_force.valid_until - today).days
    if days_left > EXPIRY_WARNING_DAYS:
        return ""
    when = chinese_date(in_force.valid_until)
    status = f"已于 {when} 到期" if days_left < 0 else f"将于 {when} 到期（还有 {days_left} 天）"
    return (
        f"正在使用的积分规则“{in_force.version}”{status}，还没有接替它的草稿。"
        "请关注新政策，复制一份草稿准备修改；到期后自测和接口会提示规则可能已过期。"
    )
