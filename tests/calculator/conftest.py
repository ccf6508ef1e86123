import importlib

import pytest

from calculator.engine import build_ruleset

# The very literal the data migration installs, so engine tests score what ships.
DEFAULT_RULESET = importlib.import_module("calculator.migrations.0002_default_ruleset").DEFAULT_RULESET


@pytest.fixture(scope="session")
def default_ruleset():
    return build_ruleset(DEFAULT_RULESET)


@pytest.fixture
def edit_rules(django_capture_on_commit_callbacks):
    """Run rule edits as if committed, so the change stamp moves as it does in production."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


@pytest.fixture
def publish_copy(edit_rules):
    """Publish a copy of the default ruleset effective on `effective_from`, after `change(copy)`."""
    from calculator.models import RuleSet, copy_as_draft
    from calculator.rulesets import publish

    def run(effective_from, change=lambda copy: None, version=None):
        def make():
            copy = copy_as_draft(RuleSet.objects.get(version="2023-01"))
            copy.effective_from = effective_from
            if version:
                copy.version = version
            copy.save()
            change(copy)
            # The golden cases copied along may now total differently: this fixture confirms them. Published
            # on its own effective date, as an editor would have then: today refuses a date already past.
            confirmed = [c.pk for c in copy.golden_cases.all()]
            assert publish(copy, confirmed_cases=confirmed, today=effective_from) == []
            return copy

        return edit_rules(make)

    return run


def change_form_data(response):
    """The POST data a browser would send back for an admin change page, inlines included."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else value

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    return data


# The route finder's editor data as the data migration installs it.
PLAN_FACTS = importlib.import_module("calculator.migrations.0006_plan_facts").PLAN_FACTS


def facts_from(literal, **overrides):
    """planner.Facts from the migration's literal; `overrides` replace fields of an indicator's row, e.g.
    facts_from(PLAN_FACTS, detention_count={"lapse_years": 2})."""
    from calculator import planner

    indicators, options = [], []
    for row in literal:
        row = {**row, **overrides.get(row["key"], {})}
        effort = planner.Effort(row.get("effort"), row.get("effort_note", ""))
        indicators.append(
            planner.IndicatorFact(
                key=row["key"],
                over_time=row.get("over_time", ""),
                lapse_years=row.get("lapse_years"),
                route=row.get("route", planner.NOT_A_ROUTE),
                typical_months=row.get("typical_months"),
                effort=effort,
                basis=row.get("basis", ""),
                verified_on=row.get("verified_on"),
            )
        )
        for option in row.get("options", ()):
            options.append(
                planner.OptionFact(
                    key=row["key"],
                    code=option["code"],
                    typical_months=option.get("typical_months"),
                    counted_from=option.get("counted_from", ""),
                    effort=planner.Effort(option.get("effort"), option.get("effort_note", "")),
                    basis=option.get("basis", ""),
                    verified_on=option.get("verified_on"),
                )
            )
    return planner.Facts.of(indicators, options)


@pytest.fixture(scope="session")
def default_facts():
    return facts_from(PLAN_FACTS)
