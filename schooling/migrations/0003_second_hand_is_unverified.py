"""The school facts were marked as checked on 2026-12-02 from public pages and news reports quoting the
official notices; nobody read the notices themselves (RULES.md lists no official source for them). A check
date means an official text was read, so the seeded dates are cleared and the site says 待核实. Dates an
editor has entered since are left alone."""

import datetime

from django.db import migrations

SEEDED = datetime.date(2026, 12, 2)


def clear(apps, schema_editor):
    model = apps.get_model
    model("schooling", "SchoolSystem").objects.filter(stages_verified_on=SEEDED).update(
        stages_verified_on=None
    )
    model("schooling", "SchoolSystem").objects.filter(entry_verified_on=SEEDED).update(entry_verified_on=None)
    model("schooling", "RegistrationWindow").objects.filter(verified_on=SEEDED).update(verified_on=None)
    model("schooling", "RouteWithoutPoints").objects.filter(verified_on=SEEDED).update(verified_on=None)
    model("schooling", "PointsProcessingTime").objects.filter(verified_on=SEEDED).update(verified_on=None)


class Migration(migrations.Migration):
    dependencies = [("schooling", "0002_seed_school_facts")]

    operations = [migrations.RunPython(clear, migrations.RunPython.noop)]
