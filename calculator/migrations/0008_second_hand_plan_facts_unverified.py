"""Route-finder facts seeded as checked on 2026-12-02 whose basis is a second-hand text (a consultancy's quote
of 第八条, a third-party list of study lengths, reposted skill standards) lose that date: a check date means an
official text was read. Kept: the points rules' own text (official English text, english.shanghai.gov.cn) for
insurance years and the base tiers, and the Chongming district government page (shcm.gov.cn) for the base
condition, the official sources RULES.md lists. Dates an editor has entered since are left alone."""

import datetime

from django.db import migrations

SEEDED = datetime.date(2026, 12, 2)
INDICATORS = ("false_materials_count", "detention_count", "crime_count")
OPTIONS = {"education": ("junior_college", "bachelor"), "title_skill": ("skill_5", "skill_2", "skill_1")}


def clear(apps, schema_editor):
    PlanIndicator = apps.get_model("calculator", "PlanIndicator")
    PlanOption = apps.get_model("calculator", "PlanOption")
    PlanIndicator.objects.filter(key__in=INDICATORS, verified_on=SEEDED).update(verified_on=None)
    for key, codes in OPTIONS.items():
        PlanOption.objects.filter(indicator__key=key, code__in=codes, verified_on=SEEDED).update(
            verified_on=None
        )


class Migration(migrations.Migration):
    dependencies = [("calculator", "0007_clean_wage_sources")]

    operations = [migrations.RunPython(clear, migrations.RunPython.noop)]
