"""The home page and /jifen/ state the shortest path counted from the questions in force, never “30 秒”."""

import datetime

import pytest

from calculator.forms import shortest_path
from calculator.models import Indicator
from calculator.rulesets import ruleset_in_force

pytestmark = pytest.mark.django_db


def test_the_default_questions_take_seven_taps_two_numbers_and_six_pages(client):
    path = shortest_path(ruleset_in_force())
    assert (path.taps, path.typed, path.pages) == (7, 2, 6)
    start = client.get("/jifen/").content.decode()
    assert "从这里最少点选 7 次、填 2 个数字，经过 6 个页面就能看到结果" in start
    home = client.get("/").content.decode()
    assert "从这里最少点选 8 次、填 2 个数字，经过 7 个页面就能看到结果" in home
    assert "30 秒" not in start + home


def test_a_new_required_question_changes_the_figure_on_both_pages(client, publish_copy, time_machine):
    time_machine.move_to(datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC))
    client.get("/")  # the home page is now stored in the page cache

    def ask_for_working_years(copy):
        Indicator.objects.create(
            ruleset=copy, order=55, key="work_years", label="在沪工作年限", category="basic",
            kind="per_unit", unit="年", points_per_unit=0, min_value=0, max_value=60,
        )  # fmt: skip

    publish_copy(datetime.date(2027, 1, 1), ask_for_working_years, version="2027-01")
    assert "填 3 个数字" in client.get("/jifen/").content.decode()
    assert "填 3 个数字" in client.get("/").content.decode()
