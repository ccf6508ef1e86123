"""Wizard step forms, generated from the ruleset in force: an indicator an editor adds or changes
appears here without a code change. Field names are the answer keys of DESIGN.md §2."""

from dataclasses import dataclass

from django import forms

from calculator import engine
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
    Step("insurance", "社保与个税", "在上海缴纳职工社保的年限和缴费基数。"),
    Step("bonus", "加分项", "勾选符合你的项目，再填具体情况；都不符合就直接点“下一步”。"),
    Step("deductions", "减分与否决", "大多数人这里都是“0 次”和“否”，如实填写即可。"),
)
STEP_SLUGS = tuple(s.slug for s in STEPS)
# The two yearly social-insurance questions get a step of their own; the rest go by category.
INSURANCE_KEYS = ("social_insurance_years", "si_base_tier")


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

    def __init__(self, ruleset: engine.Ruleset, slug: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ruleset = ruleset
        self.slug = slug
        self.revealed: dict[str, tuple[str, tuple[str, ...]]] = {}
        for indicator in indicators_for(ruleset, slug):
            self._add(indicator)
        if slug == "insurance":
            self.fields[RECENT_CONTRIBUTIONS] = _yes_no(
                "最近 12 个月里，是否至少有 6 个月在上海正常缴纳职工社保？",
                "不含补缴。这是申请积分的前提条件之一，不影响下面的计分。",
                initial=YES,
            )
        self.helper = inside_page_form(*(self._layout_field(name) for name in self.fields))

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
        )

    def clean(self):
        cleaned = super().clean()
        for name in self.revealed:
            if not self.is_shown(name):
                cleaned.pop(name, None)
                self.errors.pop(name, None)
                continue
            if cleaned.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, "请回答这个问题。")
        return cleaned

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
