"""签注 reminders' operations on the database. No request objects: views and the commands pass plain values.

Codes, limits and consent evidence are the leads app's (one SMS-code system for the whole site).
"""

import logging
import secrets
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from leads import services as leads_services
from leads import sms
from leads.codes import CodeCheck
from leads.models import PhoneVerification
from leads.phones import scrub
from reminders import schedule, texts
from reminders.models import ReminderSent, Subscription

logger = logging.getLogger(__name__)

REMINDER = PhoneVerification.Purpose.REMINDER
# Letters and digits that cannot be mistaken for each other when a link is typed from a text (no 0/O, 1/l/I).
TOKEN_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"  # noqa: S105 (an alphabet)
TOKEN_LENGTH = 8  # 56⁸ ≈ 10¹⁴ links: guessing one is hopeless, and the text stays one SMS


def new_token():
    while True:
        token = "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))
        if not Subscription.objects.filter(token=token).exists():
            return token


def _record_consent(subscription, evidence, now):
    subscription.consent_privacy_version = evidence.privacy_version
    subscription.consent_at = now
    subscription.consent_ip_hash = leads_services.digest("ip", evidence.ip)
    subscription.consent_user_agent_hash = leads_services.digest("user-agent", evidence.user_agent)


@sensitive_variables()
def subscribe(*, phone, expiry, code, session_key, evidence, now=None):
    """Verify the code, then start (or change) the number's reminders. Returns (CodeCheck, Subscription|None).

    One subscription per number: subscribing again replaces the expiry date. Raises DatabaseBusy.
    REPEATED with the subscription: the same session's second sign-up for the date it already has, with the
    code the first one spent (a double tap); nothing is stored again.
    """
    now = now or timezone.now()

    def attempt():
        with transaction.atomic():
            outcome = leads_services.verify_code(phone, session_key, code, REMINDER, now)
            if outcome is CodeCheck.REPEATED:
                subscription = Subscription.objects.filter(phone=phone, expiry=expiry).first()
                return (outcome, subscription) if subscription else (CodeCheck.USED, None)
            if outcome is not CodeCheck.OK:
                return outcome, None
            leads_services.one_writer_per_number(phone)
            subscription = Subscription.objects.select_for_update().filter(phone=phone).first()
            if subscription is None:
                subscription = Subscription(phone=phone, token=new_token(), created_at=now)
            subscription.expiry = expiry
            subscription.subscribed_on = timezone.localdate(now)
            _record_consent(subscription, evidence, now)
            subscription.save()
            return outcome, subscription

    return leads_services.retry_once_if_locked(attempt)


@sensitive_variables()
def stop_with_code(*, phone, code, session_key, now=None):
    """Stop the number's reminders and delete what we hold for them. Returns (CodeCheck, whether any were).
    REPEATED: the same session's second stop with the code the first one spent, when there is nothing left
    to stop (a double tap); whether the first found any is not known here."""
    now = now or timezone.now()

    def attempt():
        with transaction.atomic():
            outcome = leads_services.verify_code(phone, session_key, code, REMINDER, now)
            if outcome is CodeCheck.REPEATED:
                held = Subscription.objects.filter(phone=phone).exists()
                return (CodeCheck.USED if held else outcome), False
            if outcome is not CodeCheck.OK:
                return outcome, False
            return outcome, delete_for_phone(phone) > 0

    return leads_services.retry_once_if_locked(attempt)


def subscription_for_link(token):
    return Subscription.objects.filter(token=token).first()


# Whoever opens this many unknown /r/ links from one address (an IPv6 /64) within a clock hour is guessing,
# not reading a text: refused until the hour ends. A person mistypes a link once or twice.
LINK_MISSES_PER_HOUR = 30


def _misses_key(ip, now) -> tuple[str, int]:
    """The address's counter for this clock hour, and the seconds left in the hour (its timeout)."""
    local = timezone.localtime(now)
    left = 3600 - local.minute * 60 - local.second
    address = leads_services.digest("ip", leads_services.sms_limit_client(ip))
    return f"link-misses:{local:%Y%m%d%H}:{address}", max(left, 1)


def too_many_link_misses(ip, now=None) -> bool:
    key, _ = _misses_key(ip, now or timezone.now())
    try:
        return (cache.get(key) or 0) >= LINK_MISSES_PER_HOUR
    except Exception as error:  # whatever the cache backend raises: links keep working without the limit
        logger.warning("Link guess limit unavailable: %s", type(error).__name__)
        return False


def count_link_miss(ip, now=None) -> None:
    # get and set rather than incr, which on the file cache resets the timeout to its default: two misses
    # at the same moment may count as one, which a limit of dozens an hour can spare.
    key, left = _misses_key(ip, now or timezone.now())
    try:
        cache.set(key, (cache.get(key) or 0) + 1, timeout=left)
    except Exception as error:
        logger.warning("Link guess limit unavailable: %s", type(error).__name__)


def stop_with_link(token):
    """The link in a text stops the reminders: whoever has the text has the phone. True when any were."""
    deleted, _ = Subscription.objects.filter(token=token).delete()
    return deleted > 0


class NotLater(ValueError):
    """A "new" expiry date that is not after the one held: a renewal never moves the date back or keeps it."""


def renewed(subscription, *, expiry, evidence, now=None):
    """我已签注: the person renewed and, having consented again, wants next year's reminders for `expiry`.

    Raises NotLater when `expiry` is not after the date held (the form says so first; this holds when two
    clicks race).
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if expiry <= subscription.expiry:
            raise NotLater(subscription.expiry)
        subscription.expiry = expiry
        subscription.subscribed_on = timezone.localdate(now)
        _record_consent(subscription, evidence, now)
        subscription.save()
    return subscription


@sensitive_variables()
def delete_for_phone(phone):
    """Delete the number's subscription and its sent-reminder rows (a stop or a deletion request)."""
    _, per_model = Subscription.objects.filter(phone=phone).delete()
    return per_model.get(Subscription._meta.label, 0)


