from django.apps import AppConfig


class LeadsConfig(AppConfig):
    name = "leads"
    verbose_name = "在线咨询"

    def ready(self):
        from leads import checks  # noqa: F401  (registers the system checks)
