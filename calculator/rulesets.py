"""The one bridge from the database to the engine: which ruleset is in force, cached per process.

Each process keeps the published rulesets as engine types behind a version stamp (permitsite/stamps.py):
any save or delete of rule data moves the stamp once the transaction commits, so the next request in any
worker on any host reloads from the database; otherwise scoring reads no database at all.
"""

import datetime
from collections.abc import Collection

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from calculator import engine, review
from calculator.models import Band, GoldenCase, Indicator, Option, RuleSet
from permitsite import stamps

RULES = "rules"


def ruleset_in_force(on: datetime.date | None = None) -> engine.Ruleset | None:
    """The latest published ruleset whose effective date is not after `on` (default: today in Shanghai)."""
    on = on or timezone.localdate()
    candidates = [r for r in published_rulesets() if r.effective_from <= on]
    return candidates[-1] if candidates else None


def _load_published() -> tuple[engine.Ruleset, ...]:
    return tuple(
        to_engine(r)
        for r in with_rules(RuleSet.objects.published()).order_by("effective_from", "published_at", "id")
    )


_published = stamps.Stamped(RULES, _load_published)


def published_rulesets() -> tuple[engine.Ruleset, ...]:
    """Every published ruleset, oldest effective date first."""
    return _published.get()


def with_rules(queryset):
    """Prefetch everything to_engine reads, in four queries whatever the number of rulesets."""
    return queryset.prefetch_related(
        "groups",
        Prefetch(
            "indicators",
            queryset=Indicator.objects.select_related("group").prefetch_related(
                Prefetch("options", queryset=Option.objects.order_by("order", "id")),
                Prefetch("bands", queryset=Band.objects.order_by("low")),
            ),
        ),
    )


def to_engine(ruleset: RuleSet, *, effective_from: datetime.date | None = None) -> engine.Ruleset:
    """A model ruleset (prefetched with with_rules) as engine types. A draft without a date gets
    `effective_from` (for previews)."""
    return engine.Ruleset(
        version=ruleset.version,
        name=ruleset.name,
        effective_from=ruleset.effective_from or effective_from or timezone.localdate(),
        threshold=ruleset.threshold,
        floor=ruleset.floor,
        valid_until=ruleset.valid_until,
        valid_until_basis=ruleset.valid_until_basis,
        groups=tuple(engine.Group(g.key, g.label, g.cap) for g in ruleset.groups.all()),
        indicators=tuple(indicator_to_engine(i) for i in ruleset.indicators.all()),
    )


def indicator_to_engine(i: Indicator) -> engine.Indicator:
    """One indicator row (with its group, options and bands) as an engine type."""
    return engine.Indicator(
        key=i.key,
        label=i.label,
        category=i.category,
        kind=i.kind,
        help_text=i.help_text,
        basis=i.basis,
        active=i.active,
        group=i.group.key if i.group else "",
        options=tuple(
            engine.Option(
                o.code,
                o.label,
                o.points,
                o.requires,
                basis=o.basis,
                verified_on=o.verified_on,
                verified_by=o.verified_by,
            )
            for o in i.options.all()
        ),
        bands=tuple(engine.Band(b.low, b.high, b.points, b.notice) for b in i.bands.all()),
        points=i.points,
        unit_size=i.unit_size,
        points_per_unit=i.points_per_unit,
        start_at=i.start_at,
        cap=i.cap,
        min_value=i.min_value,
        max_value=i.max_value,
        unit=i.unit,
        verified_on=i.verified_on,
        verified_by=i.verified_by,
    )


def publication_problems(ruleset: RuleSet, today: datetime.date | None = None) -> list[str]:
    """Everything that stops `ruleset` from being published `today`, in Chinese; empty when it may be."""
    problems = []
    if ruleset.effective_from is None:
        problems.append("请先填写生效日期。")
    elif (
        RuleSet.objects.published()
        .filter(effective_from=ruleset.effective_from)
        .exclude(pk=ruleset.pk)
        .exists()
    ):
        problems.append(f"已有另一个已发布的规则集在 {ruleset.effective_from} 生效，请换一个生效日期。")
    today = today or timezone.localdate()
    # Published from a day already past, it would rewrite what those days were scored by. Once published,
    # an earlier date is its history (effective_date_problem keeps it).
    if ruleset.effective_from and not ruleset.is_published and ruleset.effective_from < today:
        problems.append(
            f"生效日期 {ruleset.effective_from} 早于今天（{today}）：发布后，这些天已经按别的规则算出的结果"
            "就会被改写。请把生效日期改为今天或以后（填今天即从今天起使用）。"
        )
    if ruleset.effective_from and ruleset.valid_until and ruleset.valid_until < ruleset.effective_from:
        problems.append("有效期至不能早于生效日期，请检查这两个日期。")
    fresh = with_rules(RuleSet.objects.filter(pk=ruleset.pk)).get()
    return problems + engine.ruleset_problems(to_engine(fresh))


