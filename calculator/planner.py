"""Pure: the true ways a person can reach the standard score, quickest first.

A route is a set of answer changes and the time they take. Candidates are time passing (every yearly count
accrues, the person grows older, deductions and statuses lapse), a step-up that really adds points under
the person's own conditions, meeting a condition that a held option needs, and one such change combined
with time when it does not reach on its own. Every route is checked by scoring the changed answers with
the engine, so its gain is the engine's difference, never an estimate.

What the rules do not say (how a count moves with time, how long a record counts, whether a person can
work towards an item, how long an option usually takes and what it needs) comes from editor data:
`Facts`, loaded from the database by calculator/plan_facts.py. Anything an editor has not entered stays
unknown: no duration is invented here. `today` is passed in; nothing here reads the clock or the database.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from calculator import engine, validity
from permitsite.dates import add_months

# How an answer moves as time passes (IndicatorFact.over_time).
STAYS = ""  # does not change by itself
ACCRUES = "accrues"  # one more each year: age, years of social insurance
ACCRUES_IF_STARTED = "accrues_if_started"  # one more each year once it is above zero (e.g. years in 环卫)
LAPSES = "lapses"  # counts only for `lapse_years` after it happened (deductions)
THIS_YEAR = "this_year"  # counts only in the calendar year it holds (应届: the graduation year)

# Whether a better answer is a route (IndicatorFact.route).
NOT_A_ROUTE = "none"
STEP_UP = "step_up"  # a person can work towards it: offered as a route
IF_OBTAINED = "if_obtained"  # nobody can choose it (awards): only "如果您获得…"

# Route kinds, as the API names them.
TIME = "time"
STEP = "step_up"
CONDITION = "condition"
COMBINED = "combined"

EFFORT_LABELS = {0: "只需等待", 1: "较少", 2: "中等", 3: "较大"}
# How far time is projected when nothing else stops it; the age bands normally stop it first.
HORIZON_YEARS = 60
# Routes of unknown time are flagged when the covered age ends this soon: the longest known step is 4 years.
NEAR_COVERED_AGE_YEARS = 5


@dataclass(frozen=True)
class Effort:
    """How much a route asks of the person: a level for ordering (None: unknown) and what it takes."""

    level: int | None = None
    note: str = ""

    @property
    def label(self) -> str:
        return EFFORT_LABELS.get(self.level, "待核实") if self.level is not None else "待核实"


@dataclass(frozen=True)
class IndicatorFact:
    key: str
    over_time: str = STAYS
    lapse_years: int | None = None
    route: str = NOT_A_ROUTE
    typical_months: int | None = None  # for a yes/no item or a condition; options have their own
    effort: Effort = Effort()
    basis: str = ""
    verified_on: datetime.date | None = None


@dataclass(frozen=True)
class OptionFact:
    key: str
    code: str
    typical_months: int | None = None
    # The option the typical time is counted from (e.g. 二级 from 三级); from anywhere else it is unknown.
    counted_from: str = ""
    effort: Effort = Effort()
    basis: str = ""
    verified_on: datetime.date | None = None


@dataclass(frozen=True)
class Facts:
    indicators: Mapping[str, IndicatorFact] = field(default_factory=dict)
    options: Mapping[tuple[str, str], OptionFact] = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "indicators", MappingProxyType(dict(self.indicators)))
        object.__setattr__(self, "options", MappingProxyType(dict(self.options)))

    @classmethod
    def of(cls, indicators=(), options=()) -> Facts:
        return cls({f.key: f for f in indicators}, {(f.key, f.code): f for f in options})

    def indicator(self, key: str) -> IndicatorFact:
        return self.indicators.get(key) or IndicatorFact(key)

    def option(self, key: str, code: str) -> OptionFact:
        return self.options.get((key, code)) or OptionFact(key, code)


@dataclass(frozen=True)
class Source:
    """Where a lapse window, a typical time or an effort note comes from, for the page to show."""

    label: str
    basis: str
    verified_on: datetime.date | None = None


@dataclass(frozen=True)
class Route:
    kind: str
    text: str
    changes: Mapping[str, engine.AnswerValue]
    gain: int  # the engine's total with the changes, minus today's
    reaches: bool  # the changed answers reach the threshold and are eligible
    months: int | None  # from today; None when a step it needs has no known typical time
    effort: Effort
    total: int
    reached_on: datetime.date | None  # today + months: lets a caller compare with a ruleset's end date
    source: str = ""  # the indicator whose change this is ("" for time alone)
    sources: tuple[Source, ...] = ()
    title: str = ""  # the change in a few words, for a list on a phone
    # Whether the typical time rests on sources someone has checked; if not, `when` says 待核实.
    months_verified: bool = True
    # It gets there after the ruleset's valid_until: the rules may have changed by then.
    beyond_valid_until: bool = False

    def __post_init__(self):
        object.__setattr__(self, "changes", MappingProxyType(dict(self.changes)))

    @property
    def when(self) -> str:
        """When the route gets there, in a few words."""
        if self.reached_on is None:
            return "所需时间待核实"
        on = f"{self.reached_on.year} 年 {self.reached_on.month} 月"
        if self.kind == TIME:
            return f"最晚 {on}（{self.months // 12} 年后）"
        unverified = "" if self.months_verified else "，待核实"
        return f"约 {on}（通常约 {self.months} 个月{unverified}）"


@dataclass(frozen=True)
class Hint:
    """Something nobody can choose (an award): what it would add, never a route."""

    text: str
    changes: Mapping[str, engine.AnswerValue]
    gain: int
    reaches: bool


@dataclass(frozen=True)
class Plan:
    result: engine.Result
    routes: tuple[Route, ...]
    hints: tuple[Hint, ...]
    notices: tuple[str, ...]
    # When routes get there after the ruleset's valid_until: that the rules may have changed by then.
    beyond_valid_until: tuple[str, ...] = ()

    @property
    def passes(self) -> bool:
        """At the threshold, eligible and covered by the system: the person's next step is to apply."""
        return self.result.reaches_threshold

    @property
    def outside(self) -> str:
        return self.result.outside

    @property
    def total(self) -> int:
        return self.result.total

    @property
    def gap(self) -> int:
        return self.result.gap


