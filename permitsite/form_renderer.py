"""Django's form renderer, with the built-in widget templates that public forms use written out in Python.

Each of Django's widget templates is a chain of includes (a radio button: radio_option → input_option →
input → attrs), and the template engine's cost per node made a form's widgets half the time of a wizard
step shown with a visitor's answers (docs/benchmarks.md). The functions below print exactly what those
templates print, from the same context the widget builds (`Widget.get_context`), so every attribute rule
stays Django's; tests/site/test_form_renderer.py renders each widget both ways and compares. Any other
template (the CAPTCHA's, the admin's, a form or error-list template) goes through the template engine.
"""

import html

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime

WIDGETS = "django/forms/widgets/"


def _escape(text: str) -> str:
    """conditional_escape of a string, without the lazy-string wrapper around it that costs more than the
    escaping (a radio group's attributes are escaped some fifty times)."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(text)


def _value(value) -> str:
    """{{ value }}, as the engine prints it (render_value_in_context): local time, localized, made a
    string, then escaped unless it says it is safe."""
    value = localize(template_localtime(value))
    return _escape(value if isinstance(value, str) else str(value))


def _string(value) -> str:
    """{{ value|stringformat:'s' }}: the filter's text is trusted only when its input was SafeData."""
    text = "%s" % (str(value) if isinstance(value, tuple) else value)
    return text if isinstance(value, SafeData) else html.escape(text)


def _attrs(attrs: dict) -> str:
    """attrs.html: ` name="value"`, ` name` for True, nothing for False."""
    return "".join(
        f" {_value(name)}" if value is True else f' {_value(name)}="{_string(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


# Each function prints its template file as the engine does inside an include: with the file's last
# newline. Only the outermost render is stripped (BaseRenderer.render), so a radio button's newlines stay.


def _input(widget: dict) -> str:
    value = "" if widget["value"] is None else f' value="{_string(widget["value"])}"'
    kind, name = _value(widget["type"]), _value(widget["name"])
    return f'<input type="{kind}" name="{name}"{value}{_attrs(widget["attrs"])}>\n'


def _input_file(widget: dict) -> str:
    """text.html, number.html, …: {% include "django/forms/widgets/input.html" %} and a newline."""
    return _input(widget) + "\n"


def _input_option(widget: dict) -> str:
    if not widget.get("wrap_label"):
        return _input(widget) + "\n"
    label_for = f' for="{_value(widget["attrs"]["id"])}"' if widget["attrs"].get("id") else ""
    return f"<label{label_for}>{_input(widget)} {_value(widget['label'])}</label>\n"


def _choice_option(widget: dict) -> str:
    """radio_option.html and checkbox_option.html: input_option.html and a newline."""
    return _input_option(widget) + "\n"


def _select_option(widget: dict) -> str:
    return (
        f'<option value="{_string(widget["value"])}"{_attrs(widget["attrs"])}>'
        f"{_value(widget['label'])}</option>\n"
    )


def _textarea(widget: dict) -> str:
    text = _value(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>\n{text}</textarea>\n'


class FastWidgets(DjangoTemplates):
    """FORM_RENDERER: Django's DjangoTemplates renderer, minus the template engine for common widgets."""

    def render(self, template_name, context, request=None):
        printer = self._printers.get(template_name)
        if printer and len(context) == 1 and "widget" in context and self._prints_options(context["widget"]):
            return printer(context["widget"]).strip()
        return super().render(template_name, context, request)

    def _prints_options(self, widget: dict) -> bool:
        """A widget whose options use a template of their own is left to the engine: that template may
        read what the include passes beside the option (forloop, the group, its index)."""
        return all(
            option["template_name"] in self._printers
            for _, options, _ in widget.get("optgroups", ())
            for option in options
        )

    @cached_property
    def _printers(self):
        return {
            **dict.fromkeys(INPUTS, _input_file),
            WIDGETS + "input.html": _input,
            WIDGETS + "input_option.html": _input_option,
            WIDGETS + "radio_option.html": _choice_option,
            WIDGETS + "checkbox_option.html": _choice_option,
            WIDGETS + "select_option.html": _select_option,
            WIDGETS + "textarea.html": _textarea,
            WIDGETS + "select.html": self._select,
            WIDGETS + "multiple_input.html": self._multiple_input,
            WIDGETS + "radio.html": self._choice_group,
            WIDGETS + "checkbox_select.html": self._choice_group,
        }

    def _option(self, option: dict) -> str:
        """{% include option.template_name with widget=option %}: one of ours (`_prints_options`)."""
        return self._printers[option["template_name"]](option)

    def _groups(self, widget: dict, group_start: str, option: str, group_end: str) -> str:
        """A choice widget's options, each group's start and end around its own (`{}` is the group's
        name in `group_start` and the option in `option`)."""
        html = []
        for group_name, options, _ in widget["optgroups"]:
            if group_name:
                html.append(group_start.format(_value(group_name)))
            html.extend(option.format(self._option(each)) for each in options)
            if group_name:
                html.append(group_end)
        return "".join(html)

    def _select(self, widget: dict) -> str:
        options = self._groups(widget, '\n  <optgroup label="{}">', "\n  {}", "\n  </optgroup>")
        return f'<select name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>{options}\n</select>\n'

    def _multiple_input(self, widget: dict) -> str:
        """Radio buttons or tick boxes, each in a <div>."""
        attrs = widget["attrs"]
        element_id = f' id="{_value(attrs["id"])}"' if attrs.get("id") else ""
        css = f' class="{_value(attrs["class"])}"' if attrs.get("class") else ""
        options = self._groups(widget, "\n  <div><label>{}</label>", "<div>\n    {}</div>", "\n  </div>")
        return f"<div{element_id}{css}>{options}\n</div>\n"

    def _choice_group(self, widget: dict) -> str:
        """radio.html and checkbox_select.html: multiple_input.html and a newline."""
        return self._multiple_input(widget) + "\n"


INPUTS = frozenset(
    WIDGETS + name
    for name in (
        "text.html",
        "number.html",
        "email.html",
        "url.html",
        "tel.html",
        "search.html",
        "password.html",
        "hidden.html",
        "date.html",
        "datetime.html",
        "time.html",
        "color.html",
        "checkbox.html",
    )
)
