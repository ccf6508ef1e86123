"""Tell the consultants about leads past their due-by, and retry new-lead notifications that failed.
Run from cron every 15 minutes (docs/leads.md)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from leads import notify


class Command(BaseCommand):
    help = (
        "给 LEADS_NOTIFY_EMAILS（和 LEADS_NOTIFY_WEBHOOK）发一封逾期未回电线索的提醒，"
        "并重发之前没有发出的新线索通知；建议每 15 分钟运行一次，可重复运行。"
    )

    def handle(self, *args, **options):
        now = timezone.now()
        if not notify.channels():
            self.stdout.write("没有设置 LEADS_NOTIFY_EMAILS 或 LEADS_NOTIFY_WEBHOOK，不发送任何提醒。")
            return
        retry = list(notify.pending(now))
        resent = notify.deliver(retry, now)
        overdue, reminded = notify.remind_overdue(now)
        self.stdout.write(
            f"重发新线索通知 {resent}/{len(retry)} 条；逾期线索 {overdue} 条，"
            f"{'已提醒' if reminded else '提醒没有发出，下次再试'}。"
        )
        if resent < len(retry) or not reminded:
            # Non-zero, so cron mails the operator: something keeps the notices from going out.
            raise SystemExit(1)
