"""Working days (工作日) for processing-time estimates.

A working day is Monday–Friday that is not a statutory holiday, or a weekend day officially
designated as a working day (调休上班). For any single day the answer comes from, in order:

1. an editor's override for that date (holiday or adjusted working day);
2. the ``chinesecalendar`` package, for the years whose State Council schedule it carries;
3. Monday–Friday.

When step 3 decides a day in a year with no known schedule, the answer is an estimate.
A year's schedule counts as known only when ``chinesecalendar`` carries it or an editor has
marked that year's schedule as completely entered (``complete_years``). Overrides alone never
make a year exact: a single entered holiday does not mean the rest of the year was entered.

The core below is pure: editor data arrives as plain values.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

import chinese_calendar

# 依据: 社区事务受理服务中心 2 个工作日内转派出所；派出所 6 个工作日内审核；7 个工作日内制证。
FORWARDING_WORKING_DAYS = 2
REVIEW_WORKING_DAYS = 6
CARD_PRODUCTION_WORKING_DAYS = 7


class DayKind(StrEnum):
    HOLIDAY = "holiday"
    ADJUSTED_WORKING_DAY = "adjusted_working_day"


@cache
def library_knows_year(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


class WorkdayCalendar:
    def __init__(
        self,
        overrides: Mapping[date, DayKind] | None = None,
        complete_years: Iterable[int] = (),
    ):
        self.overrides = {day: DayKind(kind) for day, kind in (overrides or {}).items()}
        self.complete_years = frozenset(complete_years)

    def schedule_known(self, year: int) -> bool:
        return year in self.complete_years or library_knows_year(year)

    def is_working_day(self, day: date) -> bool:
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == DayKind.ADJUSTED_WORKING_DAY
        if library_knows_year(day.year):
            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start``; counting starts the day after ``start``."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = start
        while n:
            day += timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day

    def latest_start(self, deadline: date, n: int) -> date:
        """The last working day on which something taking n working days can start (be accepted) and
        still be done by ``deadline``: add_working_days(latest_start(d, n), n) <= d, counted the same way."""
        if n < 0:
            raise ValueError("n must not be negative")
        day = deadline
        while n:  # back over n working days, the deadline itself being the first when it is one
            if self.is_working_day(day):
                n -= 1
            day -= timedelta(days=1)
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def years_without_schedule(self, first: date, last: date) -> tuple[int, ...]:
        return tuple(year for year in range(first.year, last.year + 1) if not self.schedule_known(year))


def next_year_without_schedule(today: date, calendar: WorkdayCalendar) -> int | None:
    """From December on, due-by times and estimates reach into next year; returns that year while its
    schedule is still unknown (they then silently count Monday–Friday), else None."""
    next_year = today.year + 1
    if today.month == 12 and not calendar.schedule_known(next_year):
        return next_year
    return None


@dataclass(frozen=True)
class ProcessingEstimate:
    accepted: date
    forwarded_by: date
    reviewed_by: date
    card_ready_by: date
    # Years the estimate passes through whose holiday schedule is unknown (Monday–Friday assumed).
    estimated_years: tuple[int, ...]

    @property
    def estimated(self) -> bool:
        return bool(self.estimated_years)


def processing_estimate(accepted: date, calendar: WorkdayCalendar) -> ProcessingEstimate:
    forwarded_by = calendar.add_working_days(accepted, FORWARDING_WORKING_DAYS)
    reviewed_by = calendar.add_working_days(forwarded_by, REVIEW_WORKING_DAYS)
    card_ready_by = calendar.add_working_days(reviewed_by, CARD_PRODUCTION_WORKING_DAYS)
    return ProcessingEstimate(
        accepted=accepted,
        forwarded_by=forwarded_by,
        reviewed_by=reviewed_by,
        card_ready_by=card_ready_by,
        estimated_years=calendar.years_without_schedule(accepted + timedelta(days=1), card_ready_by),
    )
