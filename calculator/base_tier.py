"""Pure: the social-insurance-base bonus (社保缴费基数加分) from a person's monthly contribution bases.

Every month is judged against the average wage of its own 社保年度 (1 July to 30 June), not against one
figure for the whole window: a base of 12,400 元 is 1× in 2024 and below 1× from July 2025. Wage figures
come in as plain `WagePeriod` values (editor data, see calculator/wages.py); nothing here reads the clock
or the database.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

NONE = "none"
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


# A typo guard for a monthly base, for the helper's form and /api/v1/si-tier alike: the ceiling is under
# 40,000 yuan, so a real base is never near this.
BASE_MAX = 10_000_000


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day: datetime.date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """ "2025-07" → Month(2025, 7); ValueError for anything else."""
        match = _YEAR_MONTH.fullmatch(text)
        if not match or not 1 <= int(match[2]) <= 12:
            raise ValueError(text)
        return cls(int(match[1]), int(match[2]))

    def plus(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def social_insurance_year(self) -> int:
        """The calendar year in which this month's 社保年度 starts (July 2025–June 2026 → 2025)."""
        return self.year if self.month >= 7 else self.year - 1

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"


def months_between(first: Month, last: Month) -> list[Month]:
    """first..last inclusive."""
    months, current = [], first
    while current <= last:
        months.append(current)
        current = current.plus(1)
    return months


@dataclass(frozen=True)
class WagePeriod:
    period_from: datetime.date
    period_to: datetime.date  # inclusive
    monthly: int  # 全口径城镇单位就业人员月平均工资 of the year before, in yuan: the 1× amount
    base_floor: int
    base_ceiling: int  # the 3× amount
    source: str = ""
    verified_on: datetime.date | None = None
    source_url: str = ""

    def contains(self, day: datetime.date) -> bool:
        return self.period_from <= day <= self.period_to

    def threshold(self, multiple: Fraction) -> Fraction:
        """The lowest base that counts as `multiple` × the average; a base can never exceed the ceiling,
        so the ceiling itself always counts as 3×."""
        return min(multiple * self.monthly, Fraction(self.base_ceiling))


@dataclass(frozen=True)
class WageOn:
    period: WagePeriod
    # The day lies after the last known period: its figure stands in until the new one is entered.
    provisional: bool


def wage_on(periods: Iterable[WagePeriod], day: datetime.date) -> WageOn | None:
    """The period containing `day`; after the last period, the last one marked provisional; None before
    the first period (or in a gap between two), where no figure is known."""
    periods = sorted(periods, key=lambda p: p.period_from)
    for period in periods:
        if period.contains(day):
            return WageOn(period, provisional=False)
    if periods and day > periods[-1].period_to:
        return WageOn(periods[-1], provisional=True)
    return None


def missing_period_since(periods: Iterable[WagePeriod], today: datetime.date) -> datetime.date | None:
    """From 1 July on, the first day of the 社保年度 whose figure has not been entered yet; else None."""
    periods = list(periods)
    start = datetime.date(today.year if today.month >= 7 else today.year - 1, 7, 1)
    if not periods or any(p.contains(start) for p in periods):
        return None
    return start if start > max(p.period_to for p in periods) else None


@dataclass(frozen=True)
class TierRule:
    code: str  # the option code of the si_base_tier indicator
    multiple: Fraction
    window: int  # months before the month of application
    needed: int  # months at the multiple within the window


# 依据: 《上海市居住证积分管理办法》加分指标·缴纳职工社会保险费基数（RULES.md）: 申请前 4 年内累计缴费
# 36 个月，基数不低于上年度全市职工平均工资的 0.8、1、2 倍，分别计 25、50、100 分；申请前 3 年内累计
# 缴费 24 个月，基数达到 3 倍（即缴费基数上限），计 120 分。只取最高一档，故按分值从高到低排列。
TIER_RULES = (
    TierRule("x3", Fraction(3), window=36, needed=24),
    TierRule("x2", Fraction(2), window=48, needed=36),
    TierRule("x1", Fraction(1), window=48, needed=36),
    TierRule("x0_8", Fraction(4, 5), window=48, needed=36),
)
MULTIPLES = tuple(sorted(TIER_RULES, key=lambda rule: rule.multiple))  # 0.8×, 1×, 2×, 3×


