"""Wizard step forms, generated from the ruleset in force: an indicator an editor adds or changes
appears here without a code change. Field names are the answer keys of DESIGN.md §2."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from crispy_forms.layout import HTML, Fieldset
from django import forms
from django.template.loader import render_to_string
from django.utils.functional import cached_property

from calculator import base_tier, engine
from permitsite.layout import Field, inside_page_form

YES, NO = "yes", "no"
TICKED = "on"  # what a ticked checkbox submits
YES_NO = [(YES, "是"), (NO, "否")]
GATE_PREFIX = "has_"
# 依据: RULES.md — applying needs at least 6 of the last 12 months of employee social insurance.
RECENT_CONTRIBUTIONS = "recent_contributions"


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    intro: str


STEPS = (
    Step("basic", "基本情况", "年龄、学历和职称或技能等级，是积分的基础。"),
    Step("insurance", "社保缴纳", "在上海缴纳职工社保的年限、缴费基数和最近 12 个月的缴纳情况。"),
    Step("bonus", "加分项", "勾选符合您的项目，再填具体情况；都不符合就直接点“下一步”。"),
    Step(
        "deductions",
        "减分与否决",
        "大多数人这里都是“0 次”和“否”，请如实填写。行政拘留、刑事处罚这类回答属于敏感个人信息："
        "只用来计算分数，随结果保存（不含您的姓名和电话，按隐私保护声明到期删除），"
        "只有您在咨询时另外勾选同意才会交给顾问。",
    ),
)
STEP_SLUGS = tuple(s.slug for s in STEPS)
# The two yearly social-insurance questions get a step of their own; the rest go by category.
INSURANCE_KEYS = ("social_insurance_years", "si_base_tier")
# Questions about the contribution base, which show the year's amounts in yuan (calculator/wages.py).
WAGE_QUESTIONS = ("si_base_tier", "title_base_ok")


def step_of(indicator: engine.Indicator) -> str:
    if indicator.key in INSURANCE_KEYS:
        return "insurance"
    return {engine.BASIC: "basic", engine.BONUS: "bonus"}.get(indicator.category, "deductions")


def indicators_for(ruleset: engine.Ruleset, slug: str) -> list[engine.Indicator]:
    return [i for i in ruleset.active_indicators if step_of(i) == slug]


def needs_gate(indicator: engine.Indicator) -> bool:
    """A bonus asked as a number or a choice is asked yes/no first; its detail only when yes."""
    return step_of(indicator) == "bonus" and indicator.kind in (engine.PER_UNIT, engine.CHOICE)


def options_requiring(ruleset: engine.Ruleset, condition_key: str) -> list[tuple[str, str]]:
    """(indicator key, option code) pairs whose points depend on the condition."""
    return [
        (i.key, o.code)
        for i in ruleset.active_indicators
        if i.kind == engine.CHOICE
        for o in i.options
        if o.requires == condition_key
    ]


class StepForm(forms.Form):
    """One wizard step. `revealed` maps a conditional field to (controlling field, values that show it)."""

    def __init__(self, ruleset: engine.Ruleset, slug: str, *args, wage_hint=None, age=None, **kwargs):
        """`age`: the age given in an earlier step, which bounds every count of years asked here."""
        super().__init__(*args, **kwargs)
        self.ruleset = ruleset
        self.wage_hint = wage_hint
        self.age = age
        self.slug = slug
        self.revealed: dict[str, tuple[str, tuple[str, ...]]] = {}
        for indicator in indicators_for(ruleset, slug):
            self._add(indicator)
        if slug == "insurance":
            self.fields[RECENT_CONTRIBUTIONS] = _yes_no(
                "最近 12 个月里，是否至少有 6 个月在上海正常缴纳职工社保？",
                "不含补缴。这是申请积分的前提条件之一（待核实：本站还没有找到它的官方原文），不影响下面的计分。",
                initial=YES,
            )

    @cached_property
    def helper(self):
        """Built when the form is drawn: the summary only validates steps, and a step nobody has answered
        is drawn from the shared fragment (calculator/step.html)."""
        return inside_page_form(*(self._layout_field(name) for name in self.fields))

    def _add(self, indicator: engine.Indicator):
        key = indicator.key
        if indicator.kind == engine.CONDITION:
            controlled = options_requiring(self.ruleset, key)
            if not controlled:
                return
            self.fields[key] = _yes_no(indicator.label, indicator.help_text, required=False)
            controller = controlled[0][0]
            self.revealed[key] = (controller, tuple(code for k, code in controlled if k == controller))
            return
        if needs_gate(indicator):
            gate = GATE_PREFIX + key
            self.fields[gate] = _tick(indicator.label, "")
            self.revealed[key] = (gate, (TICKED,))
        field = _field_for(indicator)
        if key in self.revealed:
            # Hidden fields are still submitted without JavaScript: a default here would answer the
            # detail for someone who was never shown it. Blank makes the server ask once "是" is chosen.
            field.required = False
            field.initial = None
            if type(field.widget) is forms.Select and field.choices[0][0] != "":
                field.choices = [("", "请选择"), *field.choices]
        self.fields[key] = field

    def is_shown(self, name: str) -> bool:
        """Whether a conditional field applies, judged from what was submitted (or is stored)."""
        if name not in self.revealed:
            return True
        controller, values = self.revealed[name]
        current = self[controller].value()
        if isinstance(self.fields[controller], forms.BooleanField):
            return self.fields[controller].to_python(current) is True
        return current in values

    def _layout_field(self, name: str) -> Field:
        controller, values = self.revealed.get(name, ("", ()))
        indicator = self.ruleset.indicator(name.removeprefix(GATE_PREFIX))
        badge = bonus_badge(self.ruleset, indicator) if self.slug == "bonus" and indicator else ""
        return Field(
            name,
            reveal_when=controller,
            reveal_values=values,
            shown=self.is_shown(name),
            badge=badge if isinstance(self.fields[name].widget, forms.CheckboxInput) else "",
            explanation_html=self._wage_explanation(name),
        )

    def _wage_explanation(self, name: str) -> str:
        """The year's amounts in yuan under a question about the contribution base."""
        if name not in WAGE_QUESTIONS or self.wage_hint is None:
            return ""
        return render_to_string("calculator/_wage_hint.html", {"hint": self.wage_hint, "name": name})

    def clean(self):
        cleaned = super().clean()
        for name in self.revealed:
            if not self.is_shown(name):
                cleaned.pop(name, None)
                self.errors.pop(name, None)
                continue
            if cleaned.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, "请回答这个问题。")
        self._within_age(cleaned)
        return cleaned

    def _within_age(self, cleaned):
        """Years the step-1 age cannot hold (engine.years_beyond_age), worded for the wizard."""
        if self.age is None:
            return
        for key, most in engine.years_beyond_age(self.ruleset, {**cleaned, "age": self.age}).items():
            if key in self.fields and key not in self.errors:
                self.add_error(
                    key,
                    f"您在第 1 步填的年龄是 {self.age} 周岁，这里最多是 {most} 年。"
                    "这里填的是满几年，不是几个月，请检查。",
                )

    def answers(self) -> dict:
        """The cleaned data as answers: gates dropped, yes/no as booleans, hidden conditionals left out."""
        data = {}
        for name, value in self.cleaned_data.items():
            if name.startswith(GATE_PREFIX) or name == RECENT_CONTRIBUTIONS or value in (None, ""):
                continue
            data[name] = value
        return data


