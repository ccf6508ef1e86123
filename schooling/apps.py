from django.apps import AppConfig


class SchoolingConfig(AppConfig):
    name = "schooling"
    verbose_name = "子女升学时间表"

    def ready(self):
        from schooling import signals  # noqa: F401  (connects the school-data change receivers)
