"""A warning on the admin index while next year's holiday schedule is missing in December."""

from django import template
from django.utils import timezone
from django.utils.html import format_html

from renewal.models import workday_calendar
from renewal.workdays import next_year_without_schedule

register = template.Library()


@register.simple_tag(takes_context=True)
def holiday_schedule_warning(context):
    request = context.get("request")
    if request is None or not request.user.has_perm("renewal.add_holidayoverride"):
        return ""  # a task only those who keep the holiday calendar can do
    year = next_year_without_schedule(timezone.localdate(), workday_calendar())
    if year is None:
        return ""
    return format_html(
        '<ul class="messagelist"><li class="warning">{}年的节假日安排还没有录入：回电期限和办理时间估算'
        "遇到{}年的日期时只能按周一至周五计算。国务院公布安排后，请在“节假日调整”里逐日录入，"
        "再到“年度节假日安排”里把{}年标记为“全年安排已录入”。</li></ul>",
        year,
        year,
        year,
    )
