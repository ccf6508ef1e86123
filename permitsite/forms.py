"""What every public form shares beyond its template pack (templates/permitsite/)."""

from django import forms


def target_id(bound_field: forms.BoundField) -> str:
    """The id of the element a link to this field should move to: its input, or a group's first choice."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.RadioSelect):
        return widget.id_for_label(bound_field.auto_id, "0")
    return bound_field.id_for_label
