"""The seeded validity basis (0005) pointed at "RULES.md", a file in this repository, and asked editors to
copy a draft when new rules come out; /api/v1/rules shows it to everyone. It now names the measure only.
A basis an editor has rewritten is left as it is; reversing puts the seeded text back."""

import importlib

from django.db import migrations

SEEDED = importlib.import_module(
    "calculator.migrations.0005_dates_wages_golden_cases"
).DEFAULT_VALID_UNTIL_BASIS
FOR_READERS = "《上海市居住证积分管理办法》（沪府规〔2022〕21号）：2023 年 1 月 1 日起施行，有效期至 2027 年 12 月 31 日。"


def for_readers(apps, schema_editor):
    apps.get_model("calculator", "RuleSet").objects.filter(valid_until_basis=SEEDED).update(
        valid_until_basis=FOR_READERS
    )


def as_seeded(apps, schema_editor):
    apps.get_model("calculator", "RuleSet").objects.filter(valid_until_basis=FOR_READERS).update(
        valid_until_basis=SEEDED
    )


class Migration(migrations.Migration):
    dependencies = [("calculator", "0011_basis_without_editor_instruction")]

    operations = [migrations.RunPython(for_readers, as_seeded)]
