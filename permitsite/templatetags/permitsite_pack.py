"""What the `permitsite` crispy template pack (templates/permitsite/) asks of Python: which kind of row a
field is, and its widget with the attributes assistive technology needs.

A widget's `aria-describedby` names the message first, then the hint, so a screen reader says what is
wrong before how to answer; the ids are Django's own (`<id>_error`, `<id>_helptext`), which the pack gives
the message and the hint. Django adds `aria-invalid` to a widget in error, and leaves `aria-describedby`
out for widgets drawn as a group (radio buttons): the pack puts it on every radio button.
"""

import datetime
import re

from django import forms, template
from django.forms.boundfield import BoundWidget
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The class each kind of widget (and its subclasses) gets from site.css; anything else is a text-like box.
WIDGET_CLASSES = (
    (forms.RadioSelect, "choice-input"),  # CheckboxSelectMultiple too
    (forms.CheckboxInput, "choice-input"),
    (forms.Select, "form-select"),
)


@register.filter
def row_kind(bound_field) -> str:
    """ "radios" (a group in a fieldset), "checkbox" (one tick box as a row), "hidden" or "input"."""
    widget = bound_field.field.widget
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


@register.simple_tag
def wrapper_attrs(bound_field, reveal_when="", reveal_values="", shown=True):
    """The attributes of a field's wrapper: its class, its id and, for a conditional question, what
    reveals it (hidden until then)."""
    css = "field field-invalid" if bound_field.errors else "field"
    html = format_html(' class="{}" id="field-{}"', css, bound_field.html_name)
    if reveal_when:
        html += format_html(' data-reveal-when="{}" data-reveal-values="{}"', reveal_when, reveal_values)
    if shown is False:
        html += mark_safe(" hidden")
    return html


def _attrs(bound_field) -> dict:
    widget = bound_field.field.widget
    css = next((css for kind, css in WIDGET_CLASSES if isinstance(widget, kind)), "form-control")
    own = widget.attrs.get("class", "")
    described = []
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}_error")
        css += " is-invalid"
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_helptext")
    attrs = {"class": f"{css} {own}".strip()}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return attrs


# What <input type="number"> and <input type="date"> can hold (HTML's valid floating-point number and
# valid date string); a browser shows anything else as an empty box.
VALID_NUMBER = re.compile(r"-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?")
VALID_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# Attributes a text box may not carry.
RANGE_ATTRS = ("min", "max", "step")


def _can_hold(widget, value) -> bool:
    text = widget.format_value(value)
    if text in (None, ""):
        return True
    text = str(text)
    if widget.input_type == "number":
        return bool(VALID_NUMBER.fullmatch(text))
    if widget.input_type == "date":
        try:
            return bool(VALID_DATE.fullmatch(text)) and bool(datetime.date.fromisoformat(text))
        except ValueError:
            return False
    return True


@register.simple_tag
def pack_widget(bound_field):
    """The field's widget with our class names, aria-describedby and (from Django) aria-invalid.

    A number or date box given what it cannot hold ("三十", 2026-13-45) is drawn as a text box, so the
    person sees what they typed beside the message that says what is wrong."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.widgets.Input) and not _can_hold(widget, bound_field.value()):
        kept = {name: value for name, value in widget.attrs.items() if name not in RANGE_ATTRS}
        return bound_field.as_widget(widget=forms.TextInput(attrs=kept), attrs=_attrs(bound_field))
    return bound_field.as_widget(attrs=_attrs(bound_field))


@register.filter
def pack_choices(bound_field) -> list[BoundWidget]:
    """A radio group's buttons, each with the attributes `pack_widget` gives a single widget."""
    widget = bound_field.field.widget
    attrs = bound_field.build_widget_attrs({"id": bound_field.auto_id, **_attrs(bound_field)})
    return [
        BoundWidget(widget, option, bound_field.form.renderer)
        for option in widget.subwidgets(bound_field.html_name, bound_field.value(), attrs=attrs)
    ]
