"""Editors (the `编辑` group) also maintain guides and holidays: exactly view/add/change/delete on Article,
HolidayOverride and HolidayYear.

The calculator app adds its own editor permissions to the same group in its own migration. Either may run
first, so both get_or_create the group and neither depends on the other. Frozen literals; reversing removes
only these permissions.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "编辑"
EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("article", "holidayoverride", "holidayyear")
    for action in ("view", "add", "change", "delete")
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="renewal", codename__in=EDITOR_PERMISSIONS)


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; create them now so the group can hold them.
    app_config = apps.get_app_config("renewal")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=EDITOR_GROUP).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("renewal", "0002_seed_guides"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
