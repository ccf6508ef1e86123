"""Pure: what an editor reviews before a ruleset goes live.

- golden cases: sample profiles with hand-computed totals, scored again under the ruleset;
- values whose review date is missing or older than twelve months;
- the value-by-value difference between two rulesets (a draft and the ruleset in force).

Engine types and plain values in, plain values out; `today` is passed in.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from calculator import engine
from permitsite.dates import add_months

REVIEW_MONTHS = 12


# --- golden cases -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldenCase:
    description: str
    answers: Mapping
    expected_total: int


@dataclass(frozen=True)
class GoldenDifference:
    case: GoldenCase
    actual: int | None  # None when the answers no longer fit the ruleset
    problem: str = ""


def golden_differences(ruleset: engine.Ruleset, cases: Iterable[GoldenCase]) -> list[GoldenDifference]:
    """Every case whose total under `ruleset` differs from the expected one (or can no longer be scored)."""
    differences = []
    for case in cases:
        try:
            answers = engine.parse_answers(ruleset, case.answers)
        except engine.InvalidAnswers as invalid:
            problem = "；".join(f"{key}：{'、'.join(messages)}" for key, messages in invalid.errors.items())
            differences.append(GoldenDifference(case, None, f"答案不再适用于这个规则集（{problem}）"))
            continue
        total = engine.score(ruleset, answers).total
        if total != case.expected_total:
            differences.append(GoldenDifference(case, total))
    return differences


# --- review dates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unverified:
    where: str  # "年龄（age）" or "最高学历学位 › 硕士研究生学历学位（master）"
    indicator_key: str
    verified_on: datetime.date | None


def review_cutoff(today: datetime.date) -> datetime.date:
    """A review on or after this day counts as recent: the same day twelve months back (29 Feb: 28 Feb)."""
    return add_months(today, -REVIEW_MONTHS)


def unverified_values(ruleset: engine.Ruleset, today: datetime.date) -> list[Unverified]:
    """Active indicators and their options not checked against the policy text in the last twelve months.
    An option without a review date of its own shares its indicator's."""
    cutoff = review_cutoff(today)

    def stale(day):
        return day is None or day < cutoff

    found = []
    for indicator in ruleset.active_indicators:
        if stale(indicator.verified_on):
            found.append(
                Unverified(f"{indicator.label}（{indicator.key}）", indicator.key, indicator.verified_on)
            )
        for option in indicator.options:
            if option.verified_on is not None and stale(option.verified_on):
                where = f"{indicator.label} › {option.label}（{option.code}）"
                found.append(Unverified(where, indicator.key, option.verified_on))
    return found


# --- differences between two rulesets -----------------------------------------------------------------


CHANGED, ADDED, REMOVED = "changed", "added", "removed"


@dataclass(frozen=True)
class Difference:
    where: str  # what the value belongs to, e.g. "指标“年龄”（age）› 分档 44–44"
    field: str  # the value's name in Chinese; "" for a whole row added or removed
    old: object = None
    new: object = None
    indicator_key: str = ""  # for a link to the indicator's page
    change: str = CHANGED


RULESET_FIELDS = {
    "name": "名称",
    "valid_until": "有效期至",
    "valid_until_basis": "有效期依据",
    "threshold": "标准分值",
    "floor": "总分下限",
}
GROUP_FIELDS = {"label": "名称", "cap": "上限"}
INDICATOR_FIELDS = {
    "label": "名称",
    "category": "类别",
    "kind": "计算方式",
    "active": "启用",
    "group": "取高组",
    "points": "分值（是/否）",
    "unit_size": "每多少单位",
    "points_per_unit": "每单位分值",
    "start_at": "起算值",
    "cap": "上限",
    "min_value": "最小可填值",
    "max_value": "最大可填值",
    "unit": "单位",
    "help_text": "说明",
    "basis": "依据",
    "verified_on": "核对日期",
    "verified_by": "核对人",
}
OPTION_FIELDS = {
    "label": "名称",
    "points": "分值",
    "requires": "前提条件",
    "basis": "依据",
    "verified_on": "核对日期",
    "verified_by": "核对人",
}
BAND_FIELDS = {"points": "分值", "notice": "提示"}


