"""The base-tier computation: each month against its own period's average wage (hand-computed cases)."""

import datetime
from decimal import Decimal

from calculator.base_tier import (
    Month,
    WagePeriod,
    base_tier,
    by_year,
    missing_period_since,
    months_between,
    social_insurance_years,
    tier_rows,
    wage_on,
    yearly_bases,
)

D = datetime.date
# The three figures the site ships (calculator/migrations/0005): 1×, floor, ceiling (= 3×).
PERIODS = (
    WagePeriod(D(2023, 7, 1), D(2024, 6, 30), 12183, 7310, 36549),
    WagePeriod(D(2024, 7, 1), D(2025, 6, 30), 12307, 7384, 36921),
    WagePeriod(D(2025, 7, 1), D(2026, 6, 30), 12434, 7460, 37302),
)
JULY_2026 = Month(2026, 7)


def flat(first, last, base):
    return dict.fromkeys(months_between(Month.parse(first), Month.parse(last)), base)


class TestTheIssuesExamples:
    def test_12500_for_three_years_is_1x_in_every_period(self):
        result = base_tier(flat("2023-07", "2026-06", 12500), JULY_2026, PERIODS)
        assert result.tier == "x1"
        assert result.months == {"x3": 0, "x2": 0, "x1": 36, "x0_8": 36}

    def test_12400_falls_below_1x_when_the_2025_figure_starts(self):
        result = base_tier(flat("2023-07", "2026-06", 12400), JULY_2026, PERIODS)
        assert result.tier == "x0_8"
        assert result.months["x1"] == 24  # 12,400 ≥ 12,183 and ≥ 12,307, but < 12,434
        assert result.months["x0_8"] == 36

    def test_37302_for_two_years_is_the_ceiling_in_both(self):
        result = base_tier(flat("2024-07", "2026-06", 37302), JULY_2026, PERIODS)
        assert result.tier == "x3"
        assert result.months["x3"] == 24

    def test_36921_is_3x_only_while_it_is_the_ceiling(self):
        result = base_tier(flat("2024-07", "2026-06", 36921), JULY_2026, PERIODS)
        assert result.tier == "none"
        assert result.months["x3"] == 12
        assert result.months["x2"] == 24  # 2× but only 24 of the 36 months needed


class TestPeriodBoundaries:
    def test_june_and_july_are_judged_against_different_figures(self):
        result = base_tier({Month(2025, 6): 12400, Month(2025, 7): 12400}, Month(2025, 8), PERIODS)
        reached = {j.month: j.reached for j in result.judged if j.base}
        assert reached == {Month(2025, 6): "x1", Month(2025, 7): "x0_8"}

    def test_the_windows_end_the_month_before_the_application(self):
        # Applying in July 2026: June 2026 counts, July 2026 does not.
        bases = flat("2023-07", "2026-07", 12500)
        result = base_tier(bases, JULY_2026, PERIODS)
        assert result.judged[-1].month == Month(2026, 6)
        windows = {row.code: (row.first, row.last) for row in tier_rows(result)}
        assert windows["x3"] == (Month(2023, 7), Month(2026, 6))
        assert windows["x1"] == (Month(2022, 7), Month(2026, 6))

    def test_3x_counts_only_within_36_months(self):
        # 24 months at the ceiling, but the first 12 lie 37–48 months back: only 12 are in the 3× window.
        bases = flat("2022-07", "2023-06", 40000) | flat("2025-07", "2026-06", 37302)
        periods = (WagePeriod(D(2022, 7, 1), D(2023, 6, 30), 11396, 6520, 34188), *PERIODS)
        result = base_tier(bases, JULY_2026, periods)
        assert result.months["x3"] == 12
        assert result.tier == "none"


class TestMissingMonths:
    def test_months_not_paid_do_not_count(self):
        bases = flat("2023-07", "2026-06", 12500)
        for month in months_between(Month(2024, 1), Month(2024, 3)):
            del bases[month]
        result = base_tier(bases, JULY_2026, PERIODS)
        assert result.months["x1"] == 33
        assert result.tier == "none"

    def test_a_zero_base_is_a_month_not_paid(self):
        bases = flat("2023-07", "2026-06", 12500) | {Month(2024, 1): 0}
        assert base_tier(bases, JULY_2026, PERIODS).months["x1"] == 35

    def test_36_months_spread_over_four_years_are_enough(self):
        # Cumulative, not consecutive: 9 paid months in each of four 社保年度.
        bases = {}
        for year in (2022, 2023, 2024, 2025):
            bases |= flat(f"{year}-10", f"{year + 1}-06", 30000)
        periods = (WagePeriod(D(2022, 7, 1), D(2023, 6, 30), 11396, 6520, 34188), *PERIODS)
        result = base_tier(bases, JULY_2026, periods)
        assert result.months["x2"] == 36
        assert result.tier == "x2"


