"""Pure: a child's way through Shanghai schools, and by when a parent's 120-point 积分 must be in hand.

The school system (entry age and cut-off day, years of primary and junior middle school), the 中考
registration windows per year and the processing time of a 积分 application are editor data with
sources; they arrive here as plain values, with `today` and the working-day calendar. Nothing here reads
the clock or the database.

Dates:
- a child starts primary school in the September of the year it has reached the entry age by the
  cut-off day (default 6 by 31 August); 中考 follows after primary and junior middle school (5 + 4);
- the 120 points must be approved by the last day of that year's ordinary 中考 registration;
- so the employer's application must be accepted no later than the last working day from which the
  processing time (in working days, counted as renewal/workdays.py counts them) still ends by then.
"""

import datetime
from dataclasses import dataclass

from permitsite.dates import add_years
from permitsite.facts import Source
from renewal.workdays import WorkdayCalendar


@dataclass(frozen=True)
class SchoolSystem:
    entry_age: int
    cutoff_month: int
    cutoff_day: int
    primary_years: int
    junior_years: int
    entry_source: Source
    stages_source: Source


@dataclass(frozen=True)
class ProcessingTime:
    """How long a 积分 application takes from acceptance to approval."""

    working_days: int
    source: Source


@dataclass(frozen=True)
class RegistrationWindow:
    year: int  # the year of the 中考 the registration is for
    opens: datetime.date
    closes: datetime.date
    late_until: datetime.date | None
    source: Source
    note: str = ""


@dataclass(frozen=True)
class Registration:
    window: RegistrationWindow
    # The year whose published window this one is estimated from; None when it is the year's own.
    based_on: int | None = None

    @property
    def estimated(self) -> bool:
        return self.based_on is not None


@dataclass(frozen=True)
class RouteWithoutPoints:
    name: str
    who: str
    leads_to: str
    source: Source


@dataclass(frozen=True)
class Timeline:
    child_birth: datetime.date
    today: datetime.date
    primary_entry_year: int
    junior_entry_year: int
    zhongkao_year: int
    registration: Registration | None
    # The last day the employer's 积分 application can be accepted and still be approved in time.
    points_needed_by: datetime.date | None
    processing: ProcessingTime
    # Years the working-day count passes through whose holiday schedule is unknown (Monday–Friday assumed).
    estimated_years: tuple[int, ...]

    @property
    def approval_needed_by(self) -> datetime.date | None:
        return self.registration.window.closes if self.registration else None

    @property
    def registration_passed(self) -> bool:
        return self.registration is not None and self.registration.window.closes < self.today

    @property
    def application_passed(self) -> bool:
        """The last day an application could be accepted and approved in time is behind us (whole months
        round to 0 for the first month after it, so this compares the days)."""
        return self.points_needed_by is not None and self.points_needed_by < self.today


# A child already past 中考 age, or one not yet expected within a year, has no timeline to plan.
OLDEST_CHILD_YEARS = 18
UNBORN_DAYS = 366


class ImplausibleBirth(ValueError):
    """A birth date the timeline cannot be about; the message is shown to users."""


def check_birth(child_birth: datetime.date, today: datetime.date) -> None:
    if child_birth > today + datetime.timedelta(days=UNBORN_DAYS):
        raise ImplausibleBirth("出生日期不能晚于一年以后；还没出生的孩子，可以按预产期来查。")
    if child_birth < add_years(today, -OLDEST_CHILD_YEARS):
        raise ImplausibleBirth(f"孩子已满 {OLDEST_CHILD_YEARS} 周岁，中考报名已经不适用；请检查出生日期。")


def primary_entry_year(child_birth: datetime.date, system: SchoolSystem) -> int:
    # Compared as (month, day), so 29 February needs no date in a year that lacks it; it falls before
    # any cut-off from 1 March on, and after a 28 February cut-off (the birthday is then taken as 1 March).
    reached_by_cutoff = (child_birth.month, child_birth.day) <= (system.cutoff_month, system.cutoff_day)
    return child_birth.year + system.entry_age + (0 if reached_by_cutoff else 1)


def registration_for(year: int, windows: tuple[RegistrationWindow, ...]) -> Registration | None:
    """The window published for `year`; otherwise the nearest published one moved to `year` (estimated)."""
    if not windows:
        return None
    exact = next((w for w in windows if w.year == year), None)
    if exact is not None:
        return Registration(exact)
    nearest = min(windows, key=lambda w: (abs(w.year - year), -w.year))
    shift = year - nearest.year
    return Registration(
        RegistrationWindow(
            year=year,
            opens=add_years(nearest.opens, shift),
            closes=add_years(nearest.closes, shift),
            late_until=add_years(nearest.late_until, shift) if nearest.late_until else None,
            source=nearest.source,
            note=nearest.note,
        ),
        based_on=nearest.year,
    )


def timeline(
    child_birth: datetime.date,
    today: datetime.date,
    system: SchoolSystem,
    windows: tuple[RegistrationWindow, ...],
    processing: ProcessingTime,
    calendar: WorkdayCalendar,
) -> Timeline:
    entry = primary_entry_year(child_birth, system)
    junior = entry + system.primary_years
    zhongkao = junior + system.junior_years
    registration = registration_for(zhongkao, windows)
    points_needed_by, estimated_years = None, ()
    if registration is not None:
        closes = registration.window.closes
        points_needed_by = calendar.latest_start(closes, processing.working_days)
        estimated_years = calendar.years_without_schedule(points_needed_by, closes)
    return Timeline(
        child_birth=child_birth,
        today=today,
        primary_entry_year=entry,
        junior_entry_year=junior,
        zhongkao_year=zhongkao,
        registration=registration,
        points_needed_by=points_needed_by,
        processing=processing,
        estimated_years=estimated_years,
    )


def months_until(today: datetime.date, day: datetime.date) -> int:
    """Whole months from today to `day` (negative once past): 2026-12-02 → 2027-03-01 is 2."""
    months = (day.year - today.year) * 12 + day.month - today.month
    if months > 0 and day.day < today.day:
        months -= 1
    elif months < 0 and day.day > today.day:
        months += 1
    return months


# Whether a parent's own self-test result gets the 120 points approved in time for this child.
ALREADY, ALREADY_LATE, IN_TIME, TOO_LATE, BLOCKED, UNKNOWN, PASSED = (
    "already",
    "already_late",  # at the standard score, but the last day to apply in time is behind us
    "in_time",
    "too_late",
    "blocked",
    "unknown",
    "passed",
)


def readiness(plan: Timeline, *, eligible: bool, reaches_now: bool, reached_on: datetime.date | None) -> str:
    """`reached_on`: the first month the plan's quickest dated route reaches the standard score (None
    when no dated route reaches it)."""
    if plan.points_needed_by is None:
        return UNKNOWN
    if plan.registration_passed:
        return PASSED
    if not eligible:
        return BLOCKED
    if reaches_now:
        return ALREADY_LATE if plan.application_passed else ALREADY
    if plan.application_passed:
        return TOO_LATE  # whatever an older self-test projected: the last day to apply is behind us
    if reached_on is None:
        return UNKNOWN
    return IN_TIME if reached_on <= plan.points_needed_by else TOO_LATE
