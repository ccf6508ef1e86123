"""The rules know their dates: valid_until and stale in /api/v1/rules and /api/v1/score, the earliest date
covered, the average wage for a date, and a review date for every indicator and option."""

import datetime

import pytest

from calculator.models import Indicator, Option, WagePeriod

pytestmark = pytest.mark.django_db


def rules(client, as_of):
    response = client.get(f"/api/v1/rules?as_of={as_of}")
    assert response.status_code == 200
    return response.json()


def score(client, as_of):
    response = client.post(f"/api/v1/score?as_of={as_of}", {"age": 30}, content_type="application/json")
    assert response.status_code == 200
    return response.json()


class TestValidity:
    def test_within_the_period_the_rules_are_not_stale(self, client):
        for answer in (rules(client, "2027-12-31"), score(client, "2027-12-31")):
            assert answer["valid_until"] == "2027-12-31"
            assert answer["stale"] is False
            assert answer["notice"] is None

    def test_after_valid_until_without_a_newer_ruleset_the_answer_is_stale_and_says_so(self, client):
        for answer in (rules(client, "2030-06-01"), score(client, "2030-06-01")):
            assert answer["stale"] is True
            assert "有效期到 2027年12月31日" in answer["notice"]
            assert "2030年6月1日" in answer["notice"]
        assert score(client, "2030-06-01")["total"] == 30  # still scored, under the rules in force

    def test_a_newer_published_ruleset_ends_the_staleness(self, client, publish_copy):
        def valid_to_2032(copy):
            copy.valid_until = datetime.date(2032, 12, 31)
            copy.save()

        publish_copy(datetime.date(2029, 1, 1), valid_to_2032, version="2029-01")
        # 2028 still falls under the old rules, but their successor is published: not stale.
        in_2028 = rules(client, "2028-06-01")
        assert (in_2028["version"], in_2028["stale"], in_2028["valid_until"]) == (
            "2023-01",
            False,
            "2027-12-31",
        )
        in_2030 = rules(client, "2030-06-01")
        assert (in_2030["version"], in_2030["stale"], in_2030["valid_until"]) == (
            "2029-01",
            False,
            "2032-12-31",
        )

    def test_the_basis_of_valid_until_is_given(self, client):
        assert "沪府规〔2022〕21号" in rules(client, "2026-01-01")["valid_until_basis"]

    def test_before_the_earliest_ruleset_a_400_names_the_earliest_date(self, client):
        for response in (
            client.get("/api/v1/rules?as_of=2022-12-31"),
            client.post("/api/v1/score?as_of=2022-12-31", {"age": 30}, content_type="application/json"),
        ):
            assert response.status_code == 400
            assert "2023-01-01" in response.json()["errors"]["as_of"][0]


class TestAverageWage:
    @pytest.mark.parametrize(
        ("as_of", "monthly", "period_from", "period_to"),
        [
            ("2023-07-01", 12183, "2023-07-01", "2024-06-30"),
            ("2024-06-30", 12183, "2023-07-01", "2024-06-30"),
            ("2024-07-01", 12307, "2024-07-01", "2025-06-30"),
            ("2026-06-30", 12434, "2025-07-01", "2026-06-30"),
        ],
    )
    def test_the_period_containing_the_date(self, client, as_of, monthly, period_from, period_to):
        wage = rules(client, as_of)["average_wage"]
        assert (wage["monthly"], wage["period_from"], wage["period_to"]) == (monthly, period_from, period_to)
        assert wage["provisional"] is False
        assert "人力资源和社会保障局" in wage["source"]

    def test_after_the_last_period_the_last_figure_is_provisional(self, client):
        wage = rules(client, "2026-07-01")["average_wage"]
        assert (wage["monthly"], wage["provisional"]) == (12434, True)

    def test_floor_ceiling_and_review_date_come_with_it(self, client):
        wage = rules(client, "2025-01-01")["average_wage"]
        assert (wage["base_floor"], wage["base_ceiling"]) == (7384, 36921)
        assert wage["verified_on"] is None  # 待核实: nobody has checked it against the announcement yet
        assert wage["source_url"] is None

    def test_before_the_first_period_there_is_no_figure(self, client):
        assert rules(client, "2023-06-30")["average_wage"] is None

    def test_an_added_period_is_used_on_the_next_request(self, client, edit_rules):
        assert rules(client, "2026-08-01")["average_wage"]["provisional"] is True
        edit_rules(
            lambda: WagePeriod.objects.create(
                period_from=datetime.date(2026, 7, 1),
                period_to=datetime.date(2027, 6, 30),
                monthly_average=12600,
                base_floor=7560,
                base_ceiling=37800,
                source="测试用",
                verified_on=datetime.date(2026, 7, 20),
            )
        )
        wage = rules(client, "2026-08-01")["average_wage"]
        assert (wage["monthly"], wage["provisional"], wage["verified_on"]) == (12600, False, "2026-07-20")


class TestReviewDates:
    def test_indicators_and_options_carry_basis_and_review_date(self, client, edit_rules):
        indicator = Indicator.objects.get(ruleset__version="2023-01", key="education")
        indicator.verified_on, indicator.verified_by = datetime.date(2026, 3, 1), "王编辑"
        edit_rules(indicator.save)
        master = Option.objects.get(indicator=indicator, code="master")
        master.verified_on, master.verified_by, master.basis = datetime.date(2026, 5, 2), "李编辑", "另一文件"
        edit_rules(master.save)

        by_key = {i["key"]: i for i in rules(client, "2026-06-01")["indicators"]}
        education = by_key["education"]
        assert (education["verified_on"], education["verified_by"]) == ("2026-03-01", "王编辑")
        options = {o["code"]: o for o in education["options"]}
        # An option without its own review shares its indicator's; one with its own shows that.
        assert (options["bachelor"]["verified_on"], options["bachelor"]["verified_by"]) == (
            "2026-03-01",
            "王编辑",
        )
        assert options["bachelor"]["basis"] == education["basis"]
        assert (options["master"]["verified_on"], options["master"]["verified_by"]) == (
            "2026-05-02",
            "李编辑",
        )
        assert options["master"]["basis"] == "另一文件"
        assert by_key["age"]["verified_on"] is None
        assert by_key["age"]["verified_by"] is None
