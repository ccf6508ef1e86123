"""{% callback_promise %}: when a consultant calls back, in the words of leads/callback.py."""

from django import template

from leads.callback import CALLBACK_PROMISE

register = template.Library()


@register.simple_tag
def callback_promise():
    return CALLBACK_PROMISE