def plan(
    ruleset: engine.Ruleset,
    answers: engine.Answers,
    today: datetime.date,
    facts: Facts,
    *,
    horizon_years: int = HORIZON_YEARS,
) -> Plan:
    """Routes to the threshold for validated answers, quickest first.

    `horizon_years` bounds every projection; the age bands stop it earlier. Each route carries `reached_on`,
    so a caller can mark routes that end after the rules in force run out."""
    result = engine.score(ruleset, answers)
    if not result.eligible:
        labels = "、".join(f"「{v.label}」" for v in result.vetoes)
        notice = f"您有一票否决事项（{labels}），分数再高也不能按积分申办，所以这里不列出补分途径。"
        return Plan(result, (), (), (notice,))
    if result.outside:
        notice = (
            f"{result.outside}不在积分制度适用范围内，哪条途径都不能让您按积分申办，所以这里不列出补分途径。"
        )
        return Plan(result, (), (), (notice,))
    finder = _Finder(ruleset, answers, today, facts, horizon_years, result)
    if result.reaches_threshold:
        return Plan(result, (), (), finder.falls_back())
    routes = finder.routes()
    notices = ()
    beyond = ()
    if ruleset.valid_until is not None:
        routes = tuple(
            replace(r, beyond_valid_until=r.reached_on is not None and r.reached_on > ruleset.valid_until)
            for r in routes
        )
        late = [r.reached_on for r in routes if r.beyond_valid_until]
        if late:
            beyond = (validity.projection_notice(ruleset, max(late)),)
    if not routes:
        notices = ("按目前的规则和您的情况，本站没有找到能提高总分的途径，建议请顾问帮您核实。",)
    elif not routes[0].reaches:
        notices = (
            f"按目前的规则，单靠下面任何一条都达不到 {ruleset.threshold} 分；它们按能加的分数排列，"
            "可以组合起来考虑，或请顾问帮您核实。",
        )
    notices += finder.near_covered_age(routes)
    return Plan(result, routes, finder.hints(), notices, beyond_valid_until=beyond)


