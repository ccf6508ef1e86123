"""The seeded basis notes (0002) ended with an instruction to editors, "发布前请对照市人社局网站的中文原文核对。",
which the public rules page (/jifen/rules/) and /api/v1/rules would show to everyone. What it asks is what
"待核实" already says to readers and docs/editors.md says to editors, so it is removed from every note that
still ends with it; a note an editor has rewritten is left as it is. Reversing puts it back."""

from django.db import migrations

INSTRUCTION = "发布前请对照市人社局网站的中文原文核对。"


def remove_instruction(apps, schema_editor):
    for model in ("Indicator", "Option"):
        Model = apps.get_model("calculator", model)
        for row in Model.objects.filter(basis__endswith="。" + INSTRUCTION):
            Model.objects.filter(pk=row.pk).update(basis=row.basis.removesuffix(INSTRUCTION))


def restore_instruction(apps, schema_editor):
    seeded = importlib_seed()
    for model in ("Indicator", "Option"):
        Model = apps.get_model("calculator", model)
        for row in Model.objects.filter(basis__in=seeded):
            Model.objects.filter(pk=row.pk).update(basis=row.basis + INSTRUCTION)


def importlib_seed():
    """The seeded notes without the instruction, as 0002 wrote them."""
    import importlib

    seed = importlib.import_module("calculator.migrations.0002_default_ruleset")
    notes = set()
    for indicator in seed.DEFAULT_RULESET["indicators"]:
        for row in (indicator, *indicator.get("options", ())):
            basis = row.get("basis", "") if isinstance(row, dict) else ""
            if basis.endswith(INSTRUCTION):
                notes.add(basis.removesuffix(INSTRUCTION))
    return notes


class Migration(migrations.Migration):
    dependencies = [("calculator", "0010_outside_the_system_not_reached")]

    operations = [migrations.RunPython(remove_instruction, restore_instruction)]
