"""Pure: whether someone holding a 居住证 may apply to turn it into a Shanghai hukou (居转户), and when.

The conditions arrive as plain values (editors keep them in admin: years, wording, sources, on/off); this
module knows only what each kind of condition means. `today` is passed in; nothing here reads the clock
or the database.

依据: 《持有〈上海市居住证〉人员申办本市常住户口办法》（上海市人民政府 2019 年 12 月 30 日印发）第五条
（申办条件）、第六条（激励条件），及其实施细则（沪人社规〔2020〕1号）。The seeded rows name the clauses.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from permitsite.dates import add_years
from permitsite.facts import Source

# Requirements everyone meets, shortcuts that relax them, and notes shown beside them.
CARD_YEARS = "card_years"
SI_YEARS = "si_years"
TAX = "tax"
TITLE = "title"
RECORD = "record"
SENIOR_TITLE = "senior_title"
REMOTE = "remote"
SALARY = "salary_alternative"
LATE_ENDORSEMENT = "late_endorsement"
TITLE_BASE = "title_base"

REQUIREMENT, SHORTCUT, NOTE = "requirement", "shortcut", "note"
KINDS = {
    CARD_YEARS: (REQUIREMENT, "持证年限"),
    SI_YEARS: (REQUIREMENT, "持证期间的社保年限"),
    TAX: (REQUIREMENT, "个人所得税"),
    TITLE: (REQUIREMENT, "职称或职业资格"),
    RECORD: (REQUIREMENT, "无不良记录"),
    SENIOR_TITLE: (SHORTCUT, "高级职称或高级技师：不受年限限制"),
    REMOTE: (SHORTCUT, "远郊教育、卫生岗位：年限缩短"),
    SALARY: (SHORTCUT, "社保基数或薪酬：代替职称"),
    LATE_ENDORSEMENT: (NOTE, "签注逾期与年限"),
    TITLE_BASE: (NOTE, "职称渠道的社保基数要求"),
}
# The conditions whose rule is a number of years.
YEAR_KINDS = (CARD_YEARS, SI_YEARS, REMOTE)

# Answer codes of the 积分 self-test (RULES.md `title_skill`) plus one the 居转户 rules add.
TITLES = (
    ("none", "没有职称，也没有职业资格"),
    ("junior_title", "初级职称"),
    ("skill_5", "五级 / 初级工"),
    ("skill_4", "四级 / 中级工"),
    ("skill_3", "三级 / 高级工"),
    ("skill_2", "二级 / 技师"),
    ("mid_title", "中级职称"),
    # 依据: 实施细则第二条第（三）项：注册会计师证书、律师执业证，且从事专业工作的，也可申请。
    ("cpa_lawyer", "注册会计师证书或律师执业证（从事相应专业工作）"),
    ("skill_1", "一级 / 高级技师"),
    ("senior_title", "高级职称"),
)
TITLE_CODES = tuple(code for code, _ in TITLES)
MID_OR_ABOVE = frozenset({"skill_2", "mid_title", "cpa_lawyer", "skill_1", "senior_title"})
SENIOR = frozenset({"skill_1", "senior_title"})

STANDARD_ROUTE = "standard"
MAX_YEARS = 60

# How a condition stands for one person.
MET, MISSING, WAIVED, USED, UNUSED, INFO = "met", "missing", "waived", "used", "unused", "note"


@dataclass(frozen=True)
class Condition:
    key: str
    label: str
    explanation: str
    source: Source
    years: int | None = None
    active: bool = True

    @property
    def kind(self) -> str:
        return KINDS[self.key][0]


@dataclass(frozen=True)
class SettleRules:
    conditions: tuple[Condition, ...]

    def active(self, key: str) -> Condition | None:
        """The condition if an editor has it switched on; a switched-off requirement counts as met."""
        return next((c for c in self.conditions if c.key == key and c.active), None)


@dataclass(frozen=True)
class SettleAnswers:
    card_years: int
    si_years: int
    title: str
    title_matches_job: bool = True
    remote_edu_health_years: int = 0
    tax_paid: bool = True
    bad_record: bool = False
    salary_alternative: bool = False


@dataclass(frozen=True)
class Line:
    """One condition as it applies to this person, for the page and the API."""

    condition: Condition
    status: str
    detail: str = ""


@dataclass(frozen=True)
class SettleResult:
    eligible: bool
    # The route judged: "standard", or the key of the shortcut that relaxes the years.
    route: str
    missing: tuple[str, ...]
    # (year, month) from which the person may apply if nothing changes but time; None when something
    # other than time is missing.
    earliest: tuple[int, int] | None
    years_required: int
    lines: tuple[Line, ...]
    # Keys of conditions this answer rests on that nobody has verified yet ("待核实").
    unverified: tuple[str, ...]
    notices: tuple[str, ...] = field(default=())

    @property
    def earliest_text(self) -> str | None:
        return f"{self.earliest[0]:04d}-{self.earliest[1]:02d}" if self.earliest else None


class InvalidAnswers(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


# --- reading answers ----------------------------------------------------------------------------------

# key: (kind, label, default); no default means required.
_FIELDS: dict[str, tuple[str, str, object]] = {
    "card_years": ("int", "持有居住证的年数", None),
    "si_years": ("int", "持证期间缴纳社保的年数", None),
    "title": ("title", "职称或职业资格", None),
    "title_matches_job": ("bool", "职称或职业资格与岗位对应", True),
    "remote_edu_health_years": ("int", "在远郊教育、卫生岗位工作的年数", 0),
    "tax_paid": ("bool", "持证期间在本市依法纳税", True),
    "bad_record": ("bool", "有不良记录", False),
    "salary_alternative": ("bool", "满足社保基数或薪酬条件", False),
}
EXAMPLE_BODY = '{"card_years": 5, "si_years": 5, "title": "mid_title"}'


def parse_answers(data: object) -> SettleAnswers:
    """Decoded JSON checked strictly, with a Chinese message per key; defaults fill what is left out."""
    if not isinstance(data, Mapping):
        raise InvalidAnswers({"__all__": [f"请提交一个 JSON 对象，例如 {EXAMPLE_BODY}。"]})
    errors: dict[str, list[str]] = {}
    values = {}
    for key, raw in data.items():
        if key not in _FIELDS:
            errors[str(key)] = ["没有这一项，请检查拼写。"]
            continue
        value, message = _parse_value(key, raw)
        if message:
            errors[key] = [message]
        else:
            values[key] = value
    for key, (_, label, default) in _FIELDS.items():
        if key not in data and key not in errors:
            if default is None:
                errors[key] = [f"请填写「{label}」。"]
            else:
                values[key] = default
    if errors:
        raise InvalidAnswers(errors)
    return SettleAnswers(**values)


def _parse_value(key: str, raw: object) -> tuple[object, str]:
    kind, label, _ = _FIELDS[key]
    label = f"「{label}」"
    if kind == "bool":
        return (raw, "") if isinstance(raw, bool) else (None, f"{label}须为 true 或 false。")
    if kind == "int":
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None, f"{label}须为整数（整年）。"
        if not 0 <= raw <= MAX_YEARS:
            return None, f"{label}须在 0 到 {MAX_YEARS} 之间。"
        return raw, ""
    if not isinstance(raw, str):
        return None, f"{label}须为选项代码（字符串）。"
    if raw not in TITLE_CODES:
        return None, f"{label}没有“{raw}”这个选项，可选：{'、'.join(TITLE_CODES)}。"
    return raw, ""


# --- judging ------------------------------------------------------------------------------------------


def check(rules: SettleRules, answers: SettleAnswers, today: datetime.date) -> SettleResult:
    card, si = rules.active(CARD_YEARS), rules.active(SI_YEARS)
    remote, senior, salary = rules.active(REMOTE), rules.active(SENIOR_TITLE), rules.active(SALARY)
    notices = []
    # 依据: 第五条（二）"持证期间"参加社保：持证以前的社保年限不算。
    si_counted = min(answers.si_years, answers.card_years)
    if answers.si_years > answers.card_years:
        notices.append(f"只算持有居住证期间的社保，所以社保按 {si_counted} 年计算。")

    has_title = answers.title in MID_OR_ABOVE and answers.title_matches_job
    # Years each route still needs if the person simply keeps their card, insurance and post.
    routes = {STANDARD_ROUTE: _years_short(card, si, answers.card_years, si_counted, cap=None)}
    if senior and answers.title in SENIOR and answers.title_matches_job:
        routes[SENIOR_TITLE] = 0
    if remote and answers.remote_edu_health_years > 0:
        routes[REMOTE] = max(
            _years_short(card, si, answers.card_years, si_counted, cap=remote.years),
            _short(remote.years, answers.remote_edu_health_years),
        )
    order = (SENIOR_TITLE, STANDARD_ROUTE, REMOTE)
    route = min(routes, key=lambda name: (routes[name], order.index(name)))
    remaining = routes[route]

    title_rule = rules.active(TITLE)
    salary_used = bool(title_rule and not has_title and salary and answers.salary_alternative)
    title_ok = route == SENIOR_TITLE or title_rule is None or has_title or salary_used
    tax_ok = rules.active(TAX) is None or answers.tax_paid
    record_ok = rules.active(RECORD) is None or not answers.bad_record
    cap = remote.years if route == REMOTE and remote else None

    # The base that applying with a title may also require is not asked, so a verdict resting on a title
    # names it (in the editors' words, with its check state) rather than leaving it among the notes below.
    title_base = rules.active(TITLE_BASE)
    if title_base and has_title and route != SENIOR_TITLE:
        unverified = "" if title_base.source.verified else "（待核实）"
        notices.append(
            f"您是以职称或职业资格申请：{title_base.explanation}{unverified}"
            "本站没有问这一项，上面的结论也没有算它，申请前请向单位人事或受理部门问清楚。"
        )

    missing = []
    if route != SENIOR_TITLE:
        missing += _missing_years(card, si, remote if route == REMOTE else None, answers, si_counted, cap)
    if not title_ok:
        missing.append(_title_missing(answers, salary))
    if not tax_ok:
        missing.append("持证期间需要在本市依法缴纳个人所得税。")
    if not record_ok:
        missing.append("有违法犯罪、违反计划生育政策等不良记录的，不能申办。")
    blocked = not (title_ok and tax_ok and record_ok)

    lines = tuple(
        _line(c, route, answers, si_counted, cap, salary_used, title_ok, tax_ok, record_ok)
        for c in rules.conditions
        if c.active
    )
    return SettleResult(
        eligible=not blocked and remaining == 0,
        route=route,
        missing=tuple(missing),
        earliest=None if blocked else _years_later(today, remaining),
        years_required=0 if route == SENIOR_TITLE else _required(card, si, cap),
        lines=lines,
        unverified=tuple(
            line.condition.key
            for line in lines
            # Notes (INFO) too: the page states them as facts, so an unchecked one is listed like the rest.
            if line.status != UNUSED and not line.condition.source.verified
        ),
        notices=tuple(notices),
    )


def _short(required: int | None, have: int) -> int:
    return max(0, (required or 0) - have)


def _capped(condition: Condition | None, cap: int | None) -> int | None:
    if condition is None:
        return None
    return min(condition.years or 0, cap) if cap is not None else condition.years


def _required(card, si, cap) -> int:
    return max(_capped(card, cap) or 0, _capped(si, cap) or 0)


def _years_short(card, si, card_years, si_counted, cap) -> int:
    return max(_short(_capped(card, cap), card_years), _short(_capped(si, cap), si_counted))


def _missing_years(card, si, remote, answers, si_counted, cap) -> list[str]:
    missing = []
    if card and (short := _short(_capped(card, cap), answers.card_years)):
        missing.append(f"持有居住证还差 {short} 年（需满 {_capped(card, cap)} 年）。")
    if si and (short := _short(_capped(si, cap), si_counted)):
        missing.append(f"持证期间的社保还差 {short} 年（需满 {_capped(si, cap)} 年）。")
    if remote and (short := _short(remote.years, answers.remote_edu_health_years)):
        missing.append(f"远郊教育、卫生岗位的工作年限还差 {short} 年（需满 {remote.years} 年）。")
    return missing


def _title_missing(answers: SettleAnswers, salary: Condition | None) -> str:
    if answers.title in MID_OR_ABOVE:
        return "职称或职业资格需要与您现在的岗位对应（专业、工种相符，并被聘任在相应岗位）。"
    text = "需要与岗位对应的中级及以上职称，或技师（二级）及以上职业资格"
    return text + ("；没有的话，也可以看社保基数或薪酬条件。" if salary else "。")


def _line(c, route, answers, si_counted, cap, salary_used, title_ok, tax_ok, record_ok) -> Line:
    if c.kind == NOTE:
        return Line(c, INFO)
    if c.kind == SHORTCUT:
        used = (c.key == route) or (c.key == SALARY and salary_used)
        return Line(c, USED if used else UNUSED)
    if c.key in (CARD_YEARS, SI_YEARS):
        if route == SENIOR_TITLE:
            return Line(c, WAIVED, "高级职称或高级技师不受年限限制。")
        have = answers.card_years if c.key == CARD_YEARS else si_counted
        required = _capped(c, cap)
        return Line(c, MET if have >= required else MISSING, f"需满 {required} 年，您填的是 {have} 年。")
    if c.key == TITLE:
        if salary_used:
            return Line(c, WAIVED, "以社保基数或薪酬条件代替。")
        return Line(c, MET if title_ok else MISSING)
    return Line(c, MET if (tax_ok if c.key == TAX else record_ok) else MISSING)


def _years_later(today: datetime.date, years: int) -> tuple[int, int]:
    later = add_years(today, years)
    return later.year, later.month
