"""Every admin list of facts editors keep shows their check the same way (permitsite/admin_review.py):
待核实 in red, a check over twelve months old in amber, a recent one plain."""

import datetime

import pytest

from calculator.models import WagePeriod
from schooling.models import PointsProcessingTime, RegistrationWindow, RouteWithoutPoints, SchoolSystem
from settle.models import SettleCondition
from tests.html_tree import parse

pytestmark = pytest.mark.django_db

# list, model, date field, column
LISTS = [
    ("calculator/wageperiod", WagePeriod, "verified_on", "field-verified"),
    ("settle/settlecondition", SettleCondition, "verified_on", "field-verified"),
    ("schooling/pointsprocessingtime", PointsProcessingTime, "verified_on", "field-verified"),
    ("schooling/registrationwindow", RegistrationWindow, "verified_on", "field-verified"),
    ("schooling/routewithoutpoints", RouteWithoutPoints, "verified_on", "field-verified"),
    ("schooling/schoolsystem", SchoolSystem, "entry_verified_on", "field-entry_checked"),
    ("schooling/schoolsystem", SchoolSystem, "stages_verified_on", "field-stages_checked"),
]
TODAY = "2026-12-03 12:00+08:00"


def checks_shown(client, path, column):
    page = parse(client.get(f"/admin/{path}/").content)
    # The colours come from this stylesheet; without it every check would look alike.
    assert any("rules-admin.css" in link.get("href", "") for link in page.find_all("link"))
    cells = page.find_all("td", class_=column)
    assert cells
    return cells


@pytest.mark.parametrize(
    ("path", "model", "field", "column"), LISTS, ids=[f"{p}-{f}" for p, _, f, _ in LISTS]
)
def test_a_check_over_twelve_months_old_stands_out(editor_client_at, path, model, field, column):
    client = editor_client_at(TODAY)

    model.objects.update(**{field: datetime.date(2025, 12, 2)})
    for cell in checks_shown(client, path, column):
        assert cell.find("span", class_="review-old")
        assert cell.text().startswith("2025-12-02")

    model.objects.update(**{field: datetime.date(2025, 12, 3)})  # twelve months ago to the day: still recent
    for cell in checks_shown(client, path, column):
        assert not cell.find(class_="review-old")
        assert cell.text().startswith("2025-12-03")

    model.objects.update(**{field: None})
    for cell in checks_shown(client, path, column):
        assert cell.find("strong", class_="review-missing").text() == "待核实"


@pytest.mark.parametrize("path", ["settle/settlecondition", "schooling/routewithoutpoints"])
def test_the_old_checks_are_one_filter_away(editor_client_at, path):
    client = editor_client_at(TODAY)
    model = dict((p, m) for p, m, _, _ in LISTS)[path]
    model.objects.update(verified_on=datetime.date(2026, 11, 30))
    old = model.objects.order_by("pk").first()
    model.objects.filter(pk=old.pk).update(verified_on=datetime.date(2025, 1, 5))

    listed = client.get(f"/admin/{path}/", {"checked": "old"}).context["cl"].result_list

    assert [row.pk for row in listed] == [old.pk]
