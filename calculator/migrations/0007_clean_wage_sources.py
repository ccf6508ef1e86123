"""The seeded wage sources ended with a note to editors ("请编辑对照人社局原文核实后填写核对日期"), which the
base-tier page and /api/v1/rules showed to everyone. Replace it with what a reader needs; a source an editor
has since rewritten is left alone."""

from django.db import migrations

EDITOR_NOTE = (
    "本站整理时无法打开人社局网站（rsj.sh.gov.cn）的通知原文，数字取自公开社保计算器的数据，"
    "三者与 3 倍、60% 的关系相符；请编辑对照人社局原文核实后填写核对日期。"
)
FOR_READERS = (
    "本站还没能对照人社局网站（rsj.sh.gov.cn）的通知原文核实，数字取自公开的社保计算器，"
    "三者与 3 倍、60% 的关系相符。"
)


def clean(apps, schema_editor):
    WagePeriod = apps.get_model("calculator", "WagePeriod")
    for period in WagePeriod.objects.filter(source__contains=EDITOR_NOTE):
        period.source = period.source.replace(EDITOR_NOTE, FOR_READERS)
        period.save(update_fields=["source"])


class Migration(migrations.Migration):
    dependencies = [("calculator", "0006_plan_facts")]

    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
