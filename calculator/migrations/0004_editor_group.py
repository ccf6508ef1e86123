"""The `编辑` group: exactly the permissions an editor needs to maintain rulesets and see the anonymous
self-test records.

Other apps add their own editor permissions to the same group in their own migrations.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "编辑"
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("ruleset", "indicatorgroup", "indicator", "option", "band")
    for action in ("view", "add", "change", "delete")
] + ["publish_ruleset", "view_assessment"]


def create_editor_group(apps, schema_editor):
    # Permissions are normally created after migrate; create ours now so the group can hold them.
    app_config = apps.get_app_config("calculator")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="calculator", codename__in=EDITOR_PERMISSIONS)
    )


def remove_editor_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="calculator", codename__in=EDITOR_PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("calculator", "0003_assessment"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_permissions)]
