"""Stored results of people the system does not cover (a band that scores nothing and carries a notice: over
60) no longer count as 达标, whatever their total: the engine says so from now on (docs/decisions.md, "Outside
the system"), and this brings the results saved before it in line, so the admin's counts agree.

Judged with the bands of the ruleset each result was scored under, as stored now; the reverse changes nothing
(the old value was wrong)."""

from django.db import migrations


def outside(bands, answers):
    for band in bands:
        value = answers.get(band.indicator.key)
        if isinstance(value, int) and not isinstance(value, bool) and band.low <= value <= band.high:
            return f"「{band.indicator.label}」{value} {band.indicator.unit}".rstrip()
    return ""


def mark_outside_results(apps, schema_editor):
    Assessment = apps.get_model("calculator", "Assessment")
    Band = apps.get_model("calculator", "Band")
    marking = (
        Band.objects.filter(points=0, indicator__kind="banded", indicator__active=True)
        .exclude(notice="")
        .select_related("indicator", "ruleset")
    )
    by_version = {}
    for band in marking:
        by_version.setdefault(band.ruleset.version, []).append(band)
    for version, bands in by_version.items():
        for assessment in Assessment.objects.filter(
            ruleset_version=version, reaches_threshold=True
        ).iterator():
            found = outside(bands, assessment.answers)
            if found:
                assessment.reaches_threshold = False
                assessment.result = {**assessment.result, "reaches_threshold": False, "outside": found}
                assessment.save(update_fields=["reaches_threshold", "result"])


class Migration(migrations.Migration):
    dependencies = [("calculator", "0009_bachelor_degree_counted_from")]

    operations = [migrations.RunPython(mark_outside_results, migrations.RunPython.noop)]
