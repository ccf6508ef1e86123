"""Layout objects for our crispy template pack (templates/permitsite/), beside crispy's own Layout, Div,
Fieldset and Hidden.

`Field` passes a few things the pack's field template knows how to show: a question revealed by another
answer (static/js/jifen.js shows it at once; without JavaScript the server asks it on the next submit),
a badge in a choice row ("+30 分") and a label with a link in it. It renders the pack's field template
with only what that template reads, rather than a copy of the whole page's context for every field as
crispy's own Field does: the wizard's longest step has 19 fields.
"""

from crispy_forms import layout
from crispy_forms.helper import FormHelper
from crispy_forms.utils import TEMPLATE_PACK
from django.template.loader import get_template


class Field(layout.LayoutObject):
    template = "%s/field.html"

    def __init__(
        self,
        name: str,
        *,
        reveal_when: str = "",
        reveal_values: tuple[str, ...] = (),
        shown: bool = True,
        badge: str = "",
        label_html: str = "",
    ):
        self.fields = [name]
        self.extra = {
            "reveal_when": reveal_when,
            "reveal_values": " ".join(reveal_values),
            "shown": shown,
            "badge": badge,
            "label_html": label_html,
        }

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        (name,) = self.fields
        form.rendered_fields.add(name)
        return get_template(self.get_template_name(template_pack)).render({"field": form[name], **self.extra})


class Include:
    """A template rendered inside a form's layout with the page's context: a block of several forms'
    fields and buttons (leads/_code_block.html)."""

    def __init__(self, template_name: str):
        self.template_name = template_name

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        return get_template(self.template_name).render(context.flatten())


def inside_page_form(*fields) -> FormHelper:
    """A helper for a form whose page writes the `<form>`, its CSRF token and its buttons. A field given
    by name is drawn by our `Field`."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if fields:
        helper.layout = layout.Layout(*(Field(f) if isinstance(f, str) else f for f in fields))
    return helper
