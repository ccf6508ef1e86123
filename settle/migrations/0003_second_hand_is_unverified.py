"""The 居转户 conditions were marked as checked on 2026-12-02 because several public pages quoted the same
text; nobody read the official text itself (RULES.md lists no official source for them). A check date means
an official text was read, so the seeded dates are cleared and the site shows these conditions as 待核实.
The 签注 note's source named no text at all: it says so now. Rows an editor has since changed (another date
or another source) are left alone."""

import datetime

from django.db import migrations

SEEDED = datetime.date(2026, 12, 2)
KEYS = ("card_years", "si_years", "tax", "title", "record", "senior_title", "remote", "late_endorsement")
LATE_SOURCE_BEFORE = "《上海市居住证》签注规定（与本站签注期限自查的依据相同）"
LATE_SOURCE_AFTER = "《上海市居住证》签注规定（本站尚未找到可以核对的条文，待核实）"


def clear(apps, schema_editor):
    SettleCondition = apps.get_model("settle", "SettleCondition")
    SettleCondition.objects.filter(key__in=KEYS, verified_on=SEEDED).update(verified_on=None)
    SettleCondition.objects.filter(key="late_endorsement", source=LATE_SOURCE_BEFORE).update(
        source=LATE_SOURCE_AFTER
    )


class Migration(migrations.Migration):
    dependencies = [("settle", "0002_seed_conditions")]

    operations = [migrations.RunPython(clear, migrations.RunPython.noop)]
