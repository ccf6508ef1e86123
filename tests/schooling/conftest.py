import datetime
import importlib

import pytest

from permitsite.facts import Source
from schooling import timeline

# The very literals the data migration installs, so these tests reason about what ships.
SEED = importlib.import_module("schooling.migrations.0002_seed_school_facts")


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


@pytest.fixture(scope="session")
def seeded_system():
    s = SEED.SCHOOL_SYSTEM
    return timeline.SchoolSystem(
        entry_age=s["entry_age"],
        cutoff_month=s["cutoff_month"],
        cutoff_day=s["cutoff_day"],
        primary_years=s["primary_years"],
        junior_years=s["junior_years"],
        entry_source=Source(s["entry_source"], "", _date(s["entry_verified_on"])),
        stages_source=Source(s["stages_source"], "", _date(s["stages_verified_on"])),
    )


@pytest.fixture(scope="session")
def seeded_windows():
    return tuple(
        timeline.RegistrationWindow(
            year=w["year"],
            opens=_date(w["opens"]),
            closes=_date(w["closes"]),
            late_until=_date(w["late_until"]),
            source=Source(w["source"], "", _date(w["verified_on"])),
            note=w["note"],
        )
        for w in SEED.WINDOWS
    )


def window(year, opens, closes, late_until=None, verified=True):
    return timeline.RegistrationWindow(
        year=year,
        opens=opens,
        closes=closes,
        late_until=late_until,
        source=Source(f"{year} 年报名通知", "", datetime.date(2026, 12, 2) if verified else None),
    )


def processing(days):
    return timeline.ProcessingTime(days, Source("估算"))
