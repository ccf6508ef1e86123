from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = "签注短信提醒"

    def ready(self):
        from reminders import checks  # noqa: F401  (registers the system checks)
