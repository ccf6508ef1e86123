"""Delete stored self-test results (and so their share links) past the period /privacy/ states. Run daily."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from calculator.results import purge_expired
from leads.models import Lead
from permitsite.privacy import RESULTS_RETENTION_DAYS_STATED


class Command(BaseCommand):
    help = (
        f"删除超过 {RESULTS_RETENTION_DAYS_STATED} 天的自测结果（分享链接随之失效）；"
        "附在仍在保存期内的咨询记录上的结果保留到咨询记录删除。可重复运行。"
    )

    def handle(self, *args, **options):
        attached = Lead.objects.exclude(result_token="").values_list("result_token", flat=True)
        deleted = purge_expired(timezone.now(), keep_tokens=attached)
        self.stdout.write(f"已删除 {deleted} 条过期的自测结果。")
