"""The 编辑 group holds exactly what editors need for the points rules and the route finder's data, and
nothing of other areas."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def test_the_editor_group_has_exactly_the_rule_permissions():
    codenames = set(
        Group.objects.get(name="编辑")
        .permissions.filter(content_type__app_label="calculator")
        .values_list("codename", flat=True)
    )
    rule_models = (
        "ruleset",
        "indicatorgroup",
        "indicator",
        "option",
        "band",
        "goldencase",
        "wageperiod",
        "planindicator",
        "planoption",
    )
    expected = {
        f"{action}_{model}" for model in rule_models for action in ("view", "add", "change", "delete")
    }
    assert codenames == expected | {"publish_ruleset", "view_assessment"}
    assert not Group.objects.get(name="编辑").permissions.filter(content_type__app_label="auth").exists()


def test_editors_also_maintain_guides_and_holidays(editor_client):
    for url in ["/admin/renewal/article/", "/admin/renewal/article/add/", "/admin/renewal/holidayoverride/"]:
        assert editor_client.get(url).status_code == 200
    assert editor_client.get("/admin/auth/user/").status_code == 403
