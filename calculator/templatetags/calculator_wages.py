"""Showing wage figures: yuan with thousands separators, and a 社保年度 by its months."""

from django import template

from calculator import base_tier

register = template.Library()


@register.filter
def yuan(amount) -> str:
    return base_tier.yuan(amount)


@register.filter
def period_label(period: base_tier.WagePeriod) -> str:
    start, end = period.period_from, period.period_to
    return f"{start.year}年{start.month}月至{end.year}年{end.month}月"
