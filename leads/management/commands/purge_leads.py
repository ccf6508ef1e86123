"""Delete leads past the retention period and verification data past its use. Run daily from cron."""

from django.conf import settings
from django.core.management.base import BaseCommand

from leads import services


class Command(BaseCommand):
    help = "删除超过保存期限（LEADS_RETENTION_DAYS，默认 180 天）的咨询线索和过期的短信验证记录；可重复运行。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"保存天数，默认取 LEADS_RETENTION_DAYS（当前 {settings.LEADS_RETENTION_DAYS}）",
        )

    def handle(self, *args, days=None, **options):
        if days is not None and days < 1:
            self.stderr.write("--days 至少为 1。")
            raise SystemExit(2)
        removed = services.purge(retention_days=days)
        self.stdout.write(
            f"已删除 {removed['leads']} 条过期线索、{removed['verifications']} 条验证记录、"
            f"{removed['sms_sends']} 条短信发送记录、{removed['captchas']} 个过期图片验证码。"
        )
