"""The `编辑` group gets exactly the permissions an editor needs for guides and the holiday calendar.

The calculator app adds its own editor permissions to the same group in its own migration; either may run
first, so both get_or_create the group. Frozen literals; reversing removes only these permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "编辑"
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("article", "holidayoverride", "holidayyear")
    for action in ("view", "add", "change", "delete")
]


def add_editor_permissions(apps, schema_editor):
    # Permissions are normally created after migrate; create ours now so the group can hold them.
    app_config = apps.get_app_config("renewal")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="renewal", codename__in=EDITOR_PERMISSIONS)
    )


def remove_editor_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="renewal", codename__in=EDITOR_PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("renewal", "0002_seed_guides"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_editor_permissions, remove_editor_permissions)]
