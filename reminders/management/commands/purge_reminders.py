"""Delete the 签注 reminders whose last deadline is past. Run it daily from cron (docs/deploy.md)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from reminders import services


class Command(BaseCommand):
    help = "删除补办期限已过（有效期后第 61 天起）的签注短信提醒及其发送记录；可重复运行。"

    def handle(self, *args, **options):
        removed = services.purge(timezone.localdate())
        self.stdout.write(f"已删除 {removed} 个已结束的签注短信提醒。")
