"""What the self-test tells a person before and beside the score: the answers that put them outside the
system or keep them from applying for now, said as soon as the wizard knows them and again on the result."""

from calculator import engine
from calculator.forms import NO, RECENT_CONTRIBUTIONS, step_of

RECENT_CONTRIBUTIONS_NOTICE = (
    "申请积分需要申请当月在上海缴纳职工社保，且最近 12 个月里至少有 6 个月正常缴纳（补缴不算；这一条待核实，"
    "本站还没有找到它的官方原文）。"
    "您目前还不满足这一条，可以先算分，等条件满足后再由单位申请。"
)


def early_notices(ruleset: engine.Ruleset, stored: dict, slug: str) -> list[str]:
    """Out-of-scope notices for the wizard step `slug` as soon as the answers behind them are known (e.g. the
    over-60 band). `stored`: the raw answers kept so far, by step."""
    notices = []
    if slug != "basic":
        for indicator in ruleset.active_indicators:
            raw = stored.get(step_of(indicator), {}).get(indicator.key, "")
            band = indicator.band(int(raw)) if indicator.kind == engine.BANDED and raw.isdigit() else None
            if band and band.notice:
                notices.append(band.notice)
    if slug in ("bonus", "deductions") and stored.get("insurance", {}).get(RECENT_CONTRIBUTIONS) == NO:
        notices.append(RECENT_CONTRIBUTIONS_NOTICE)
    return notices
