"""Pure: the concrete ways a person can reach the standard score, ranked by effort.

Only what the ruleset itself offers is suggested: time passing (every yearly indicator the person is
accruing, while they also grow older), the next step of a choice indicator, and meeting a condition that
an answered option needs. `today` is passed in; nothing here reads the clock or the database.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from calculator import engine

# Social insurance is what every applicant keeps paying; other yearly indicators grow only once started.
ALWAYS_ACCRUING = "social_insurance_years"
TIME_UNIT = "年"
AGE_KEY = "age"


@dataclass(frozen=True)
class Suggestion:
    kind: str  # "time", "step_up", "condition"
    text: str
    gain: int  # points added to today's total
    reaches: bool
    months: int | None = None
    reached_on: datetime.date | None = None


@dataclass(frozen=True)
class Plan:
    total: int
    threshold: int
    gap: int
    eligible: bool
    suggestions: tuple[Suggestion, ...]
    keep_safe: tuple[str, ...]  # when already at the threshold: what would take it away


def plan(ruleset: engine.Ruleset, answers: engine.Answers, today: datetime.date) -> Plan:
    result = engine.score(ruleset, answers)
    base = dict(total=result.total, threshold=result.threshold, gap=result.gap, eligible=result.eligible)
    if not result.eligible:
        return Plan(**base, suggestions=(), keep_safe=())
    if result.total >= result.threshold:
        return Plan(**base, suggestions=(), keep_safe=_keep_safe(ruleset, answers, result))
    suggestions = []
    if (by_time := _by_time(ruleset, answers, result, today)) is not None:
        suggestions.append(by_time)
    suggestions += _conditions(ruleset, answers, result)
    suggestions += _step_ups(ruleset, answers, result)
    # What closes the gap first; among those, waiting before changing something, then the smallest change.
    order = {"time": 0, "condition": 1, "step_up": 2}
    suggestions.sort(key=lambda s: (not s.reaches, order[s.kind], s.months or 0, s.gain))
    return Plan(**base, suggestions=tuple(suggestions), keep_safe=())


def _total(ruleset, answers) -> int:
    return engine.score(ruleset, answers).total


def _accruing(ruleset: engine.Ruleset, answers: engine.Answers) -> list[engine.Indicator]:
    return [
        i
        for i in ruleset.active_indicators
        if i.kind == engine.PER_UNIT
        and i.unit == TIME_UNIT
        and (i.key == ALWAYS_ACCRUING or (answers.get(i.key) or 0) > 0)
    ]


def _by_time(ruleset, answers, result, today) -> Suggestion | None:
    accruing = _accruing(ruleset, answers)
    if not accruing:
        return None
    age = answers.get(AGE_KEY)
    age_indicator = ruleset.indicator(AGE_KEY)
    names = "、".join(i.label for i in accruing)
    for years in range(1, 61):
        # Stop where the age bands say the system no longer applies (a band with a notice, e.g. over 60).
        band = age_indicator.band(age + years) if age_indicator and isinstance(age, int) else None
        if isinstance(age, int) and (band is None or band.notice):
            break
        later = {i.key: min(i.max_value, (answers.get(i.key) or 0) + years) for i in accruing}
        if isinstance(age, int):
            later[AGE_KEY] = age + years
        total = _total(ruleset, answers.replace(**later))
        if total >= result.threshold:
            months = 12 * years
            reached_on = _add_months(today, months)
            return Suggestion(
                kind="time",
                text=(
                    f"继续在沪工作、按月缴纳社保，{names}逐年增加（年龄分同时按年龄变化），"
                    f"预计最晚 {reached_on.year} 年 {reached_on.month} 月达到 {result.threshold} 分。"
                ),
                gain=total - result.total,
                reaches=True,
                months=months,
                reached_on=reached_on,
            )
    return Suggestion(
        kind="time",
        text=(
            f"只靠{names}逐年累积，在积分制度适用的年龄内达不到 {result.threshold} 分，需要同时提高其他指标。"
        ),
        gain=0,
        reaches=False,
    )


def _conditions(ruleset, answers, result) -> list[Suggestion]:
    suggestions = []
    for indicator in ruleset.active_indicators:
        if indicator.kind != engine.CHOICE:
            continue
        for code in _codes(answers.get(indicator.key)):
            option = indicator.option(code)
            condition = ruleset.indicator(option.requires) if option and option.requires else None
            if condition is None or not condition.active or answers.get(condition.key) is True:
                continue
            total = _total(ruleset, answers.replace(**{condition.key: True}))
            if total > result.total:
                suggestions.append(
                    Suggestion(
                        kind="condition",
                        text=(
                            f"满足“{condition.label}”后，{option.label}可以计分，"
                            f"总分加 {total - result.total} 分。"
                        ),
                        gain=total - result.total,
                        reaches=total >= result.threshold,
                    )
                )
    return suggestions


def _step_ups(ruleset, answers, result) -> list[Suggestion]:
    """For each choice indicator: the next option that adds points, and, if that is not enough, the
    lowest option that reaches the threshold."""
    suggestions = []
    for indicator in ruleset.active_indicators:
        if indicator.kind != engine.CHOICE:
            continue
        current = set(_codes(answers.get(indicator.key)))
        gains = []
        for option in sorted(indicator.options, key=lambda o: o.points):
            if option.code in current:
                continue
            changed = answers.replace(**{indicator.key: option.code})
            if option.requires:
                changed = changed.replace(**{option.requires: True})
            total = _total(ruleset, changed)
            if total > result.total:
                gains.append((option, total))
        if not gains:
            continue
        picks = [gains[0]]
        reaching = next((g for g in gains if g[1] >= result.threshold), None)
        if reaching and reaching is not gains[0]:
            picks.append(reaching)
        for option, total in picks:
            needs = ""
            if option.requires and answers.get(option.requires) is not True:
                condition = ruleset.indicator(option.requires)
                needs = f"（还需满足“{condition.label}”）" if condition else ""
            suggestions.append(
                Suggestion(
                    kind="step_up",
                    text=(
                        f"{indicator.label}提高到“{option.label}”{needs}，总分加 {total - result.total} 分。"
                    ),
                    gain=total - result.total,
                    reaches=total >= result.threshold,
                )
            )
    return suggestions


def _keep_safe(ruleset, answers, result) -> tuple[str, ...]:
    notes = []
    for indicator in ruleset.active_indicators:
        if indicator.kind == engine.DEDUCTION_PER_COUNT:
            count = (answers.get(indicator.key) or 0) + 1
            if count > indicator.max_value:
                continue
            total = _total(ruleset, answers.replace(**{indicator.key: count}))
            drop = "就会低于" if total < result.threshold else "仍不低于"
            notes.append(
                f"避免“{indicator.label}”：每次扣 {indicator.points_per_unit} 分，"
                f"再有一次总分变为 {total} 分，{drop} {result.threshold} 分。"
            )
        elif indicator.kind == engine.VETO_FLAG:
            notes.append(f"避免“{indicator.label}”：属于一票否决，分数再高也不能申请。")
    return tuple(notes)


def _codes(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value or ())


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, 1)
