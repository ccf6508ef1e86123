"""Warnings on the admin index: the rules in force run out soon with no successor, a year's wage figure is
missing from 1 July, or wage figures still await checking against the announcement."""

from django import template
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from calculator import validity
from calculator.base_tier import missing_period_since
from calculator.models import RuleSet
from calculator.rulesets import ruleset_in_force
from calculator.wages import wage_periods

register = template.Library()


@register.simple_tag(takes_context=True)
def rules_warnings(context):
    request = context.get("request")
    if request is None or not request.user.has_perm("calculator.view_ruleset"):
        return ""
    today = timezone.localdate()
    warnings = []
    in_force = ruleset_in_force(today)
    if in_force is not None and in_force.valid_until is not None:
        successor = (
            RuleSet.objects.exclude(version=in_force.version)
            .exclude(status=RuleSet.Status.PUBLISHED, effective_from__lte=in_force.effective_from)
            .exists()
        )
        if warning := validity.expiry_warning(in_force, successor, today):
            warnings.append(warning)
    periods = wage_periods()
    if missing := missing_period_since(periods, today):
        last = periods[-1]
        warnings.append(
            f"{missing.year}年7月1日起的社会平均工资还没有录入：自测的金额提示和缴费基数计算暂按 "
            f"{last.period_from.year}年度的 {last.monthly:,} 元（标为“暂按”）。人社局公布后，"
            "请在“社平工资（缴费基数）”里新增这一年度。"
        )
    unchecked = [p for p in periods if p.verified_on is None]
    if unchecked:
        years = "、".join(f"{p.period_from.year}年度" for p in unchecked)
        warnings.append(
            f"社平工资 {years} 还没有核对日期（网站上显示“待核实”）：请对照人社局公布的通知核对后填写。"
        )
    if not warnings:
        return ""
    items = format_html_join("", '<li class="warning">{}</li>', ((w,) for w in warnings))
    return format_html('<ul class="messagelist">{}</ul>', items)
