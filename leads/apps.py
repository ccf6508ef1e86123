from django.apps import AppConfig


class LeadsConfig(AppConfig):
    name = "leads"
    verbose_name = "在线咨询"

    def ready(self):
        from leads import checks, notify, signals  # noqa: F401  (registers checks and receivers)
