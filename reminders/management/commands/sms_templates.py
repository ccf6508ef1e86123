"""Print the SMS templates to submit to the provider for this site's SITE_URL (docs/deploy.md).

The reminder templates carry the site's address as fixed text, so they must be submitted again (and the new
template codes configured) whenever SITE_URL changes.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from leads.sms import CODE_TEXT
from reminders.schedule import KIND_LABELS, Kind
from reminders.texts import SIGNATURE, provider_template

SETTING_NAMES = {
    Kind.WINDOW_OPENS: "SMS_ALIYUN_TEMPLATE_WINDOW_OPENS",
    Kind.EXPIRY_NEAR: "SMS_ALIYUN_TEMPLATE_EXPIRY_NEAR",
    Kind.GRACE_ENDING: "SMS_ALIYUN_TEMPLATE_GRACE_ENDING",
}


class Command(BaseCommand):
    help = "按当前 SITE_URL 列出需要向短信服务商申请的模板正文（${…} 为变量）。"

    def handle(self, *args, **options):
        self.stdout.write(f"SITE_URL = {settings.SITE_URL}")
        code = CODE_TEXT.removeprefix(SIGNATURE).replace("{code}", "${code}")
        self.stdout.write(f"\nSMS_ALIYUN_TEMPLATE_CODE（验证码）：\n{code}")
        for kind in Kind:
            template = provider_template(kind, settings.SITE_URL)
            self.stdout.write(f"\n{SETTING_NAMES[kind]}（通知：{KIND_LABELS[kind]}）：\n{template}")
        self.stdout.write(
            "\n链接的网址是模板里的固定文字，只有 ${token}（8 位字母数字）是变量；"
            "更换 SITE_URL 后要重新申请这三个提醒模板。"
        )