def _tick(label, help_text):
    """A bonus one either has or not: a checkbox keeps the long list of bonuses short on a phone."""
    return forms.BooleanField(label=label, help_text=help_text, required=False)


def _yes_no(label, help_text, *, initial=None, required=True):
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == YES,
        widget=forms.RadioSelect,
        initial=initial,
        required=required,
        error_messages={"required": "请选择“是”或“否”。", "invalid_choice": "请选择“是”或“否”。"},
    )


def _field_for(indicator: engine.Indicator) -> forms.Field:
    label, help_text = indicator.label, indicator.help_text
    if indicator.kind == engine.FLAG and step_of(indicator) == "bonus":
        return _tick(label, help_text)
    if indicator.kind in (engine.FLAG, engine.VETO_FLAG):
        return _yes_no(label, help_text, initial=NO)
    if indicator.kind == engine.CHOICE:
        choices = [(o.code, o.label) for o in indicator.options]
        has_none = any(code == "none" for code, _ in choices)
        if len(choices) > 5:
            widget = forms.Select
            if not has_none:
                choices = [("", "请选择"), *choices]
        else:
            widget = forms.RadioSelect
        if indicator.key == "education":
            # Everyone has some schooling: make the choice explicit rather than default to 大专以下.
            choices = [("", "请选择"), *choices]
        return forms.ChoiceField(
            label=label,
            help_text=help_text,
            choices=choices,
            widget=widget,
            initial="none" if has_none and indicator.key != "education" else None,
            error_messages={
                "required": f"请选择{label}。",
                "invalid_choice": "请从列表中选择一项。",
            },
        )
    unit = f"（{indicator.unit}）" if indicator.unit else ""
    required = indicator.key == "age" or indicator.category == engine.BASIC
    return forms.IntegerField(
        label=f"{label}{unit}",
        help_text=help_text,
        min_value=indicator.min_value,
        max_value=indicator.max_value,
        required=required,
        initial=None if required else 0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": f"请填写{label}。",
            "invalid": "请填写整数，只用阿拉伯数字，例如 5。",
            "min_value": "不能小于 %(limit_value)s。",
            "max_value": "不能大于 %(limit_value)s。",
        },
    )