def effective_date_problem(
    ruleset: RuleSet, new: datetime.date | None, today: datetime.date | None = None
) -> str | None:
    """Why `ruleset` may not move from its stored effective date to `new`, in Chinese; None when it may.

    A published ruleset's date decides which rules scored each day, and what was shown for a day up to
    today (saved results, as_of answers) must stay reproducible: so the date moves only while it and the
    new one are both still ahead, and never onto another published ruleset's day. A draft's date is free."""
    stored = RuleSet.objects.filter(pk=ruleset.pk).first() if ruleset.pk else None
    if stored is None or not stored.is_published or new == stored.effective_from:
        return None
    today = today or timezone.localdate()
    old = stored.effective_from
    # A published ruleset without a date (saved before this check existed) never scored a day: only
    # the new date matters.
    if old is not None and old <= today:
        return (
            f"这个规则集从 {old} 起已经开始使用，生效日期不能再修改或清空："
            "改了就会改变过去某些天按哪个规则计分，已经给出的结果也无法按当时的规则重算。"
            "政策变了，请把它“复制为新草稿”，在草稿里填新的生效日期，核对后再发布。"
        )
    if new is None:
        return (
            f"已发布的规则集不能清空生效日期：清空后它永远不会被使用，原定 {old} 起的改动就被悄悄取消了。"
            "想推迟，请改成今天以后的另一个日期。"
        )
    if new <= today:
        return (
            f"已发布的规则集的生效日期只能改到今天（{today}）以后：改到 {new}，"
            "这些天已经按别的规则算出的结果就会被改写。要从今天起使用，请“复制为新草稿”，"
            "生效日期填今天，核对后再发布。"
        )
    other = RuleSet.objects.published().filter(effective_from=new).exclude(pk=stored.pk).first()
    if other is not None:
        return f"已发布的规则集“{other.version}”在 {new} 生效，同一天只能有一个规则集生效，请换一个日期。"
    return None


def renamed_code_problem(ruleset: RuleSet, what: str, old: str, new: str) -> str | None:
    """Why an answer code (`what`: 答案代码 or 选项代码) of `ruleset` may not change from `old` to `new`,
    in Chinese; None when it may.

    Saved self-tests (recomputed under newer rules), API callers and the route finder's data answer by
    these codes: in a published ruleset a rename is a removal. A draft's codes are free."""
    if not ruleset.is_published or new == old:
        return None
    return (
        f"已发布的规则集里，{what}不能修改：已保存的自测答案和调用接口的程序都用“{old}”作答，"
        f"改成“{new}”后它们会出错。要改{what}，请“复制为新草稿”，在草稿里修改后发布。"
    )


def golden_case_differences(ruleset: RuleSet) -> list[tuple[GoldenCase, review.GoldenDifference]]:
    """The ruleset's golden cases whose total under it differs from the expected one, with their rows."""
    fresh = with_rules(RuleSet.objects.filter(pk=ruleset.pk)).get()
    candidate = to_engine(fresh)
    found = []
    for row in ruleset.golden_cases.all():
        case = review.GoldenCase(row.description, row.answers, row.expected_total)
        found += [(row, difference) for difference in review.golden_differences(candidate, [case])]
    return found


def publish(
    ruleset: RuleSet, confirmed_cases: Collection[int] = (), today: datetime.date | None = None
) -> list[str]:
    """Publish if nothing stops it; returns the problems otherwise (and publishes nothing).

    A golden case whose total changed stops publishing until its id is in `confirmed_cases`; publishing
    then takes the new total as the expected one."""
    problems = publication_problems(ruleset, today)
    changed = golden_case_differences(ruleset)
    for row, difference in changed:
        if difference.actual is None:
            problems.append(f"核对样例“{row.description}”{difference.problem}，请修改或删除这个样例。")
        elif row.pk not in confirmed_cases:
            problems.append(
                f"核对样例“{row.description}”的总分由 {row.expected_total} 分变为 {difference.actual} 分，"
                "请确认后再发布。"
            )
    if problems:
        return problems
    with transaction.atomic():
        for row, difference in changed:
            row.expected_total = difference.actual
            row.save(update_fields=["expected_total"])
        ruleset.status = RuleSet.Status.PUBLISHED
        ruleset.published_at = timezone.now()
        ruleset.save(update_fields=["status", "published_at", "updated_at"])
    return []
