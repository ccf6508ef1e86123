"""What every public form shares: fields in error say so to assistive technology (WCAG 3.3.1, 4.1.2)."""

from django import forms


class MarksFieldsInError:
    """After validation, each widget in error is styled as such and points at its message, then its hint.

    Django itself adds aria-invalid to a widget in error, and aria-describedby with its own ids, but not to
    widgets drawn as a group (radio buttons, the CAPTCHA's image and box). This covers every widget, with
    the ids our templates give the message (`error_id`) and the hint (`help_id`).
    """

    def error_id(self, name: str) -> str:
        return f"{self[name].auto_id}_error"

    def help_id(self, name: str) -> str | None:
        return None

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            if "is-invalid" not in attrs.get("class", "").split():
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
            attrs["aria-describedby"] = " ".join(filter(None, [self.error_id(name), self.help_id(name)]))


def target_id(bound_field: forms.BoundField) -> str:
    """The id of the element a link to this field should move to: its input, or a group's first choice."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect):
        return widget.id_for_label(bound_field.auto_id, "0")
    return bound_field.id_for_label
