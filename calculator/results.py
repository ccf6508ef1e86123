"""A finished self-test: the result as JSON (the API and the stored page show the same thing) and the
anonymous Assessment that keeps it behind a random token."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from calculator import engine
from calculator.models import Assessment
from permitsite.privacy import RESULTS_RETENTION_DAYS_STATED


def ruleset_summary(ruleset: engine.Ruleset) -> dict:
    return {
        "version": ruleset.version,
        "name": ruleset.name,
        "effective_from": ruleset.effective_from.isoformat(),
    }


def result_as_json(result: engine.Result) -> dict:
    return {
        "ruleset": ruleset_summary(result.ruleset),
        "total": result.total,
        "threshold": result.threshold,
        "gap": result.gap,
        "eligible": result.eligible,
        "reaches_threshold": result.reaches_threshold,
        "items": [
            {"key": i.key, "label": i.label, "category": i.category, "points": i.points, "note": i.note}
            for i in result.items
        ],
        "vetoes": [{"key": v.key, "label": v.label} for v in result.vetoes],
        "notices": list(result.notices),
    }


def save_assessment(ruleset: engine.Ruleset, answers: dict, recent_contributions: bool | None) -> Assessment:
    result = engine.score(ruleset, engine.Answers(answers))
    return Assessment.objects.create(
        answers=answers,
        result=result_as_json(result),
        ruleset_version=ruleset.version,
        total=result.total,
        reaches_threshold=result.reaches_threshold,
        recent_contributions=recent_contributions,
    )


@dataclass(frozen=True)
class ResultSummary:
    """A stored result in one line, as the consultation form shows what it would attach."""

    total: int
    threshold: int
    gap: int
    eligible: bool

    def __str__(self):
        if not self.eligible:
            return f"{self.total} 分，有否决项"
        if self.gap:
            return f"{self.total} 分，还差 {self.gap} 分"
        return f"{self.total} 分，已达到 {self.threshold} 分"


def summary_of(token: str) -> ResultSummary | None:
    """The stored result behind a share link's token, or None when there is none (any string is safe)."""
    stored = Assessment.objects.filter(token=token).values_list("result", flat=True).first()
    if stored is None:
        return None
    return ResultSummary(
        total=stored["total"], threshold=stored["threshold"], gap=stored["gap"], eligible=stored["eligible"]
    )


def kept_until(created_on: date) -> date:
    """The last day a stored result and its share link exist (the period /privacy/ states)."""
    return created_on + timedelta(days=RESULTS_RETENTION_DAYS_STATED)


def purge_expired(now: datetime, keep_tokens=(), retention_days=RESULTS_RETENTION_DAYS_STATED) -> int:
    """Delete stored results older than the retention period, except those in `keep_tokens` (attached to a
    consultation that is still kept). Returns how many were deleted."""
    expired = Assessment.objects.filter(created_at__lt=now - timedelta(days=retention_days))
    deleted, _ = expired.exclude(token__in=list(keep_tokens)).delete()
    return deleted