def bonus_badge(ruleset: engine.Ruleset, indicator: engine.Indicator) -> str:
    """What ticking a bonus can bring, as its row shows it: "+30 分", "最高 +110 分" or "每满 1 年 +4 分"."""
    if indicator.kind == engine.FLAG:
        return f"+{indicator.points} 分"
    if indicator.kind == engine.CHOICE:
        return f"最高 +{max(o.points for o in indicator.options)} 分" if indicator.options else ""
    if indicator.kind == engine.PER_UNIT:
        group = ruleset.group(indicator.group) if indicator.group else None
        cap = indicator.cap if indicator.cap is not None else (group.cap if group else None)
        if cap is not None:
            return f"最高 +{cap} 分"
        return f"每满 {indicator.unit_size} {indicator.unit} +{indicator.points_per_unit} 分"
    return ""


@dataclass(frozen=True)
class ShortestPath:
    """The fewest actions from /jifen/ to a result, as the start page states it."""

    taps: int  # buttons pressed and choices made
    typed: int  # numbers typed
    pages: int  # pages loaded after /jifen/


_shortest_paths: dict[str, tuple[engine.Ruleset, ShortestPath]] = {}


def shortest_path(ruleset: engine.Ruleset) -> ShortestPath:
    """Counted from the step forms themselves (tests/browser/test_shortest_path.py walks it and compares):
    开始自测, every question without a default, one button per step, then 查看结果 on the summary."""
    cached = _shortest_paths.get(ruleset.version)
    if cached is not None and cached[0] is ruleset:
        return cached[1]
    taps, typed = 1, 0
    for slug in STEP_SLUGS:
        form = StepForm(ruleset, slug)
        for name, field in form.fields.items():
            if name in form.revealed or not field.required or field.initial not in (None, ""):
                continue
            if isinstance(field, forms.IntegerField):
                typed += 1
            else:
                taps += 1
        taps += 1
    path = ShortestPath(taps=taps + 1, typed=typed, pages=len(STEP_SLUGS) + 2)
    _shortest_paths[ruleset.version] = (ruleset, path)
    return path


# --- the base-tier helper (/jifen/base/) --------------------------------------------------------------


def month_label(month: base_tier.Month) -> str:
    return f"{month.year}年{month.month}月"


def application_months(today: datetime.date) -> list[base_tier.Month]:
    """The months one may apply in, as the helper offers them: from the first month the 3× window can be
    judged at all, up to a year ahead."""
    this_month = base_tier.Month.of(today)
    return base_tier.months_between(this_month.plus(-36), this_month.plus(12))


class ApplicationMonthForm(forms.Form):
    """The month of application: the windows end the month before it (GET, so the page can be linked)."""

    month = forms.ChoiceField(
        label="打算在哪个月申请",
        help_text="计算的是这个月之前的 48 个月（3 倍档为 36 个月）。",
        error_messages={"invalid_choice": "请从列表中选择一个月份。", "required": "请选择申请月份。"},
    )

    def __init__(self, today: datetime.date, *args, **kwargs):
        # Its own ids: the bases form on the same page carries a (hidden) month field too.
        super().__init__(*args, auto_id="apply_%s", **kwargs)
        self.fields["month"].choices = [(str(m), month_label(m)) for m in application_months(today)]
        self.fields["month"].initial = str(base_tier.Month.of(today))
        self.helper = inside_page_form("month")

    def application(self) -> base_tier.Month:
        return base_tier.Month.parse(self.cleaned_data["month"])