class TestTheCeiling:
    def test_a_base_above_the_ceiling_counts_as_the_ceiling(self):
        result = base_tier(flat("2023-07", "2026-06", 50000), JULY_2026, PERIODS)
        assert result.months["x3"] == 36
        assert result.tier == "x3"

    def test_3x_exactly_at_the_ceiling_counts_and_one_yuan_less_does_not(self):
        at = base_tier(flat("2024-07", "2025-06", 36921), Month(2025, 7), PERIODS)
        below = base_tier(flat("2024-07", "2025-06", 36920), Month(2025, 7), PERIODS)
        assert at.months["x3"] == 12
        assert below.months["x3"] == 0
        assert below.months["x2"] == 12

    def test_08x_is_compared_exactly_not_rounded(self):
        # 0.8 × 12,183 = 9,746.4: 9,746 is short of it, 9,746.4 reaches it.
        short = base_tier({Month(2023, 7): 9746}, Month(2023, 8), PERIODS)
        exact = base_tier({Month(2023, 7): Decimal("9746.4")}, Month(2023, 8), PERIODS)
        assert short.months["x0_8"] == 0
        assert exact.months["x0_8"] == 1


class TestBeforeTheFirstKnownPeriod:
    def test_months_without_a_figure_are_not_counted_and_are_named(self):
        bases = flat("2022-07", "2026-06", 12500)  # 2022-07..2023-06 has no figure here
        result = base_tier(bases, JULY_2026, PERIODS)
        assert result.unjudged == tuple(months_between(Month(2022, 7), Month(2023, 6)))
        assert result.months["x1"] == 36
        assert result.tier == "x1"
        assert not result.could_be_higher

    def test_the_result_says_when_the_unknown_months_could_lift_the_tier(self):
        bases = flat("2022-07", "2025-06", 30000)  # 24 known months at 2×, 12 without a figure
        result = base_tier(bases, Month(2025, 7), PERIODS)
        assert result.tier == "none"
        assert result.months["x2"] == 24
        assert result.could_be_higher

    def test_unpaid_months_before_the_first_period_are_not_unjudged(self):
        result = base_tier(flat("2023-07", "2026-06", 12500), JULY_2026, PERIODS)
        assert result.unjudged == ()


class TestAfterTheLastKnownPeriod:
    def test_the_last_figure_applies_and_is_marked_provisional(self):
        wage = wage_on(PERIODS, D(2026, 9, 1))
        assert wage.period.monthly == 12434
        assert wage.provisional
        assert not wage_on(PERIODS, D(2026, 6, 30)).provisional
        assert wage_on(PERIODS, D(2023, 6, 30)) is None

    def test_months_judged_provisionally_are_listed(self):
        result = base_tier(flat("2024-07", "2026-12", 12500), Month(2027, 1), PERIODS)
        assert result.provisional == tuple(months_between(Month(2026, 7), Month(2026, 12)))
        assert result.months["x1"] == 30


def test_the_missing_figure_is_noticed_from_1_july():
    assert missing_period_since(PERIODS, D(2026, 6, 30)) is None
    assert missing_period_since(PERIODS, D(2026, 7, 1)) == D(2026, 7, 1)
    assert missing_period_since(PERIODS, D(2027, 2, 1)) == D(2026, 7, 1)
    assert missing_period_since(PERIODS, D(2025, 12, 1)) is None


def test_one_base_per_year_with_unpaid_months_marked():
    bases = yearly_bases({2024: 12000, 2025: None}, {2024: [Month(2024, 8)]})
    assert len(bases) == 11
    assert Month(2024, 8) not in bases
    assert bases[Month(2025, 6)] == 12000


def test_the_years_a_window_touches():
    assert social_insurance_years(JULY_2026) == [2022, 2023, 2024, 2025]
    assert social_insurance_years(Month(2026, 3)) == [2021, 2022, 2023, 2024, 2025]


def test_months_parse_strictly():
    assert Month.parse("2025-07") == Month(2025, 7)
    for bad in ("2025-7", "2025-13", "25-07", "2025/07", "２０２５-07", "2025-00"):
        try:
            Month.parse(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_the_window_grouped_by_year_for_the_page():
    bases = flat("2023-07", "2026-06", 12400)
    del bases[Month(2024, 1)]
    rows = by_year(base_tier(bases, JULY_2026, PERIODS))
    assert [(r.year, r.paid, r.reached) for r in rows] == [
        (2022, 0, ()),
        (2023, 11, ("x1",)),
        (2024, 12, ("x1",)),
        (2025, 12, ("x0_8",)),
    ]
    assert rows[0].wage is None
    assert rows[3].wage.period.monthly == 12434