def differences(old: engine.Ruleset, new: engine.Ruleset) -> list[Difference]:
    """Every value that differs from `old` to `new`, in questionnaire order; rows are matched by their
    codes (group and indicator keys, option codes) and bands by their range."""
    found = _fields("规则集", old, new, RULESET_FIELDS)
    found += _rows(
        {g.key: g for g in old.groups},
        {g.key: g for g in new.groups},
        lambda key, g: f"取高组“{g.label}”（{key}）",
        GROUP_FIELDS,
    )
    old_indicators = {i.key: i for i in old.indicators}
    for indicator in new.indicators:
        where = f"指标“{indicator.label}”（{indicator.key}）"
        before = old_indicators.get(indicator.key)
        if before is None:
            found.append(Difference(where, "", indicator_key=indicator.key, change=ADDED))
            continue
        found += _fields(where, before, indicator, INDICATOR_FIELDS, indicator.key)
        found += _rows(
            {o.code: o for o in before.options},
            {o.code: o for o in indicator.options},
            lambda code, o, where=where: f"{where} › 选项“{o.label}”（{code}）",
            OPTION_FIELDS,
            indicator.key,
        )
        found += _rows(
            {(b.low, b.high): b for b in before.bands},
            {(b.low, b.high): b for b in indicator.bands},
            lambda span, b, where=where: f"{where} › 分档 {span[0]}–{span[1]}",
            BAND_FIELDS,
            indicator.key,
        )
    new_keys = {i.key for i in new.indicators}
    for indicator in old.indicators:
        if indicator.key not in new_keys:
            where = f"指标“{indicator.label}”（{indicator.key}）"
            found.append(Difference(where, "", indicator_key=indicator.key, change=REMOVED))
    return found


def _fields(where, old, new, fields: Mapping[str, str], indicator_key="") -> list[Difference]:
    return [
        Difference(where, label, getattr(old, name), getattr(new, name), indicator_key)
        for name, label in fields.items()
        if getattr(old, name) != getattr(new, name)
    ]


def _rows(old: Mapping, new: Mapping, describe, fields, indicator_key="") -> list[Difference]:
    found = []
    for key, row in new.items():
        if key not in old:
            found.append(Difference(describe(key, row), "", indicator_key=indicator_key, change=ADDED))
        else:
            found += _fields(describe(key, row), old[key], row, fields, indicator_key)
    for key, row in old.items():
        if key not in new:
            found.append(Difference(describe(key, row), "", indicator_key=indicator_key, change=REMOVED))
    return found


# --- one line per indicator, as the rules read ----------------------------------------------------------


def value_summary(indicator: engine.Indicator) -> str:
    """The indicator's own values in one Chinese sentence (options and bands are listed separately)."""
    unit = indicator.unit
    # "No cap" would overstate it: the rules only name none, and a group may still cap the item.
    cap = f"，最多 {indicator.cap} 分" if indicator.cap is not None else "，规则没有写明本项上限"
    if indicator.kind == engine.CHOICE:
        points = sorted({o.points for o in indicator.options})
        return f"选一项，{len(indicator.options)} 个选项" + (
            f"，{points[0]}–{points[-1]} 分" if points else ""
        )
    if indicator.kind == engine.FLAG:
        return f"是：{indicator.points} 分"
    if indicator.kind == engine.PER_UNIT:
        start = f"满 {indicator.start_at} {unit}起算，" if indicator.start_at else ""
        return f"{start}每满 {indicator.unit_size} {unit}计 {indicator.points_per_unit} 分{cap}"
    if indicator.kind == engine.BANDED:
        return f"按分档：{indicator.min_value}–{indicator.max_value} {unit}，{len(indicator.bands)} 档"
    if indicator.kind == engine.DEDUCTION_PER_COUNT:
        limit = f"，最多扣 {indicator.cap} 分" if indicator.cap is not None else ""
        return f"每{unit or '次'}扣 {indicator.points_per_unit} 分{limit}"
    if indicator.kind == engine.VETO_FLAG:
        return "是：不符合申请条件（一票否决）"
    if indicator.kind == engine.CONDITION:
        return "是/否，本身不计分；答“否”时要求它的选项不计分"
    return ""