MONTH_LOST = "申请月份已更改，请重新填写。"


class BaseHistoryForm(forms.Form):
    """One monthly base per 社保年度 the windows touch, and the months of each not paid."""

    # Hidden: only a tampered or truncated form leaves it out, but its label and messages are shown then.
    month = forms.CharField(
        label="申请月份",
        widget=forms.HiddenInput,
        error_messages={
            "required": MONTH_LOST,
            "null_characters_not_allowed": MONTH_LOST,
        },
    )

    def __init__(self, application: base_tier.Month, periods, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.fields["month"].initial = str(application)
        first, last = application.plus(-48), application.plus(-1)
        self.years = base_tier.social_insurance_years(application)
        fieldsets = []
        for year in self.years:
            months = [
                m
                for m in base_tier.months_between(base_tier.Month(year, 7), base_tier.Month(year + 1, 6))
                if first <= m <= last
            ]
            wage = base_tier.wage_on(periods, months[0].first_day)
            self.fields[f"base_{year}"] = forms.DecimalField(
                label=f"{month_label(months[0])}至{month_label(months[-1])}的月缴费基数（元）",
                help_text=_year_help(wage),
                required=False,
                min_value=0,
                max_value=base_tier.BASE_MAX,
                decimal_places=2,
                widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01"}),
                error_messages={
                    "invalid": "请填写金额，只用阿拉伯数字，例如 12500。",
                    "min_value": "金额不能小于 0。",
                    "max_value": "金额太大了，请检查是否多输了 0。",
                    "max_decimal_places": "金额最多保留两位小数。",
                },
            )
            self.fields[f"unpaid_{year}"] = forms.MultipleChoiceField(
                label="这一年里没有缴费的月份（不含补缴）",
                choices=[(str(m), month_label(m)) for m in months],
                required=False,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "请只勾选列出的月份。"},
            )
            fieldsets.append(
                Fieldset(
                    f"{year}年度（{month_label(months[0])}至{month_label(months[-1])}）",
                    Field(f"base_{year}"),
                    HTML(f'<details class="unpaid-months"><summary>有没缴费的月份？（{year}年度）</summary>'),
                    Field(f"unpaid_{year}"),
                    HTML("</details>"),
                )
            )
        self.helper = inside_page_form("month", *fieldsets)

    def clean_month(self):
        if self.cleaned_data["month"] != str(self.application):
            raise forms.ValidationError(MONTH_LOST)
        return self.cleaned_data["month"]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(f"base_{year}") for year in self.years):
            raise forms.ValidationError("请至少填写一个年度的缴费基数。")
        return cleaned

    def bases(self) -> dict[base_tier.Month, Decimal]:
        per_year = {year: self.cleaned_data.get(f"base_{year}") for year in self.years}
        unpaid = {
            year: [base_tier.Month.parse(m) for m in self.cleaned_data.get(f"unpaid_{year}", [])]
            for year in self.years
        }
        first = self.application.plus(-48)
        return {
            m: b for m, b in base_tier.yearly_bases(per_year, unpaid).items() if first <= m < self.application
        }


def _year_help(wage: base_tier.WageOn | None) -> str:
    if wage is None:
        return "本站还没有这一年度的社会平均工资，这一年的月份暂时不能判断；不知道可以不填。"
    period = wage.period
    levels = "，".join(f"{a.label} {a.yuan}" for a in base_tier.amounts(period))
    provisional = "（这一年度的数字尚未公布，暂按上一年度）" if wage.provisional else ""
    unverified = "" if period.verified_on else "（待核实）"
    return (
        f"当年社会平均工资 {base_tier.yuan(period.monthly)} 元{unverified}{provisional}："
        f"{levels} 元（3 倍即上限）。"
        "没缴费的年度留空。"
    )


class CarryTierForm(forms.Form):
    """The tier the helper found, sent back to be stored as the wizard's answer."""

    tier = forms.ChoiceField(
        choices=[(rule.code, rule.code) for rule in base_tier.TIER_RULES]
        + [(base_tier.NONE, base_tier.NONE)],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = inside_page_form("tier")