@dataclass(frozen=True)
class MonthJudged:
    month: Month
    base: Decimal | None  # None: not paid (or not entered)
    wage: WageOn | None  # None: no figure known for this month
    reached: str  # the highest multiple's code the base reaches, or NONE

    @property
    def judged(self) -> bool:
        return self.base is not None and self.wage is not None


@dataclass(frozen=True)
class TierResult:
    tier: str
    months: Mapping[str, int]  # per code: months at that multiple or above, within that tier's window
    application: Month
    judged: tuple[MonthJudged, ...]  # every month of the longest window, oldest first
    # Months with a base but no known wage figure: not counted, and the tier may be higher than shown.
    unjudged: tuple[Month, ...]
    # Months judged against the last known figure because their own is not published yet.
    provisional: tuple[Month, ...]
    could_be_higher: bool


def base_tier(
    bases: Mapping[Month, Decimal | int],
    application: Month,
    periods: Iterable[WagePeriod],
    rules: tuple[TierRule, ...] = TIER_RULES,
) -> TierResult:
    """The tier reached by monthly bases (yuan; missing or 0 = not paid) for an application made in
    `application`, each month judged against its own period. Months at or after `application` are ignored."""
    periods = tuple(periods)
    longest = max(rule.window for rule in rules)
    judged = tuple(
        _judge(month, bases.get(month), periods, rules)
        for month in months_between(application.plus(-longest), application.plus(-1))
    )
    months = {}
    for rule in rules:
        first = application.plus(-rule.window)
        months[rule.code] = sum(
            1 for j in judged if j.month >= first and j.reached != NONE and _at_least(j.reached, rule, rules)
        )
    tier = _tier(months, rules)
    unjudged = tuple(j.month for j in judged if j.base is not None and j.wage is None)
    optimistic = dict(months)
    for rule in rules:
        first = application.plus(-rule.window)
        optimistic[rule.code] += sum(1 for month in unjudged if month >= first)
    return TierResult(
        tier=tier,
        months=months,
        application=application,
        judged=judged,
        unjudged=unjudged,
        provisional=tuple(j.month for j in judged if j.judged and j.wage.provisional),
        could_be_higher=_rank(_tier(optimistic, rules), rules) > _rank(tier, rules),
    )


def _judge(month, base, periods, rules) -> MonthJudged:
    if base is None or base <= 0:
        return MonthJudged(month, None, None, NONE)
    base = Decimal(base)
    wage = wage_on(periods, month.first_day)
    if wage is None:
        return MonthJudged(month, base, None, NONE)
    reached = NONE
    for rule in sorted(rules, key=lambda r: r.multiple):
        if Fraction(base) >= wage.period.threshold(rule.multiple):
            reached = rule.code
    return MonthJudged(month, base, wage, reached)


def _at_least(reached: str, rule: TierRule, rules) -> bool:
    multiple = next(r.multiple for r in rules if r.code == reached)
    return multiple >= rule.multiple


def _tier(months: Mapping[str, int], rules) -> str:
    return next((rule.code for rule in rules if months[rule.code] >= rule.needed), NONE)


def _rank(code: str, rules) -> int:
    """Higher is better: rules are listed best first."""
    codes = [rule.code for rule in rules]
    return len(codes) - codes.index(code) if code in codes else 0


def yearly_bases(
    per_year: Mapping[int, Decimal | int | None], unpaid: Mapping[int, Iterable[Month]] | None = None
) -> dict[Month, Decimal | int]:
    """Monthly bases from one base per 社保年度 (keyed by the year it starts in July), leaving out the
    months marked unpaid."""
    bases = {}
    for year, base in per_year.items():
        if base is None:
            continue
        skipped = set((unpaid or {}).get(year, ()))
        for month in months_between(Month(year, 7), Month(year + 1, 6)):
            if month not in skipped:
                bases[month] = base
    return bases


