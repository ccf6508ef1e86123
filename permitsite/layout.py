"""Layout objects for our crispy template pack (templates/permitsite/), beside crispy's own Layout, Div,
Fieldset and HTML.

`Field` passes a few things the pack's field template knows how to show: a question revealed by another
answer (static/js/jifen.js shows it at once; without JavaScript the server asks it on the next submit),
a badge in a choice row ("+30 分") and a label with a link in it.
"""

from crispy_forms import layout
from crispy_forms.helper import FormHelper
from crispy_forms.utils import TEMPLATE_PACK


class Field(layout.Field):
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
        super().__init__(name)
        self.extra = {
            "reveal_when": reveal_when,
            "reveal_values": " ".join(reveal_values),
            "shown": shown,
            "badge": badge,
            "label_html": label_html,
        }

    def render(self, form, context, template_pack=TEMPLATE_PACK, extra_context=None, **kwargs):
        return super().render(
            form, context, template_pack, extra_context={**(extra_context or {}), **self.extra}, **kwargs
        )


def inside_page_form(*fields) -> FormHelper:
    """A helper for a form whose page writes the `<form>`, its CSRF token and its buttons."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if fields:
        helper.layout = layout.Layout(*fields)
    return helper
