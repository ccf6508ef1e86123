from django.apps import AppConfig


class CalculatorConfig(AppConfig):
    name = "calculator"
    verbose_name = "积分自测"

    def ready(self):
        from calculator import signals  # noqa: F401  (connects the rule-change receivers)