def social_insurance_years(application: Month, window: int = 48) -> list[int]:
    """The 社保年度 (by starting year) that the `window` months before `application` touch, oldest first."""
    first, last = application.plus(-window), application.plus(-1)
    return list(range(first.social_insurance_year, last.social_insurance_year + 1))


def _span(months: tuple[Month, ...]) -> str:
    first, last = months[0], months[-1]
    return f"{first.year}年{first.month}月" + ("" if first == last else f"至{last.year}年{last.month}月")


def tier_notices(result: TierResult) -> list[str]:
    """What the person must know about how far the result can be trusted, in Chinese."""
    notices = []
    if result.unjudged:
        notices.append(
            f"{_span(result.unjudged)}中有 {len(result.unjudged)} 个月，本站还没有当时的社会平均工资数据，"
            "这些月份没有计入。"
            + ("计入后可能达到更高一档，请以社保部门的核定为准。" if result.could_be_higher else "")
        )
    if result.provisional:
        wage = next(j.wage for j in result.judged if j.month == result.provisional[0])
        notices.append(
            f"{_span(result.provisional)}的社会平均工资尚未公布（或本站尚未录入），"
            f"这 {len(result.provisional)} 个月暂按上一年度的 {wage.period.monthly:,} 元判断，"
            "新数据公布后结果可能变化。"
        )
    return notices


def yuan(amount: Fraction | Decimal | int) -> str:
    """12434 → "12,434"; 0.8 × 12,434 → "9,947.2" (exact, never rounded up or down)."""
    value = (
        Decimal(amount.numerator) / Decimal(amount.denominator)
        if isinstance(amount, Fraction)
        else Decimal(amount)
    )
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True)
class Amount:
    code: str
    label: str  # "0.8 倍"
    yuan: str


def amounts(period: WagePeriod, rules: tuple[TierRule, ...] = TIER_RULES) -> list[Amount]:
    """The base each multiple needs in `period`, lowest first; the 3× amount is the ceiling."""
    return [
        Amount(rule.code, f"{_multiple_text(rule.multiple)} 倍", yuan(period.threshold(rule.multiple)))
        for rule in sorted(rules, key=lambda r: r.multiple)
    ]


def _multiple_text(multiple: Fraction) -> str:
    return str(multiple.numerator) if multiple.denominator == 1 else yuan(multiple)


@dataclass(frozen=True)
class YearSummary:
    year: int  # the 社保年度 starting in July of this year
    first: Month
    last: Month  # the part of the 48-month window in this year
    paid: int
    wage: WageOn | None
    reached: tuple[str, ...]  # the codes of the multiples reached by its paid months, highest first


def by_year(result: TierResult) -> list[YearSummary]:
    """The judged window grouped by 社保年度, oldest first, for showing beside the tier."""
    years: dict[int, list[MonthJudged]] = {}
    for judged in result.judged:
        years.setdefault(judged.month.social_insurance_year, []).append(judged)
    summaries = []
    for year, months in years.items():
        paid = [j for j in months if j.base is not None]
        summaries.append(
            YearSummary(
                year=year,
                first=months[0].month,
                last=months[-1].month,
                paid=len(paid),
                wage=next((j.wage for j in paid if j.wage), None),
                reached=tuple(dict.fromkeys(j.reached for j in paid if j.wage and j.reached != NONE)),
            )
        )
    return summaries


@dataclass(frozen=True)
class TierRow:
    code: str
    multiple: str  # "0.8 倍"
    first: Month
    last: Month
    window: int
    months: int  # months at this multiple or above within the window
    needed: int

    @property
    def met(self) -> bool:
        return self.months >= self.needed


def tier_rows(result: TierResult, rules: tuple[TierRule, ...] = TIER_RULES) -> list[TierRow]:
    """Each tier's window, months reached and months needed, lowest multiple first."""
    return [
        TierRow(
            rule.code,
            f"{_multiple_text(rule.multiple)} 倍",
            result.application.plus(-rule.window),
            result.application.plus(-1),
            rule.window,
            result.months[rule.code],
            rule.needed,
        )
        for rule in sorted(rules, key=lambda r: r.multiple)
    ]