def purge(today):
    """Delete subscriptions whose last reminder's deadline is past (their reminders' rows go with them)."""
    _, per_model = Subscription.objects.filter(expiry__lte=schedule.latest_expiry_to_purge(today)).delete()
    return per_model.get(Subscription._meta.label, 0)


# What became of one text: the provider took it, refused it (tried again next run), or did not say.
SENT, NOT_SENT, UNKNOWN = "sent", "not_sent", "unknown"


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    unknown: int = 0  # the provider did not answer in time: the text may have gone out, so it is not resent
    outdated: int = 0  # due on a replayed day, but what the text says is no longer true today: not sent
    quiet_hours: bool = False  # the run started, or had to stop, outside the sending hours

    def __str__(self):
        text = f"已发送 {self.sent} 条提醒"
        if self.failed:
            text += f"，{self.failed} 条服务商未接收（下次运行会重试）"
        if self.unknown:
            text += f"，{self.unknown} 条服务商未及时应答（可能已发出，不会自动重发，后台显示为“结果未知”）"
        if self.outdated:
            text += f"，{self.outdated} 条所说的日期今天已经过了，不再发送"
        if self.quiet_hours:
            text += "；08:00–21:00（上海时间）以外不发短信，剩下的下次运行再发"
        return text + "。"


def _in_sending_hours(now):
    return schedule.within_sending_hours(timezone.localtime(now).time())


def send_due(today, *, site_url, clock=timezone.now, backend=None):
    """Send every reminder due on `today` that has not gone out yet. Safe to run again, and in parallel.

    `backend`: an SMS backend instance; by default the one settings.SMS_BACKEND names. `today` may be an
    earlier day (a replay); a reminder due then whose text is no longer true on the real day is not sent.

    Each reminder is first claimed by a row of its own, committed before the text goes to the provider: a run
    that dies between the two never sends that reminder twice (it is lost instead, and the admin shows it as
    "结果未知"). A reminder the provider refuses is released, so the next run tries it again; one it did not
    answer in time (sms.SmsOutcomeUnknown: it may have gone out) is kept as "结果未知" and never sent again.
    """
    report = SendReport()
    # The day the texts actually arrive: `today` is an earlier day when a missed day is replayed.
    sending_day = timezone.localdate(clock())
    if not _in_sending_hours(clock()):
        report.quiet_hours = True
        return report
    backend = backend or sms.get_backend()
    subscriptions = Subscription.objects.filter(
        expiry__range=schedule.expiries_possibly_due(today), subscribed_on__lte=today
    ).order_by("pk")
    sent_kinds = {}
    for subscription_pk, expiry, kind in ReminderSent.objects.filter(
        subscription__in=subscriptions
    ).values_list("subscription_id", "expiry", "kind"):
        sent_kinds.setdefault((subscription_pk, expiry), set()).add(kind)

    for subscription in subscriptions.only("pk", "expiry", "subscribed_on"):
        already = sent_kinds.get((subscription.pk, subscription.expiry), set())
        for kind in schedule.due_reminders(subscription.expiry, subscription.subscribed_on, today, already):
            if not schedule.still_useful(subscription.expiry, kind, sending_day):
                # "现在可以签注了" after the card expired, or a deadline already past: worse than nothing.
                report.outdated += 1
                continue
            if not _in_sending_hours(clock()):
                report.quiet_hours = True
                return report
            claimed = _claim(subscription.pk, subscription.expiry, kind, clock())
            if claimed is None:
                continue  # another run took it, or the person stopped or moved the reminders meanwhile
            reminder, phone, token = claimed
            outcome = _send(backend, phone, kind, subscription.expiry, site_url, token, reminder)
            if outcome is SENT:
                reminder.sent_at = clock()
                reminder.save(update_fields=["sent_at"])
                report.sent += 1
            elif outcome is UNKNOWN:
                # The claimed row stays, without sent_at: never sent again, shown as "结果未知" in admin.
                report.unknown += 1
            else:
                reminder.delete()
                report.failed += 1
    return report


@sensitive_variables()
def _claim(subscription_pk, expiry, kind, now):
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update().filter(pk=subscription_pk, expiry=expiry).first()
        )
        if subscription is None:
            return None
        reminder, created = ReminderSent.objects.get_or_create(
            subscription=subscription, expiry=expiry, kind=kind, defaults={"claimed_at": now}
        )
        if not created:
            return None
        return reminder, subscription.phone, subscription.token


@sensitive_variables()
def _send(backend, phone, kind, expiry, site_url, token, reminder):
    message = sms.SmsMessage(
        phone=phone,
        text=texts.reminder_text(kind, expiry, texts.stop_link(site_url, token)),
        params=texts.provider_params(kind, expiry, token),
        template=kind.value,
    )
    try:
        backend.send(message)
    except sms.SmsOutcomeUnknown as exc:
        logger.error(
            "Reminder %s of subscription #%s: outcome unknown, not resent: %s",
            kind,
            reminder.subscription_id,
            scrub(exc),
        )
        return UNKNOWN
    except sms.SmsSendError as exc:
        logger.error(
            "Reminder %s of subscription #%s not sent: %s", kind, reminder.subscription_id, scrub(exc)
        )
        return NOT_SENT
    logger.info("Reminder %s of subscription #%s sent", kind, reminder.subscription_id)
    return SENT
