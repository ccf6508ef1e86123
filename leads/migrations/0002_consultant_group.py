"""The 顾问 (consultant) group: works leads in admin and may see full numbers; nothing else.

Frozen literals; creates what is missing, never removes what an administrator added to the group.
Exporting CSV (leads.export_leads) is granted per person by an administrator, not to the whole group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "顾问"
PERMISSIONS = ("view_lead", "change_lead", "reveal_phone")


def add_consultant_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this migration needs them now.
    app_config = apps.get_app_config("leads")
    # Historical app configs have no models module, which create_permissions takes to mean "no models".
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="leads", codename__in=PERMISSIONS)
    )


def remove_consultant_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("leads", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_consultant_group, remove_consultant_group)]
