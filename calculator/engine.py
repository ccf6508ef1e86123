"""Pure scoring for 上海居住证积分: a Ruleset and Answers in, an itemised Result out.

No Django here: every rule of the points system is testable with plain values. The numbers live in the
ruleset (edited in admin, installed by a data migration); this module only knows the computation kinds.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

BASIC = "basic"
BONUS = "bonus"
DEDUCTION = "deduction"
VETO = "veto"
CATEGORIES = (BASIC, BONUS, DEDUCTION, VETO)

CHOICE = "choice"  # one option code (or several: only the highest counts), points per option
FLAG = "flag"  # yes/no worth fixed points
PER_UNIT = "per_unit"  # points per full unit, counted from a start value, optionally capped
BANDED = "banded"  # a number looked up in bands, e.g. age
DEDUCTION_PER_COUNT = "deduction"  # points taken off per occurrence
VETO_FLAG = "veto"  # yes makes the person ineligible, whatever the total
CONDITION = "condition"  # yes/no that scores nothing itself but gates options of a choice
KINDS = (CHOICE, FLAG, PER_UNIT, BANDED, DEDUCTION_PER_COUNT, VETO_FLAG, CONDITION)
NUMERIC_KINDS = (PER_UNIT, BANDED, DEDUCTION_PER_COUNT)
BOOLEAN_KINDS = (FLAG, VETO_FLAG, CONDITION)

# Required by every ruleset before it may be published: the questionnaire cannot score without them.
REQUIRED_KEYS = ("age", "education", "social_insurance_years")
# 依据: DESIGN §2 — age is the one answer that has no default.
REQUIRED_ANSWERS = ("age",)
# A single item worth more than this is almost certainly a typo (the standard score is 120).
SANE_POINTS_MAX = 200


@dataclass(frozen=True)
class Option:
    code: str
    label: str
    points: int
    # Answer key of a CONDITION indicator that must be answered yes for this option to score.
    requires: str = ""
    # Where the value comes from (empty: the indicator's basis) and when an editor last checked it.
    basis: str = ""
    verified_on: datetime.date | None = None
    verified_by: str = ""


@dataclass(frozen=True)
class Band:
    low: int
    high: int  # inclusive
    points: int
    notice: str = ""


@dataclass(frozen=True)
class Group:
    """Indicators of which only the highest counts, optionally capped (学历与职称二选一; 投资纳税或聘用)."""

    key: str
    label: str
    cap: int | None = None


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    category: str
    kind: str
    help_text: str = ""
    basis: str = ""
    active: bool = True
    group: str = ""
    options: tuple[Option, ...] = ()
    bands: tuple[Band, ...] = ()
    points: int = 0  # FLAG
    unit_size: int = 1  # PER_UNIT, DEDUCTION_PER_COUNT
    points_per_unit: int = 0
    start_at: int = 0  # PER_UNIT: below this value nothing counts
    cap: int | None = None
    min_value: int = 0  # numeric answers must lie in min_value..max_value
    max_value: int = 0
    unit: str = ""  # shown after numbers: 年, 次, 万元, 人, 周岁
    verified_on: datetime.date | None = None  # last checked against the policy text; None: 待核实
    verified_by: str = ""

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)

    def band(self, number) -> Band | None:
        if not isinstance(number, int) or isinstance(number, bool):
            return None
        return next((b for b in self.bands if b.low <= number <= b.high), None)


@dataclass(frozen=True)
class Ruleset:
    version: str
    name: str
    effective_from: datetime.date
    threshold: int
    floor: int
    indicators: tuple[Indicator, ...]
    groups: tuple[Group, ...] = ()
    # The last day the policy text says it applies (inclusive); None when it names none.
    valid_until: datetime.date | None = None
    valid_until_basis: str = ""

    def indicator(self, key: str) -> Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)

    def group(self, key: str) -> Group | None:
        return next((g for g in self.groups if g.key == key), None)

    @property
    def active_indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.active)


AnswerValue = int | bool | str | tuple[str, ...]


@dataclass(frozen=True)
class Answers:
    """Validated answers by key. Missing keys mean none / 0 / no."""

    values: Mapping[str, AnswerValue] = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def get(self, key: str, default: AnswerValue | None = None):
        return self.values.get(key, default)

    def replace(self, **changes: AnswerValue) -> Answers:
        return Answers({**self.values, **changes})


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    category: str
    points: int  # as counted in the total; deductions are negative
    note: str


@dataclass(frozen=True)
class Veto:
    key: str
    label: str


@dataclass(frozen=True)
class Result:
    ruleset: Ruleset
    items: tuple[Item, ...]
    subtotal: int  # sum of the items, before the floor
    total: int
    vetoes: tuple[Veto, ...]
    notices: tuple[str, ...]
    # The answer that puts the person outside the system ("「年龄」62 周岁"), or "": see outside_system.
    outside: str = ""

    @property
    def threshold(self) -> int:
        return self.ruleset.threshold

    @property
    def gap(self) -> int:
        return max(0, self.threshold - self.total)

    @property
    def eligible(self) -> bool:
        return not self.vetoes

    @property
    def reaches_threshold(self) -> bool:
        """Enough points to apply: no veto, covered by the system, and at least the threshold. Over 60 the
        total may pass it, yet no total lets such a person apply (RULES.md, 年龄)."""
        return self.eligible and not self.outside and self.total >= self.threshold

    def item(self, key: str) -> Item | None:
        return next((i for i in self.items if i.key == key), None)


# --- scoring -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scored:
    points: int
    note: str


def score(ruleset: Ruleset, answers: Answers) -> Result:
    """Score validated answers (see parse_answers) under a ruleset."""
    scored: dict[str, _Scored] = {}
    vetoes: list[Veto] = []
    notices: list[str] = []
    for indicator in ruleset.indicators:
        if not indicator.active:
            if indicator.key in answers.values:
                notices.append(f"「{indicator.label}」一项目前未启用，您填写的内容没有计入。")
            continue
        if indicator.kind == CONDITION:
            continue
        if indicator.kind == VETO_FLAG:
            if answers.get(indicator.key) is True:
                vetoes.append(Veto(indicator.key, indicator.label))
            continue
        result = _score_indicator(ruleset, indicator, answers)
        scored[indicator.key] = result
        if indicator.kind == BANDED:
            band = indicator.band(answers.get(indicator.key))
            if band and band.notice:
                notices.append(band.notice)

    counted = _apply_groups(ruleset, scored)
    items = tuple(
        Item(i.key, i.label, i.category, counted[i.key].points, counted[i.key].note)
        for i in ruleset.indicators
        if i.key in counted
    )
    subtotal = sum(item.points for item in items)
    return Result(
        ruleset=ruleset,
        items=items,
        subtotal=subtotal,
        total=max(ruleset.floor, subtotal),
        vetoes=tuple(vetoes),
        notices=tuple(notices),
        outside=outside_system(ruleset, answers),
    )


def outside_system(ruleset: Ruleset, answers: Answers) -> str:
    """The answer that puts a person outside the system ("「年龄」62 周岁"), or "".

    A band that scores nothing and carries a notice marks values the system does not cover (over 60)."""
    for indicator in ruleset.active_indicators:
        value = answers.get(indicator.key)
        if outside_system_band(indicator, value):
            return f"「{indicator.label}」{value} {indicator.unit}".rstrip()
    return ""


def outside_system_band(indicator: Indicator, value) -> bool:
    """Whether `value` falls in a band of `indicator` that the system does not cover (see outside_system)."""
    if indicator.kind != BANDED:
        return False
    band = indicator.band(value)
    return band is not None and bool(band.notice) and band.points == 0


def _score_indicator(ruleset: Ruleset, indicator: Indicator, answers: Answers) -> _Scored:
    value = answers.get(indicator.key)
    if indicator.kind == CHOICE:
        return _score_choice(ruleset, indicator, answers)
    if indicator.kind == FLAG:
        if value is True:
            return _Scored(indicator.points, f"是，计 {indicator.points} 分")
        return _Scored(0, "否，不计分")
    if indicator.kind == BANDED:
        number = value if isinstance(value, int) else 0
        band = indicator.band(number)
        if band is None:
            return _Scored(0, f"{number} {indicator.unit}不在计分范围内，不计分")
        return _Scored(band.points, f"{number} {indicator.unit}，计 {band.points} 分")
    if indicator.kind == PER_UNIT:
        return _score_per_unit(indicator, value if isinstance(value, int) else 0)
    if indicator.kind == DEDUCTION_PER_COUNT:
        count = value if isinstance(value, int) else 0
        if count <= 0:
            return _Scored(0, "无，不扣分")
        deducted = count * indicator.points_per_unit
        if indicator.cap is not None and deducted > indicator.cap:
            deducted = indicator.cap
        unit = indicator.unit or "次"
        note = f"{count} {unit}，每{unit}扣 {indicator.points_per_unit} 分，共扣 {deducted} 分"
        return _Scored(-deducted, note)
    raise ValueError(f"unknown indicator kind {indicator.kind!r}")


def _score_choice(ruleset: Ruleset, indicator: Indicator, answers: Answers) -> _Scored:
    value = answers.get(indicator.key)
    codes = (value,) if isinstance(value, str) else tuple(value or ())
    chosen = [o for o in (indicator.option(c) for c in codes) if o is not None]
    if not chosen:
        return _Scored(0, "未选择，不计分")
    candidates = []
    for option in chosen:
        condition = ruleset.indicator(option.requires) if option.requires else None
        if condition is not None and condition.active and answers.get(condition.key) is not True:
            # 依据: 中级/高级职称及二级/一级技能须近 12 个月内至少 6 个月
            # 社保缴费基数不低于上年度全市职工平均工资（崇明区政府说明，2021-09-11）。
            candidates.append(_Scored(0, f"{option.label}：未满足“{condition.label}”，不计分"))
        else:
            candidates.append(_choice_scored(option))
    best = max(candidates, key=lambda s: s.points)
    if len(chosen) > 1:
        return _Scored(best.points, f"{best.note}（多项只取最高一项）")
    return best


def _choice_scored(option: Option) -> _Scored:
    if option.points == 0:
        return _Scored(0, f"{option.label}，不计分")
    return _Scored(option.points, f"{option.label}，计 {option.points} 分")


def _score_per_unit(indicator: Indicator, number: int) -> _Scored:
    unit = indicator.unit
    if number <= 0:
        return _Scored(0, "无，不计分")
    if number < indicator.start_at:
        return _Scored(0, f"满 {indicator.start_at} {unit}才开始计分，目前 {number} {unit}，不计分")
    points = (number // indicator.unit_size) * indicator.points_per_unit
    note = f"{number} {unit}，每满 {indicator.unit_size} {unit}计 {indicator.points_per_unit} 分"
    if indicator.cap is not None and points > indicator.cap:
        return _Scored(indicator.cap, f"{note}，已达上限 {indicator.cap} 分")
    return _Scored(points, f"{note}，共 {points} 分")


def _apply_groups(ruleset: Ruleset, scored: dict[str, _Scored]) -> dict[str, _Scored]:
    counted = dict(scored)
    for group in ruleset.groups:
        members = [i for i in ruleset.indicators if i.group == group.key and i.key in scored]
        if not members:
            continue
        # max() keeps the first of equals, so a tie counts the member asked first.
        best = max(members, key=lambda i: scored[i.key].points)
        for member in members:
            own = scored[member.key]
            if member is best:
                if group.cap is not None and own.points > group.cap:
                    note = f"{own.note}；“{group.label}”最多计 {group.cap} 分"
                    counted[member.key] = _Scored(group.cap, note)
            elif own.points > 0:
                note = f"{own.note}；“{group.label}”只取较高一项，此项不计"
                counted[member.key] = _Scored(0, note)
    return counted


# --- answer validation ------------------------------------------------------------------------------


class InvalidAnswers(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def parse_answers(ruleset: Ruleset, data: object) -> Answers:
    """Check raw answers (decoded JSON) strictly against a ruleset; raise InvalidAnswers with Chinese
    messages per key. Keys of switched-off indicators are accepted as they are and ignored when scoring."""
    if not isinstance(data, Mapping):
        raise InvalidAnswers({"__all__": ['请提交一个 JSON 对象，例如 {"age": 30}。']})
    errors: dict[str, list[str]] = {}
    values: dict[str, AnswerValue] = {}
    for key, raw in data.items():
        indicator = ruleset.indicator(key) if isinstance(key, str) else None
        if indicator is None:
            errors[str(key)] = ["没有这一项，请检查拼写。"]
            continue
        if not indicator.active:
            values[key] = raw
            continue
        value, message = _parse_value(indicator, raw)
        if message:
            errors[key] = [message]
        else:
            values[key] = value
    for key in REQUIRED_ANSWERS:
        indicator = ruleset.indicator(key)
        if indicator is not None and indicator.active and key not in data and key not in errors:
            errors[key] = [f"请填写「{indicator.label}」。"]
    for key, most in years_beyond_age(ruleset, values).items():
        label = ruleset.indicator(key).label
        errors[key] = [
            f"「{label}」最多 {most} 年（年龄 {values['age']} 周岁）；请检查是不是把月数填成了年数。"
        ]
    if errors:
        raise InvalidAnswers(errors)
    return Answers(values)


# The youngest age from which years of work (and so of insurance, service or marriage) can count.
YEARS_COUNTED_FROM_AGE = 16


def years_beyond_age(ruleset: Ruleset, values: Mapping[str, object]) -> dict[str, int]:
    """Counts of years the age cannot hold, each with the most it can: more years of insurance, service or
    marriage than years since 16 is almost always months typed as years (36 for 3), a false pass."""
    age = values.get("age")
    if not isinstance(age, int) or isinstance(age, bool):
        return {}
    most = max(0, age - YEARS_COUNTED_FROM_AGE)
    return {
        indicator.key: most
        for indicator in ruleset.active_indicators
        if indicator.kind == PER_UNIT
        and indicator.unit == "年"
        and type(values.get(indicator.key)) is int
        and values[indicator.key] > most
    }


def _parse_value(indicator: Indicator, raw: object) -> tuple[AnswerValue | None, str]:
    label = f"「{indicator.label}」"
    if indicator.kind in BOOLEAN_KINDS:
        if isinstance(raw, bool):
            return raw, ""
        return None, f"{label}须为 true 或 false。"
    if indicator.kind in NUMERIC_KINDS:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None, f"{label}须为整数。"
        if not indicator.min_value <= raw <= indicator.max_value:
            return None, f"{label}须在 {indicator.min_value} 到 {indicator.max_value} 之间。"
        return raw, ""
    if indicator.kind == CHOICE:
        if isinstance(raw, list):
            # Only the highest option of an indicator counts, so one code says everything.
            return None, f"{label}只能填一个选项代码；有多项时填分值最高的一项。"
        if not isinstance(raw, str):
            return None, f"{label}须为选项代码（字符串）。"
        if indicator.option(raw) is None:
            valid = "、".join(o.code for o in indicator.options)
            return None, f"{label}没有“{raw}”这个选项，可选：{valid}。"
        return raw, ""
    raise ValueError(f"unknown indicator kind {indicator.kind!r}")


# --- building and checking rulesets -------------------------------------------------------------------


def build_ruleset(data: Mapping) -> Ruleset:
    """A Ruleset from the plain literal shape used by the data migration and by rulesets.py."""
    effective = _date(data["effective_from"])
    return Ruleset(
        version=data["version"],
        name=data["name"],
        effective_from=effective,
        threshold=data["threshold"],
        floor=data.get("floor", 0),
        groups=tuple(Group(g["key"], g["label"], g.get("cap")) for g in data.get("groups", ())),
        indicators=tuple(_build_indicator(i) for i in data["indicators"]),
        valid_until=_date(data.get("valid_until")),
        valid_until_basis=data.get("valid_until_basis", ""),
    )


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _build_indicator(data: Mapping) -> Indicator:
    simple = {k: v for k, v in data.items() if k not in ("options", "bands")}
    return Indicator(
        **simple,
        options=tuple(Option(**o) for o in data.get("options", ())),
        bands=tuple(Band(**b) for b in data.get("bands", ())),
    )


def ruleset_problems(ruleset: Ruleset) -> list[str]:
    """What stops a ruleset from being published, in Chinese; empty when it may be published."""
    problems: list[str] = []
    keys = [i.key for i in ruleset.indicators]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        problems.append(f"答案代码“{key}”重复出现，每个指标的代码必须唯一。")
    for key in REQUIRED_KEYS:
        indicator = ruleset.indicator(key)
        if indicator is None or not indicator.active:
            problems.append(f"缺少必备指标“{key}”（或未启用）。")
    if not 1 <= ruleset.threshold <= 1000:
        problems.append("标准分值须在 1 到 1000 之间。")
    if ruleset.floor < 0:
        problems.append("总分下限不能为负数。")
    group_keys = {g.key for g in ruleset.groups}
    for indicator in ruleset.indicators:
        problems.extend(_indicator_problems(ruleset, indicator, group_keys))
    for group in ruleset.groups:
        if group.cap is not None and not 0 <= group.cap <= SANE_POINTS_MAX:
            problems.append(f"“{group.label}”的上限须在 0 到 {SANE_POINTS_MAX} 之间。")
    return problems


def _indicator_problems(ruleset: Ruleset, indicator: Indicator, group_keys: set[str]) -> list[str]:
    name = f"“{indicator.label}”（{indicator.key}）"
    problems = []

    def sane(points, what):
        if points is not None and not 0 <= points <= SANE_POINTS_MAX:
            problems.append(f"{name}的{what}为 {points}，须在 0 到 {SANE_POINTS_MAX} 之间。")

    if indicator.kind not in KINDS:
        problems.append(f"{name}的计算方式“{indicator.kind}”无效。")
    if indicator.category not in CATEGORIES:
        problems.append(f"{name}的类别“{indicator.category}”无效。")
    if indicator.group and indicator.group not in group_keys:
        problems.append(f"{name}所属的组“{indicator.group}”不存在。")
    if indicator.kind in NUMERIC_KINDS and indicator.min_value > indicator.max_value:
        problems.append(f"{name}的取值下限大于上限。")
    if indicator.kind == CHOICE:
        codes = [o.code for o in indicator.options]
        if not codes:
            problems.append(f"{name}至少需要一个选项。")
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            problems.append(f"{name}的选项代码“{code}”重复。")
        for option in indicator.options:
            sane(option.points, f"选项“{option.label}”的分值")
            if option.requires:
                condition = ruleset.indicator(option.requires)
                if condition is None or condition.kind != CONDITION:
                    problems.append(f"{name}的选项“{option.label}”要求的前提条件“{option.requires}”不存在。")
    if indicator.kind == FLAG:
        sane(indicator.points, "分值")
    if indicator.kind in (PER_UNIT, DEDUCTION_PER_COUNT):
        sane(indicator.points_per_unit, "每单位分值")
        sane(indicator.cap, "上限")
        if indicator.unit_size < 1:
            problems.append(f"{name}的计分单位须至少为 1。")
    if indicator.kind == BANDED:
        problems.extend(band_problems(indicator))
        for band in indicator.bands:
            sane(band.points, f"{band.low}–{band.high} 档的分值")
    return problems


def band_problems(indicator: Indicator) -> list[str]:
    """Gaps, overlaps and overhangs of a banded indicator's bands over its min_value..max_value."""
    name = f"“{indicator.label}”（{indicator.key}）"
    bands = sorted(indicator.bands, key=lambda b: b.low)
    if not bands:
        return [f"{name}没有分档。"]
    problems = []
    for band in bands:
        if band.low > band.high:
            problems.append(f"{name}的分档 {band.low}–{band.high} 起点大于终点。")
    expected = indicator.min_value
    for band in bands:
        if band.low > expected:
            problems.append(f"{name}的分档缺少 {expected}–{band.low - 1}。")
        elif band.low < expected:
            problems.append(f"{name}的分档 {band.low}–{band.high} 与前一档重叠。")
        expected = max(expected, band.high + 1)
    if expected <= indicator.max_value:
        problems.append(f"{name}的分档缺少 {expected}–{indicator.max_value}。")
    if bands[0].low < indicator.min_value or bands[-1].high > indicator.max_value:
        problems.append(f"{name}的分档超出取值范围 {indicator.min_value}–{indicator.max_value}。")
    return problems
