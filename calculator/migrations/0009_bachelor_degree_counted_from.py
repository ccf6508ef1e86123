"""学士学位's effort note ("在本科学历的基础上取得学士学位") describes the way from 本科学历 only, but 0006 left
its `counted_from` empty, so people without 本科 were shown it as their own route. Count it from 本科学历
(as 专升本 is counted from 大专), unless an editor has set it since."""

from django.db import migrations


def count_from_bachelor(apps, schema_editor):
    PlanOption = apps.get_model("calculator", "PlanOption")
    PlanOption.objects.filter(indicator__key="education", code="bachelor_degree", counted_from="").update(
        counted_from="bachelor"
    )


class Migration(migrations.Migration):
    dependencies = [("calculator", "0008_second_hand_plan_facts_unverified")]

    operations = [migrations.RunPython(count_from_bachelor, migrations.RunPython.noop)]
