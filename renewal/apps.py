from django.apps import AppConfig


class RenewalConfig(AppConfig):
    name = "renewal"
    verbose_name = "签注与续签"

    def ready(self):
        from renewal import signals  # noqa: F401  (edits of guides and holidays move their stamps)
