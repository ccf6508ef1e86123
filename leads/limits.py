"""How many verification SMS may be sent, to whom and when. Pure: the caller passes the clock and the history.

Each SMS costs money and lands on a real person's phone, so an attacker must not be able to use our
form to flood a number (SMS bombing) or to drain the budget. The history comes from database rows, so
the limits hold across workers, hosts and restarts.
"""

import math
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

RESEND_COOLDOWN = timedelta(seconds=60)
HOUR = timedelta(hours=1)
DAY = timedelta(hours=24)
PHONE_HOURLY_LIMIT = 5
PHONE_DAILY_LIMIT = 10
IP_DAILY_LIMIT = 20
BUDGET_WARNING_SHARE = 0.8
# No network (an IPv6 /48, an IPv4 /24) may take more than this share of the day's budget: one person with
# many addresses must not stop the form for everyone else until midnight.
NETWORK_BUDGET_SHARE = 0.10
# Kept for deletion requests (个人信息保护法 第四十七条): whoever spends the rest of the day's budget on
# the other forms cannot also stop people from asking us to delete their data.
DELETION_RESERVE_SHARE = 0.10

# The reasons, in the words a visitor reads in the 429 answer and on the form.
REFUSAL_MESSAGES = {
    "cooldown": "验证码发送太频繁，请 {seconds} 秒后再试。",
    "phone_hour": "这个号码一小时内获取验证码的次数已达上限，请 {wait} 后再试。",
    "phone_day": "这个号码今天获取验证码的次数已达上限，请 {wait} 后再试。",
    "ip_day": "您的网络今天获取验证码的次数已达上限。请关闭无线网络、改用手机流量再试，"
    "或 {wait} 后再试{call}。",
    # A whole network (a company, school or housing estate on one broadband line) shares this limit: say so,
    # so nobody thinks they did something wrong, and say what works now.
    "network_day": "您所在的网络（例如同一单位、学校或小区的宽带）今天获取验证码的次数已达上限，"
    "这不是您操作有误。请关闭无线网络、改用手机流量再试，或 {wait} 后再试{call}。",
    "budget": "今天的短信验证名额已用完，请明天再来，给您带来不便非常抱歉。",
}


@dataclass(frozen=True)
class SendDecision:
    allowed: bool
    reason: str = ""
    retry_after: int = 0  # whole seconds until a send would be allowed
    budget_warning: bool = False  # this send crosses 80 % of the day's budget

    @property
    def message(self):
        return self.message_for()

    def message_for(self, contact_phone=""):
        """The refusal in the visitor's words; with the operator's phone, network refusals offer a call."""
        if self.allowed:
            return ""
        call = f"；着急的话，可以直接拨打 {contact_phone} 咨询" if contact_phone else ""
        return REFUSAL_MESSAGES[self.reason].format(
            seconds=self.retry_after, wait=describe_wait(self.retry_after), call=call
        )


def shanghai_day_start(now):
    local = now.astimezone(SHANGHAI)
    return datetime.combine(local.date(), time.min, tzinfo=SHANGHAI)


def describe_wait(seconds):
    if seconds < 60:
        return f"{seconds} 秒"
    if seconds < 3600:
        return f"{math.ceil(seconds / 60)} 分钟"
    return f"{math.ceil(seconds / 3600)} 小时"


def _seconds(delta):
    return max(1, math.ceil(delta.total_seconds()))


def _window_wait(now, sends, window, limit):
    """Seconds until fewer than `limit` of `sends` fall inside the rolling `window`, or 0 when already so."""
    inside = sorted(sent for sent in sends if sent > now - window)
    if len(inside) < limit:
        return 0
    # The send that must age out is the one `limit` places from the newest.
    return _seconds(inside[len(inside) - limit] + window - now)


def network_daily_limit(daily_budget):
    """A tenth of the day's budget, rounded down; at least one, so a tiny budget still serves someone."""
    return max(1, math.floor(daily_budget * NETWORK_BUDGET_SHARE))


def deletion_reserve(daily_budget):
    """A tenth of the day's budget, rounded down, that only deletion requests may use; at least one SMS of
    any budget of two or more, so a small budget keeps one too."""
    if daily_budget < 2:
        return 0
    return max(1, math.floor(daily_budget * DELETION_RESERVE_SHARE))


def decide_send(
    now, phone_sends, ip_sends, sends_today, daily_budget, network_sends_today=0, for_deletion=False
):
    """Whether one more code may be sent now.

    phone_sends / ip_sends: times of this number's / this address's sends in (at least) the last 24 h.
    sends_today / network_sends_today: all sends, and this network's, since midnight in Shanghai; the budget
    and a network's share of it are calendar-day amounts. Only a deletion request (`for_deletion`) may use
    the last DELETION_RESERVE_SHARE of the budget.
    Per-number and per-address limits use rolling windows, so midnight gives an attacker no fresh start.
    """
    waits = {}
    if phone_sends:
        last = max(phone_sends)
        if now - last < RESEND_COOLDOWN:
            waits["cooldown"] = _seconds(last + RESEND_COOLDOWN - now)
    waits["phone_hour"] = _window_wait(now, phone_sends, HOUR, PHONE_HOURLY_LIMIT)
    waits["phone_day"] = _window_wait(now, phone_sends, DAY, PHONE_DAILY_LIMIT)
    waits["ip_day"] = _window_wait(now, ip_sends, DAY, IP_DAILY_LIMIT)
    until_midnight = _seconds(shanghai_day_start(now) + timedelta(days=1) - now)
    # The budget first: when both hold until midnight, its message is the one that tells the whole truth.
    usable = daily_budget if for_deletion else daily_budget - deletion_reserve(daily_budget)
    if sends_today >= usable:
        waits["budget"] = until_midnight
    if network_sends_today >= network_daily_limit(daily_budget):
        waits["network_day"] = until_midnight

    refusals = {reason: wait for reason, wait in waits.items() if wait}
    if refusals:
        # Report the limit that holds longest: waiting out any shorter one would only earn another refusal.
        reason = max(refusals, key=refusals.get)
        return SendDecision(allowed=False, reason=reason, retry_after=refusals[reason])
    warn_at = math.ceil(daily_budget * BUDGET_WARNING_SHARE)
    return SendDecision(allowed=True, budget_warning=sends_today < warn_at <= sends_today + 1)
