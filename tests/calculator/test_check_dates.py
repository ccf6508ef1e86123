"""A check date says when someone read the policy text: one after today would be shown to the public as a
check that has not happened, and would keep the value off every "not checked for 12 months" list."""

import pytest

from calculator.models import Option, PlanIndicator, PlanOption, WagePeriod
from tests.calculator.conftest import change_form_data
from tests.calculator.test_admin_editing import indicator_url

pytestmark = pytest.mark.django_db

# editor_client_at (tests/conftest.py): an editor signed in with the clock standing at this moment.
NOON_3_DECEMBER = "2026-12-03 12:00+08:00"
REFUSED = "不能晚于今天（2026-12-03）"


def inline_prefix(data, code):
    """The form prefix of the inline row whose code is `code`, e.g. "options-1"."""
    return next(
        key.removesuffix("-code") for key, value in data.items() if key.endswith("-code") and value == code
    )


def test_an_indicator_checked_tomorrow_is_refused(editor_client_at):
    client = editor_client_at(NOON_3_DECEMBER)
    url = indicator_url("age")
    data = change_form_data(client.get(url)) | {"verified_on": "2026-12-04"}

    response = client.post(url, data)

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    rules = {i["key"]: i for i in client.get("/api/v1/rules").json()["indicators"]}
    assert rules["age"]["verified_on"] is None


def test_today_is_the_day_in_shanghai(editor_client_at):
    # 01:00 on 4 December in Shanghai is still 3 December on a server clock in UTC.
    client = editor_client_at("2026-12-04 01:00+08:00")
    url = indicator_url("age")
    data = change_form_data(client.get(url))

    assert client.post(url, data | {"verified_on": "2026-12-05"}).status_code == 200
    assert client.post(url, data | {"verified_on": "2026-12-04"}).status_code == 302


def test_an_option_checked_in_the_future_is_refused(editor_client_at):
    client = editor_client_at(NOON_3_DECEMBER)
    url = indicator_url("award")
    data = change_form_data(client.get(url))
    data[f"{inline_prefix(data, 'municipal_special')}-verified_on"] = "2030-01-01"

    response = client.post(url, data)

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert Option.objects.get(indicator__key="award", code="municipal_special").verified_on is None


def test_a_wage_period_checked_in_the_future_is_refused(editor_client_at):
    client = editor_client_at(NOON_3_DECEMBER)
    form = {
        "period_from": "2026-07-01",
        "period_to": "2027-06-30",
        "monthly_average": "12600",
        "base_floor": "7560",
        "base_ceiling": "37800",
        "source": "上海市人社局 2026 年度缴费基数通知",
        "verified_on": "2027-03-01",
    }

    response = client.post("/admin/calculator/wageperiod/add/", form)

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not WagePeriod.objects.filter(period_from="2026-07-01").exists()


def test_route_facts_checked_in_the_future_are_refused(editor_client_at):
    client = editor_client_at(NOON_3_DECEMBER)
    url = f"/admin/calculator/planindicator/{PlanIndicator.objects.get(key='education').pk}/change/"
    data = change_form_data(client.get(url)) | {"verified_on": "2027-06-01"}
    data[f"{inline_prefix(data, 'bachelor')}-verified_on"] = "2030-01-01"

    html = client.post(url, data).content.decode()

    assert html.count(REFUSED) == 2  # the indicator's date and the option's
    assert PlanIndicator.objects.get(key="education").verified_on is None
    assert PlanOption.objects.get(indicator__key="education", code="bachelor").verified_on is None
