from django.apps import AppConfig


class SettleConfig(AppConfig):
    name = "settle"
    verbose_name = "居转户自查"

    def ready(self):
        from settle import signals  # noqa: F401  (connects the condition-change receivers)
