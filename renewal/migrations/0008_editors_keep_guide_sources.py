"""Editors (the `编辑` group) keep guides' sources too: view/add/change/delete on ArticleSource, which 0005
added after 0003 gave them the guides. Without these the 信息来源 table is missing from a guide's admin page,
while the guide shows its sources and their dates to everyone. Frozen literals; reversing removes only these.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_GROUP = "编辑"
SOURCE_PERMISSIONS = [f"{action}_articlesource" for action in ("view", "add", "change", "delete")]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="renewal", codename__in=SOURCE_PERMISSIONS)


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
    dependencies = [("renewal", "0007_unverified_in_guides")]

    operations = [migrations.RunPython(grant, revoke)]
