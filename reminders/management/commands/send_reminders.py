"""Send the 签注 reminders due today. Run it hourly from cron or a systemd timer (docs/deploy.md).

Idempotent: a reminder already sent (or started) has its row and is never sent again, so overlapping or
repeated runs are harmless. Outside 08:00–21:00 Shanghai time it sends nothing.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reminders import services
from renewal.dateinput import InvalidDate, parse_date


class Command(BaseCommand):
    help = "发送今天到期的签注短信提醒；可重复运行，只在上海时间 08:00–21:00 之间发送。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            help=(
                "按这一天（YYYY-MM-DD，上海时间）计算该发的提醒，用于补发停机期间漏掉的一天；不能晚于今天。"
                "短信今天才到达，所以内容在今天已不成立的提醒（例如有效期已过却说“现在可以签注了”）不补发。"
            ),
        )

    def handle(self, *args, today=None, **options):
        real_today = timezone.localdate()
        if today is None:
            day = real_today
        else:
            try:
                day = parse_date(today)
            except InvalidDate as error:
                raise CommandError(f"--today：{error}") from None
            if day > real_today:
                # A text saying "现在可以签注了" must never reach anyone before that is true.
                raise CommandError(f"--today 不能晚于今天（{real_today:%Y-%m-%d}）。")
        report = services.send_due(day, site_url=settings.SITE_URL)
        self.stdout.write(f"{day:%Y-%m-%d}：{report}")
