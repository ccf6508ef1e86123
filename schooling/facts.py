"""The one bridge from the school rows (and the site's working-day calendar) to schooling/timeline.py,
cached per process behind a version stamp: a warm timeline reads no database."""

from dataclasses import dataclass

from permitsite import stamps
from renewal.models import workday_calendar
from renewal.workdays import WorkdayCalendar
from schooling import timeline
from schooling.models import PointsProcessingTime, RegistrationWindow, RouteWithoutPoints, SchoolSystem

SCHOOL_FACTS = "school-facts"


@dataclass(frozen=True)
class SchoolFacts:
    system: timeline.SchoolSystem | None
    processing: timeline.ProcessingTime | None
    windows: tuple[timeline.RegistrationWindow, ...]
    routes: tuple[timeline.RouteWithoutPoints, ...]
    calendar: WorkdayCalendar

    @property
    def complete(self) -> bool:
        return self.system is not None and self.processing is not None


def _load() -> SchoolFacts:
    system = SchoolSystem.objects.current()
    processing = PointsProcessingTime.objects.current()
    return SchoolFacts(
        system=system.as_system() if system else None,
        processing=processing.as_processing() if processing else None,
        windows=tuple(w.as_window() for w in RegistrationWindow.objects.all()),
        routes=tuple(r.as_route() for r in RouteWithoutPoints.objects.filter(active=True)),
        calendar=workday_calendar(),
    )


_facts = stamps.Stamped(SCHOOL_FACTS, _load)


def school_facts() -> SchoolFacts:
    return _facts.get()
