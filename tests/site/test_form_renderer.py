"""permitsite/form_renderer.py prints exactly what Django's widget templates print.

Each widget is rendered twice, by Django's own DjangoTemplates renderer and by ours, with values and
attributes that exercise every branch of the templates: no value, escaping, True and False attributes,
optgroups, chosen options, wrapped labels and numbers that the template engine would localize.
"""

import datetime

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.forms.widgets import ChoiceWidget
from django.utils.safestring import mark_safe

from permitsite.form_renderer import FastWidgets


class MarkedUp(str):
    """A string that offers __html__ but is not SafeData: `{{ }}` trusts it, `|stringformat` does not."""

    def __html__(self):
        return str(self)


class NotAString:
    """An object with __html__: `{{ }}` makes it a string first, so its markup is escaped."""

    def __str__(self):
        return "<b>粗</b>"

    def __html__(self):
        return str(self)


class OwnOptionTemplate(forms.RadioSelect):
    """Options drawn by a template we do not print (it may read the include's forloop and group)."""

    option_template_name = "django/forms/widgets/attrs.html"


CHOICES = [("a", "甲 <b>"), ("b", 'B & "c"'), (3, 3)]
GROUPED = [("组一", [("x", "X"), ("y", "Y")]), ("z", "Z"), ("组 <二>", [(1, 1000)])]
ATTRS = {"id": "id_f", "class": "form-control is-invalid", "aria-invalid": True, "required": False, "min": 0}

CASES = [
    (forms.TextInput(), None),
    (forms.TextInput(attrs=ATTRS), '三十 <script>"x"</script>'),
    (forms.TextInput(attrs={"data-x": mark_safe("<i>")}), mark_safe("<b>safe</b>")),
    (forms.TextInput(attrs={"data-x": MarkedUp("<i>")}), MarkedUp("<b>")),
    (forms.Select(choices=[("a", NotAString()), ("b", MarkedUp("<i>"))]), "a"),
    (forms.Select(choices=[("a", datetime.datetime(2027, 3, 1, 1, 0, tzinfo=datetime.UTC))]), "a"),
    (forms.Select(choices=[(NotAString(), "x")]), None),
    (OwnOptionTemplate(choices=CHOICES), "a"),
    (forms.NumberInput(attrs={"min": 18, "max": 120, "step": 1, "inputmode": "numeric"}), 1234567),
    (forms.NumberInput(), 2.5),
    (forms.EmailInput(), "a@b.cn"),
    (forms.TelInput(attrs={"autocomplete": "tel"}), "13800138000"),
    (forms.URLInput(), "https://example.cn/?a=1&b=2"),
    (forms.PasswordInput(), "secret"),
    (forms.PasswordInput(render_value=True), "secret"),
    (forms.HiddenInput(), "token"),
    (forms.DateInput(attrs={"type": "date"}), datetime.date(2027, 3, 1)),
    (forms.DateInput(), "2026-13-45"),
    (forms.TimeInput(), datetime.time(9, 30)),
    (forms.CheckboxInput(), True),
    (forms.CheckboxInput(attrs={"class": "choice-input"}), False),
    (forms.Textarea(attrs={"rows": 3}), "第一行\n<第二行>"),
    (forms.Textarea(), ""),
    (forms.Select(choices=CHOICES), "b"),
    (forms.Select(choices=CHOICES, attrs={"class": "form-select"}), None),
    (forms.Select(choices=GROUPED), "y"),
    (forms.NullBooleanSelect(), True),
    (forms.SelectMultiple(choices=CHOICES), ["a", "3"]),
    (forms.RadioSelect(choices=CHOICES), "a"),
    (forms.RadioSelect(choices=CHOICES, attrs={"id": "id_r", "class": "choice-input"}), 3),
    (forms.RadioSelect(choices=GROUPED, attrs={"id": "id_g"}), "x"),
    (forms.CheckboxSelectMultiple(choices=CHOICES, attrs={"id": "id_m"}), ["a", "b"]),
]


@pytest.mark.parametrize(
    "widget, value", CASES, ids=[f"{type(w).__name__}-{i}" for i, (w, _) in enumerate(CASES)]
)
def test_a_widget_prints_what_django_templates_print(widget, value):
    expected = widget.render("f", value, attrs={"id": "id_f"}, renderer=DjangoTemplates())
    assert widget.render("f", value, attrs={"id": "id_f"}, renderer=FastWidgets()) == expected


@pytest.mark.parametrize("widget, value", [case for case in CASES if isinstance(case[0], ChoiceWidget)])
def test_each_choice_drawn_alone_is_what_django_prints(widget, value):
    """Our template pack draws radio buttons one by one (BoundWidget.tag), with and without their label."""
    for wrap_label in (False, True):
        drawn = []
        for renderer in (DjangoTemplates(), FastWidgets()):
            bound = forms.Form(renderer=renderer)
            bound.fields["f"] = forms.ChoiceField(choices=widget.choices, widget=widget)
            field = bound["f"]
            drawn.append([choice.tag(wrap_label=wrap_label) for choice in field.subwidgets])
        assert drawn[0] == drawn[1]


def test_a_template_it_does_not_know_goes_through_the_template_engine():
    widget = forms.SplitDateTimeWidget()
    value = datetime.datetime(2027, 3, 1, 9, 30)
    assert widget.render("f", value, renderer=FastWidgets()) == widget.render(
        "f", value, renderer=DjangoTemplates()
    )
