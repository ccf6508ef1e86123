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
            assert publish(copy) == []
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
