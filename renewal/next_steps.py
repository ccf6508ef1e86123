"""The guides a passing points result shows as its next steps: the published guides of the
“积分达标以后” category, which editors keep in admin. Cached per process behind the guides' version stamp,
which every guide edit moves (renewal/signals.py), so the result page and the plan API read no database
for them."""

from dataclasses import dataclass

from permitsite import stamps
from renewal.models import GUIDES, Article, Category


@dataclass(frozen=True)
class NextStep:
    title: str
    summary: str
    url: str  # a path on this site


def _load() -> tuple[NextStep, ...]:
    guides = (
        Article.objects.published()
        .filter(category=Category.NEXT_STEPS)
        .order_by("published_at", "pk")
        .only("title", "slug", "summary")
    )
    return tuple(NextStep(g.title, g.summary, g.get_absolute_url()) for g in guides)


_next_steps = stamps.Stamped(GUIDES, _load)


def next_steps() -> tuple[NextStep, ...]:
    return _next_steps.get()