def order_key(route: Route):
    """Reaching routes first: known months ascending, then unknown months, then effort (unknown last), the
    smaller change first. Routes that do not reach follow, the biggest gain first."""
    if not route.reaches:
        return (1, -route.gain)
    effort = route.effort.level
    return (0, route.months is None, route.months or 0, effort is None, effort or 0, route.gain)


class _Finder:
    def __init__(self, ruleset, answers, today, facts, horizon_years, result):
        self.ruleset = ruleset
        self.answers = answers
        self.today = today
        self.facts = facts
        self.horizon = horizon_years
        self.result = result
        self._projected: dict[int | None, engine.Answers | None] = {}
        self._base_totals: dict[int | None, int] = {}

    # --- projections over time ---------------------------------------------------------------------

    def projected(self, months: int | None) -> engine.Answers | None:
        """The answers as they will stand `months` from today; None outside the system (too old).

        Counts move by whole years; a status valid only this year is gone once the year has turned. For a
        step of unknown length (`months` None) nothing accrues or lapses, but such statuses are gone: no
        step is taken to be quick enough to keep them."""
        if months not in self._projected:
            self._projected[months] = self._project(months)
        return self._projected[months]

    def _project(self, months: int | None) -> engine.Answers | None:
        if months == 0:
            return self.answers
        years = (months or 0) // 12
        if years > self.horizon:
            return None
        year_turned = months is None or add_months(self.today, months).year > self.today.year
        values = dict(self.answers.values)
        for indicator in self.ruleset.active_indicators:
            fact = self.facts.indicator(indicator.key)
            current = self.answers.get(indicator.key)
            if fact.over_time in (ACCRUES, ACCRUES_IF_STARTED) and indicator.kind in engine.NUMERIC_KINDS:
                number = _number(current)
                grown = _grown(indicator, number, months or 0)
                if grown != number and (fact.over_time == ACCRUES or number > 0):
                    values[indicator.key] = grown
            elif (
                fact.over_time == LAPSES and fact.lapse_years is not None and years >= fact.lapse_years
            ) or (fact.over_time == THIS_YEAR and year_turned):
                cleared = _cleared(indicator, current)
                if cleared is not None:
                    values[indicator.key] = cleared
        projected = engine.Answers(values)
        return None if engine.outside_system(self.ruleset, projected) else projected

    def _score(self, answers: engine.Answers) -> engine.Result:
        return engine.score(self.ruleset, answers)

    # --- the candidates ------------------------------------------------------------------------------

    def routes(self) -> tuple[Route, ...]:
        by_time = self._by_time()
        time_months = by_time.months if by_time and by_time.reaches else None
        best = [by_time] if by_time else []
        by_source: dict[str, list[_Change]] = {}
        for change in self._changes():
            by_source.setdefault(change.source, []).append(change)
        # One route per indicator, so the list stays short and every entry is a real choice.
        for changes in by_source.values():
            route = self._best_of(changes, time_months)
            if route is not None:
                best.append(route)
        if any(r.reaches for r in best):
            best = [r for r in best if r.reaches]
        return tuple(sorted(best, key=order_key))

    def _best_of(self, changes: list[_Change], time_months: int | None) -> Route | None:
        """Of one indicator's changes: the smallest step that reaches by itself (0.8 倍 before 3 倍), else the
        quickest combination with time, else the biggest gain. Never one slower than waiting alone."""

        def quicker(route):
            return time_months is None or route.months is None or route.months < time_months

        alone = [(c, r) for c in changes if (r := self._alone(c)) is not None and quicker(r)]
        reaching = [(c, r) for c, r in alone if r.reaches]
        if reaching:
            return min(reaching, key=lambda pair: (pair[0].step, order_key(pair[1])))[1]
        combined = [r for c in changes if (r := self._combined(c, time_months)) is not None and quicker(r)]
        if combined:
            return min(combined, key=order_key)
        return max((r for _, r in alone), key=lambda r: r.gain, default=None)

    def _by_time(self) -> Route | None:
        """The first whole year in which time alone reaches; else the best that time can do."""
        best = None
        for years in range(1, self.horizon + 1):
            later = self.projected(12 * years)
            if later is None:
                break
            scored = self._score(later)
            if scored.reaches_threshold:
                return self._time_route(later, scored, years)
            if scored.total > self.result.total and (best is None or scored.total > best[1].total):
                best = (later, scored, years)
        return self._time_route(*best) if best else None

    def _time_route(self, later, scored, years) -> Route:
        changes = _differences(self.answers, later)
        months = 12 * years
        reached_on = add_months(self.today, months)
        what = self._describe_time(changes)
        gain = scored.total - self.result.total
        outcome = self._outcome(scored, gain)
        when = f"{years} 年后（最晚 {reached_on.year} 年 {reached_on.month} 月）"
        text = f"不做别的改变，{when}：{what}。{outcome}"
        return Route(TIME, text, changes, gain, scored.reaches_threshold, months, self._time_effort(changes),
                     scored.total, reached_on, "", self._time_sources(changes),
                     f"不做别的改变，等 {years} 年")  # fmt: skip

    def _time_sources(self, changes) -> tuple[Source, ...]:
        sources = []
        for key in changes:
            fact = self.facts.indicator(key)
            if fact.basis and fact.over_time in (LAPSES, THIS_YEAR):
                sources.append(Source(self.ruleset.indicator(key).label, fact.basis, fact.verified_on))
        return tuple(sources)

    def _describe_time(self, changes) -> str:
        parts = []
        for key, value in changes.items():
            indicator = self.ruleset.indicator(key)
            fact = self.facts.indicator(key)
            if fact.over_time in (ACCRUES, ACCRUES_IF_STARTED):
                parts.append(f"{indicator.label}到 {value} {indicator.unit}".rstrip())
            elif fact.over_time == LAPSES:
                parts.append(f"「{indicator.label}」满 {fact.lapse_years} 年后不再计入")
            elif fact.over_time == THIS_YEAR:
                unverified = "" if fact.verified_on else "，本站按自然年推算，以哪天为准待核实"
                parts.append(f"「{indicator.label}」过了当年不再计分{unverified}")
        return "，".join(parts)

    def _time_effort(self, changes) -> Effort:
        efforts = [
            self.facts.indicator(key).effort
            for key in changes
            if self.facts.indicator(key).over_time in (ACCRUES, ACCRUES_IF_STARTED)
            and self.facts.indicator(key).effort.note
        ]
        if not efforts:
            return Effort(0, "")
        level = None if any(e.level is None for e in efforts) else max(e.level for e in efforts)
        return Effort(level, "；".join(dict.fromkeys(e.note for e in efforts)))

    def _changes(self):
        """Each single change a person can work towards: (source key, changes, months, effort, what)."""
        for indicator in self.ruleset.active_indicators:
            fact = self.facts.indicator(indicator.key)
            if indicator.kind == engine.CONDITION:
                yield from self._condition_change(indicator, fact)
            elif fact.route == STEP_UP:
                yield from self._step_ups(indicator, fact)

    def _step_ups(self, indicator, fact):
        if indicator.kind == engine.FLAG and self.answers.get(indicator.key) is not True:
            what = f"符合「{indicator.label}」"
            sources = _sources(indicator.label, fact)
            changes = {indicator.key: True}
            yield _Change(STEP, indicator.key, changes, fact.typical_months, fact.effort, what, sources,
                          indicator.points, what, checked=fact.verified_on is not None)  # fmt: skip
        if indicator.kind != engine.CHOICE:
            return
        held = [indicator.option(c) for c in _codes(self.answers.get(indicator.key))]
        held = [o for o in held if o is not None]
        current = max(held, key=lambda o: o.points, default=None)
        # Never a level worth the same or less: 二级技师 is no step from 高级职称, nor 中级职称 from 二级技师.
        for option in indicator.options:
            if option.points <= (current.points if current else 0):
                continue
            changes = {indicator.key: option.code}
            needs = ""
            if option.requires:
                condition = self.ruleset.indicator(option.requires)
                if condition is not None and condition.active:
                    if option.requires in self.answers.values:
                        if self.answers.get(option.requires) is not True:
                            continue  # the person's own condition is not met: this level would score nothing
                    else:
                        changes[option.requires] = True  # not asked yet: say that it is needed too
                        needs = f"，并且{condition.label}"
            option_fact = self.facts.option(indicator.key, option.code)
            months = option_fact.typical_months
            effort = option_fact.effort
            held = current.code if current else next((o.code for o in indicator.options if o.points == 0), "")
            at_least = 0
            if option_fact.counted_from and option_fact.counted_from != held:
                # The typical time and the effort note hold only from the level they are counted from: from
                # anywhere else the whole time is unknown and the note starts with getting that level first.
                # The known times of the levels on the way to that first level are the least the whole takes.
                months = None
                start_at = indicator.option(option_fact.counted_from)
                first = option_fact.counted_from
                at_least, all_known, checked = self._known_months_to(indicator, first, held)
                if start_at is not None and effort.note:
                    unverified = "" if checked else "，待核实"
                    first_time = f"通常约 {at_least} 个月{unverified}" if at_least and all_known else ""
                    first_time = first_time or "所需时间待核实"
                    effort = Effort(None, f"先要取得「{start_at.label}」（{first_time}），然后{effort.note}")
            if option.requires in changes:
                condition_months = self.facts.indicator(option.requires).typical_months
                months = None if months is None or condition_months is None else max(months, condition_months)
            start = f"从「{current.label}」" if current else ""
            what = f"{indicator.label}{start}提高到「{option.label}」{needs}"
            sources = _sources(option.label, option_fact)
            checked = option_fact.verified_on is not None
            if option.requires in changes:
                sources += _sources(condition.label, self.facts.indicator(option.requires))
                checked = checked and self.facts.indicator(option.requires).verified_on is not None
            title = f"{indicator.label}：{option.label}{needs}"
            yield _Change(STEP, indicator.key, changes, months, effort, what, sources,
                          option.points, title, at_least or None, checked=checked)  # fmt: skip

    def _known_months_to(self, indicator, code: str, held: str) -> tuple[int, bool, bool]:
        """The typical months from the level held to `code`, level after level along what each is counted
        from (大专以下 → 大专 → 本科), whether every step's time is known and whether every one is checked.
        A step of unknown time adds nothing, so the months are the least the way can take; (0, False, False)
        when the way is not known."""
        below = indicator.option(held)
        months, all_known, checked, seen = 0, True, True, set()
        while code and code != held:
            option, fact = indicator.option(code), self.facts.option(indicator.key, code)
            if code in seen or option is None or (below is not None and option.points <= below.points):
                return 0, False, False  # a loop, or a level no higher than the one held: not the way
            seen.add(code)
            months += fact.typical_months or 0
            all_known = all_known and bool(fact.typical_months)
            checked = checked and fact.verified_on is not None
            code = fact.counted_from
        return months, all_known, checked

    def _condition_change(self, indicator, fact):
        if self.answers.get(indicator.key) is True:
            return
        for holder in self.ruleset.active_indicators:
            if holder.kind != engine.CHOICE:
                continue
            for code in _codes(self.answers.get(holder.key)):
                option = holder.option(code)
                if option is not None and option.requires == indicator.key:
                    what = f"满足「{indicator.label}」，让您已有的「{option.label}」计分"
                    changes = {indicator.key: True}
                    sources = _sources(indicator.label, fact)
                    title = f"满足「{indicator.label}」"
                    yield _Change(CONDITION, indicator.key, changes, fact.typical_months, fact.effort, what,
                                  sources, 0, title, checked=fact.verified_on is not None)  # fmt: skip
                    return

    def _alone(self, change: _Change) -> Route | None:
        """The change by itself, scored when it would typically be done; None if it adds nothing."""
        base = self.projected(change.months)
        if base is None:
            return None  # done only after the age the system covers
        if (
            change.months is None
            and change.at_least_months
            and self.projected(change.at_least_months) is None
        ):
            return None  # even its known part ends after the age the system covers
        scored = self._score(base.replace(**change.changes))
        if scored.total <= self._base_total(change.months) or scored.total <= self.result.total:
            return None  # the change itself adds nothing under the person's own conditions
        return self._change_route(change, base, scored, change.kind, change.months, change.months)

    def _combined(self, change: _Change, time_months: int | None) -> Route | None:
        """The change with the fewest extra years that reach, if sooner than waiting alone."""
        for years in range((change.months or change.at_least_months or 0) // 12 + 1, self.horizon + 1):
            if time_months is not None and 12 * years >= time_months:
                return None  # waiting alone is as quick and asks nothing
            later = self.projected(12 * years)
            if later is None:
                return None
            scored = self._score(later.replace(**change.changes))
            if scored.reaches_threshold and scored.total > self._base_total(12 * years):
                months = None if change.months is None else max(12 * years, change.months)
                return self._change_route(change, later, scored, COMBINED, 12 * years, months)
        return None

    def _base_total(self, months: int | None) -> int:
        if months not in self._base_totals:
            self._base_totals[months] = self._score(self.projected(months)).total
        return self._base_totals[months]

    def _change_route(self, change, base, scored, kind, at_months, months) -> Route:
        """`at_months`: when `base` stands (None: some time after this year); `months`: the route's time."""
        moved = _differences(self.answers, base)
        changes = {**moved, **change.changes}
        gain = scored.total - self.result.total
        typical = "所需时间待核实" if change.months is None else f"通常约 {change.months} 个月"
        reached_on = None if months is None else add_months(self.today, months)
        waited = self._describe_time(moved)
        if kind == COMBINED:
            then = add_months(self.today, at_months)
            on = f"{then.year} 年 {then.month} 月"
            if change.months is None:  # the date is only when the waiting is done, never when the step is
                years = at_months // 12
                text = f"{change.what}（{typical}），并且至少要等到 {on}（再过 {years} 年）：那时{waited}。"
            else:
                text = f"{change.what}（{typical}），并再等 {at_months // 12} 年：到 {on}，{waited}。"
        elif waited and at_months:
            then = add_months(self.today, at_months)
            text = f"{change.what}，{typical}；到时（{then.year} 年 {then.month} 月）{waited}。"
        elif waited:
            text = f"{change.what}，{typical}；到时{waited}。"
        else:
            text = f"{change.what}。{typical}。"
        text += self._outcome(scored, gain)
        sources = change.sources + self._time_sources(changes)
        title = change.title if kind != COMBINED else f"{change.title}，再等 {at_months // 12} 年"
        return Route(kind, text, changes, gain, scored.reaches_threshold, months, change.effort, scored.total,
                     reached_on, change.source, sources, title,
                     months_verified=change.checked)  # fmt: skip

    def _outcome(self, scored, gain) -> str:
        threshold = self.ruleset.threshold
        if scored.reaches_threshold:
            return f"总分将为 {scored.total} 分（加 {gain} 分），达到 {threshold} 分。"
        return f"总分将为 {scored.total} 分（加 {gain} 分），仍差 {threshold - scored.total} 分。"

    # --- what nobody can choose, and what time takes away -----------------------------------------------

    def hints(self) -> tuple[Hint, ...]:
        hints = []
        for indicator in self.ruleset.active_indicators:
            if self.facts.indicator(indicator.key).route != IF_OBTAINED:
                continue
            if indicator.kind == engine.FLAG and self.answers.get(indicator.key) is not True:
                hints.append(self._hint({indicator.key: True}, f"符合「{indicator.label}」"))
            elif indicator.kind == engine.CHOICE:
                held = [indicator.option(c) for c in _codes(self.answers.get(indicator.key))]
                floor = max((o.points for o in held if o is not None), default=0)
                for option in indicator.options:
                    if option.points > floor:
                        hints.append(self._hint({indicator.key: option.code}, f"获得「{option.label}」"))
        return tuple(h for h in hints if h.gain > 0)

    def _hint(self, changes, what) -> Hint:
        scored = self._score(self.answers.replace(**changes))
        gain = scored.total - self.result.total
        reach = f"，达到 {self.ruleset.threshold} 分" if scored.reaches_threshold else ""
        counted = scored.subtotal - self.result.subtotal
        if counted != gain:  # deductions took the total below the floor: part of the item fills that first
            text = (
                f"如果您{what}：这一项计 {counted} 分，先要抵掉扣分后低于 {self.ruleset.floor} 分的部分，"
                f"总分变为 {scored.total} 分{reach}。"
            )
        else:
            text = f"如果您{what}：加 {gain} 分{reach}。"
        return Hint(text, changes, gain, scored.reaches_threshold)

    def falls_back(self) -> tuple[str, ...]:
        """For a passing result: warn when time alone takes the total below the threshold, at the first
        point it does. A status valid only this calendar year (应届) is gone from 1 January, before any
        yearly count has moved; the other changes come with the year after. The warning says by which date
        to apply and, when the finder knows one, the quickest route that keeps the total at the threshold."""
        last_day = datetime.date(self.today.year, 12, 31)
        # projected(None): this year's statuses gone, nothing accrued — the answers on 1 January.
        for later, months, when in (
            (self.projected(None), None, f"{last_day.year} 年 12 月 31 日以后"),
            (self.projected(12), 12, None),
        ):
            if later is None or later == self.answers:
                continue
            scored = self._score(later)
            if scored.reaches_threshold:
                continue
            changed = _differences(self.answers, later)
            if months is None and not changed:
                continue
            lost = "，".join(
                self._describe_time({k: v})
                for k, v in changed.items()
                if self.facts.indicator(k).over_time in (LAPSES, THIS_YEAR)
            )
            because = f"（{lost}）" if lost else ""
            if months is None:
                deadline = last_day
                text = f"{when}您的总分将是 {scored.total} 分{because}，低于 {self.ruleset.threshold} 分。"
            else:
                reached_on = add_months(self.today, months)
                deadline = reached_on - datetime.timedelta(days=1)
                text = (
                    f"一年后（{reached_on.year} 年 {reached_on.month} 月）您的总分将是 {scored.total} 分"
                    f"{because}，低于 {self.ruleset.threshold} 分。"
                )
            text += (
                f"请在 {deadline.year} 年 {deadline.month} 月 {deadline.day} 日前由单位提出申请。"
                + self._keeps_above(later, scored)
            )
            return (text,)
        return self._falls_at_next_birthday()

    def near_covered_age(self, routes) -> tuple[str, ...]:
        """When the age the system covers ends within a few years and a route may end close to it (its time
        is unknown, or it ends within the last covered year), say how many years are left: nobody should
        start a degree that cannot finish in time, or miss the last months to apply."""
        undated = any(route.months is None for route in routes)
        close = any(r.months is not None and self.projected(r.months + 12) is None for r in routes)
        if not (undated or close):
            return ()
        ahead = self.horizon if close else min(NEAR_COVERED_AGE_YEARS, self.horizon)
        left = next((y for y in range(1, ahead + 1) if self.projected(12 * y) is None), None)
        if left is None:
            return ()
        unknown = "；所需时间待核实的，动手前请先问清需要多久" if undated else ""
        return (
            f"再过不到 {left} 年，您的年龄就超出积分制度适用的范围了：下面的途径要在那之前完成，"
            f"并由单位提出申请才有用{unknown}。",
        )

    def _falls_at_next_birthday(self) -> tuple[str, ...]:
        """A year from now the insurance years may make up for the age points lost, but a birthday can come
        months before the next full year of insurance: between the two the total may be short, or the person
        past the age the system covers. Warn with the age to apply before."""
        for indicator in self.ruleset.active_indicators:
            fact = self.facts.indicator(indicator.key)
            if indicator.kind != engine.BANDED or fact.over_time not in (ACCRUES, ACCRUES_IF_STARTED):
                continue
            age = _number(self.answers.get(indicator.key))
            if not age or age >= indicator.max_value:
                continue
            older = self.answers.replace(**{indicator.key: age + 1})
            scored = self._score(older)
            if scored.reaches_threshold:
                continue
            turning = f"满 {age + 1} {indicator.unit}".rstrip()
            if scored.outside:
                return (f"{turning}以后就不在积分制度适用范围内了，请在那之前由单位提出申请。",)
            lost = self.result.total - scored.total
            return (
                f"{turning}以后，「{indicator.label}」一项会少 {lost} 分：如果那时其他情况还没有变化"
                f"（比如社保还没有再满一年），总分将是 {scored.total} 分，低于 {self.ruleset.threshold} 分。"
                f"请在{turning}前由单位提出申请。",
            )
        return ()

    def _keeps_above(self, later: engine.Answers, scored: engine.Result) -> str:
        """The quickest route back to the threshold from the answers as they will stand, in a sentence."""
        finder = _Finder(self.ruleset, later, self.today, self.facts, self.horizon, scored)
        reaching = [r for r in finder.routes() if r.reaches]
        if not reaching:
            return "如果来不及，按目前的规则和您的情况，本站没有找到能让总分回到这一分数的途径。"
        route = reaching[0]
        threshold = self.ruleset.threshold
        if route.months is None:  # unknown durations are never called the quickest
            return f"如果来不及，这条途径能让总分回到 {threshold} 分以上：{route.title}（所需时间待核实）。"
        return f"如果来不及，要让总分回到 {threshold} 分以上，最快的途径是：{route.title}，{route.when}。"


@dataclass(frozen=True)
class _Change:
    kind: str
    source: str
    changes: dict
    months: int | None
    effort: Effort
    what: str
    sources: tuple[Source, ...] = ()
    step: int = 0  # the points of the level asked for, to prefer the smallest step that reaches
    title: str = ""
    # When `months` is unknown but part of the way is known (本科 before its 学位): at least this long.
    at_least_months: int | None = None
    # Whether the facts behind `months` carry a check date (a blank basis is no check either).
    checked: bool = False


def _sources(label: str, fact) -> tuple[Source, ...]:
    return (Source(label, fact.basis, fact.verified_on),) if fact.basis else ()


def moved_by_time(ruleset: engine.Ruleset, facts: Facts, changes: Mapping[str, object]) -> tuple[str, ...]:
    """The labels of the changed answers that only time moves (age, years of insurance, a lapsing record,
    应届): such a change describes the person at a later date, never today."""
    moving = (ACCRUES, ACCRUES_IF_STARTED, LAPSES, THIS_YEAR)
    return tuple(
        ruleset.indicator(key).label
        for key in changes
        if ruleset.indicator(key) is not None and facts.indicator(key).over_time in moving
    )


def _grown(indicator: engine.Indicator, number: int, months: int) -> int:
    """An age or a count of years paid, `months` from today. Whole years are certain; within a part year the
    next birthday may or may not come, so a plan counts on whichever scores less: the older age (fewer age
    points, perhaps past the age the system covers), the fewer years paid."""
    years, part_year = divmod(months, 12)
    fewer = min(indicator.max_value, number + years)
    if not part_year or indicator.kind != engine.BANDED or fewer == indicator.max_value:
        return fewer
    more = fewer + 1

    def points(number):
        band = indicator.band(number)
        return band.points if band else 0

    past_covered_age = engine.outside_system_band(indicator, more)
    return more if past_covered_age or points(more) < points(fewer) else fewer


def _number(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _cleared(indicator: engine.Indicator, current):
    """The answer once a record or status no longer counts; None when there is nothing to clear."""
    if indicator.kind in engine.NUMERIC_KINDS:
        return 0 if _number(current) > 0 else None
    if indicator.kind in engine.BOOLEAN_KINDS:
        return False if current is True else None
    if indicator.kind == engine.CHOICE and _codes(current):
        nothing = next((o for o in indicator.options if o.points == 0), None)
        return nothing.code if nothing and (current != nothing.code) else None
    return None


def _differences(before: engine.Answers, after: engine.Answers) -> dict:
    return {k: v for k, v in after.values.items() if before.get(k) != v}


def _codes(value) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value or ())
