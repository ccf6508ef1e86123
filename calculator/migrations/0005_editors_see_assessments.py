"""Editors may view the anonymous self-test records (read-only in admin)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "编辑"


def allow_viewing(apps, schema_editor):
    app_config = apps.get_app_config("calculator")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="calculator", codename="view_assessment")
    )


def disallow_viewing(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="calculator", codename="view_assessment")
        )


class Migration(migrations.Migration):
    dependencies = [("calculator", "0004_assessment"), ("calculator", "0003_editor_group")]

    operations = [migrations.RunPython(allow_viewing, disallow_viewing)]
