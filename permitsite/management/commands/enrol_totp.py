"""Give a staff member a TOTP device for the admin's two-step sign-in (docs/admin.md)."""

from base64 import b32encode

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "为员工账号绑定身份验证器（TOTP），打印可在验证器应用中添加的密钥。"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--replace", action="store_true", help="删除该账号已有的验证设备后重新绑定（手机丢失时使用）"
        )

    def handle(self, username, replace, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"找不到用户 {username}")
        if not user.is_staff:
            raise CommandError(f"{username} 不是员工账号，无法登录管理后台")
        existing = TOTPDevice.objects.devices_for_user(user, confirmed=None)
        if existing.exists() and not replace:
            raise CommandError(f"{username} 已绑定验证设备；如需重新绑定，请加 --replace")
        existing.delete()
        device = TOTPDevice.objects.create(user=user, name="身份验证器", confirmed=True)
        secret = b32encode(device.bin_key).decode()
        self.stdout.write(f"已为 {username} 绑定身份验证器。")
        self.stdout.write(f"手动输入密钥：{secret}")
        self.stdout.write(f"或在支持的应用中打开：{device.config_url}")
        self.stdout.write("请通过安全渠道把密钥交给本人，之后不要保存它。")
