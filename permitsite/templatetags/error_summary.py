"""{% error_summary form other_form %}: the list of a form's problems at its top, each linked to its field.

The GOV.UK error summary pattern: one place to read every problem, focused when the page loads
(static/js/error-summary.js) and simply first in reading order without JavaScript.
"""

from django import template

from permitsite.forms import target_id

register = template.Library()


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*forms):
    errors = []
    for form in forms:
        if not form.is_bound:
            continue
        errors += [{"message": error} for error in form.non_field_errors()]
        for bound_field in form:
            errors += [
                {"message": error, "label": bound_field.label, "target": target_id(bound_field)}
                for error in bound_field.errors
            ]
    return {"errors": errors}
