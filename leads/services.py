"""Leads' business operations on the database. No request objects: views pass plain values in."""

import ipaddress
import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from captcha.models import CaptchaStore
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.views.decorators.debug import sensitive_variables

from calculator.results import delete_results
from leads import codes, limits, notify, sms
from leads.callback import DEFAULT_CALLBACK_TIME, callback_due
from leads.codes import CodeCheck, IssuedCode
from leads.models import Lead, LeadAccessLog, PhoneVerification, SmsSend
from leads.phones import scrub

logger = logging.getLogger(__name__)

# Every function that handles a number or a code is wrapped in @sensitive_variables() with no names:
# Django's error reports then hide the local variables of that frame and of every frame it calls
# (form fields, SQL parameters, the SDK's request), not only the variables we thought of.

DUPLICATE_WINDOW = timedelta(hours=24)
# Verification rows outlive their 5 minutes only long enough to explain "expired" to a slow typist;
# send rows are needed for the 24 h rolling limits.
VERIFICATION_KEPT_FOR = timedelta(days=1)
SMS_SEND_KEPT_FOR = timedelta(days=2)


class DatabaseBusy(Exception):
    """The database stayed locked after one retry (saving a lead, sending a code or deleting): the person
    must be told it did not work."""


def _key(purpose):
    return salted_hmac(f"leads.{purpose}", "key", algorithm="sha256").digest()


def digest(purpose, value):
    """Keyed hash for values we must compare but never read back (IP, user agent, number in send logs)."""
    return salted_hmac(f"leads.{purpose}", value or "", algorithm="sha256").hexdigest()


def sms_limit_client(ip):
    """The address the per-client SMS limit counts. An IPv6 subscriber is usually given a whole /64 and
    can pick any address in it, so IPv6 clients are counted by their /64 network; IPv4 by the address."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False))


def sms_limit_network(ip):
    """The network an address belongs to for the per-network share of the budget: an IPv6 /48 (what one
    site, office or home is commonly given) or an IPv4 /24."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6 and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def daily_budget():
    return settings.SMS_DAILY_BUDGET


def _serialize_sms_decisions():
    # SQLite's IMMEDIATE transactions already run one writer at a time. PostgreSQL needs a lock, or two
    # concurrent requests could both see room under a limit that only one of them may use.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [0x1EAD5])


NUMBER_LOCK_SPACE = 0x1EAD6


def one_writer_per_number(phone):
    """Within the current transaction, one writer per phone number at a time, so that two submissions at
    the same moment (a lead, a reminder sign-up) end as one row: the second finds the first's and updates
    it. SQLite's IMMEDIATE transactions already do this; on PostgreSQL there is no row to lock before the
    first exists, so a transaction-level advisory lock per number does."""
    if connection.vendor == "postgresql":
        number_key = int.from_bytes(bytes.fromhex(digest("phone", phone))[:4], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [NUMBER_LOCK_SPACE, number_key])


def retry_once_if_locked(operation):
    """Run `operation`; if SQLite reports 'database is locked', wait a moment and run it once more."""
    try:
        return operation()
    except OperationalError as exc:
        if "locked" not in str(exc):
            raise
        logger.warning("Database locked; retrying once")
    time.sleep(0.2)
    try:
        return operation()
    except OperationalError as exc:
        if "locked" not in str(exc):
            raise
        raise DatabaseBusy from None


@dataclass(frozen=True)
class CodeRequest:
    decision: limits.SendDecision

    @property
    def refused(self):
        return not self.decision.allowed


@sensitive_variables()
def request_code(phone, session_key, ip, purpose, now=None):
    """Send a verification code if the limits allow it.

    Raises sms.SmsSendError when the provider fails, DatabaseBusy when the database stays locked.
    """
    now = now or timezone.now()
    phone_hash = digest("phone", phone)
    ip_hash = digest("ip", sms_limit_client(ip))
    network_hash = digest("network", sms_limit_network(ip))
    session_hash = codes.session_hash(_key("session"), session_key)
    budget = daily_budget()

    def decide_and_record():
        with transaction.atomic():
            _serialize_sms_decisions()
            recent = SmsSend.objects.filter(sent_at__gt=now - limits.DAY)
            today = SmsSend.objects.filter(sent_at__gte=limits.shanghai_day_start(now))
            decision = limits.decide_send(
                now,
                list(recent.filter(phone_hash=phone_hash).values_list("sent_at", flat=True)),
                list(recent.filter(ip_hash=ip_hash).values_list("sent_at", flat=True)),
                today.count(),
                budget,
                network_sends_today=today.filter(network_hash=network_hash).count(),
                for_deletion=purpose == PhoneVerification.Purpose.DELETION,
            )
            if not decision.allowed:
                return decision, None, None
            SmsSend.objects.create(
                phone_hash=phone_hash, ip_hash=ip_hash, network_hash=network_hash, sent_at=now
            )
            code = codes.new_code()
            verification = PhoneVerification.objects.create(
                phone_hash=phone_hash,
                session_hash=session_hash,
                purpose=purpose,
                code_hash=codes.code_hash(_key("code"), phone, code),
                created_at=now,
                expires_at=now + codes.CODE_LIFETIME,
            )
            return decision, verification, code

    decision, verification, code = retry_once_if_locked(decide_and_record)
    if not decision.allowed:
        if decision.reason == "budget":
            # Other codes stop at the deletion reserve; deletion codes at the whole budget (leads/limits.py).
            logger.error(
                "SMS daily budget of %s exhausted for %s codes; refusing them until midnight", budget, purpose
            )
        elif decision.reason == "network_day":
            # The network, not the address: an operator may want to look at a range that keeps trying.
            logger.warning("One network reached its share of the SMS budget: %s", sms_limit_network(ip))
        return CodeRequest(decision)
    if decision.budget_warning:
        logger.warning("SMS daily budget at 80%%: %s of %s used", round(budget * 0.8), budget)

    try:
        sms.send_code(phone, code)
    except sms.SmsSendError as exc:
        # A provider's message may quote the request; scrub it even though our backends never do.
        logger.error("SMS provider failed: %s", scrub(exc, code))
        verification.delete()
        raise
    # Only the newest code of a number, session and purpose is valid. Older ones go only now: when the
    # provider fails, the code the visitor already has keeps working.
    PhoneVerification.objects.filter(
        phone_hash=phone_hash, session_hash=session_hash, purpose=purpose, used_at__isnull=True
    ).exclude(pk=verification.pk).delete()
    return CodeRequest(decision)


@sensitive_variables()
def code_sent_within(phone, session_key, purpose, period, now=None):
    """When this session's unused code for `phone` and `purpose` was made, if within `period`; else None.
    Only the session's own codes: whether anyone else asked for one for the number is never told."""
    now = now or timezone.now()
    return (
        PhoneVerification.objects.filter(
            phone_hash=digest("phone", phone),
            session_hash=codes.session_hash(_key("session"), session_key),
            purpose=purpose,
            used_at__isnull=True,
            created_at__gt=now - period,
        )
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


@sensitive_variables()
def _consume_code(phone, session_key, code, purpose, now, *, spend=True):
    """Check a code inside the caller's transaction: counts a wrong try, spends a right one (`spend`).
    REPEATED (the code this session spent moments ago, again) is for the caller to judge: see codes.py."""
    verification = (
        PhoneVerification.objects.select_for_update()
        .filter(
            phone_hash=digest("phone", phone),
            session_hash=codes.session_hash(_key("session"), session_key),
            purpose=purpose,
        )
        .order_by("-created_at")
        .first()
    )
    issued = None
    if verification is not None:
        issued = IssuedCode(
            code_hash=verification.code_hash,
            expires_at=verification.expires_at,
            wrong_tries=verification.wrong_tries,
            used=verification.used_at is not None,
            used_at=verification.used_at,
        )
    outcome = codes.check_code(issued, code, phone, _key("code"), now)
    if outcome is CodeCheck.WRONG:
        verification.wrong_tries += 1
        verification.save(update_fields=["wrong_tries"])
    elif outcome is CodeCheck.OK and spend:
        verification.used_at = now
        verification.save(update_fields=["used_at"])
    return outcome


@sensitive_variables()
def check_code_unspent(phone, session_key, code, purpose, now=None):
    """Judge a code without spending it, for a form that is wrong elsewhere: a wrong code counts as a try
    (as it would on a valid form), a right one stays usable for the corrected submit. Raises DatabaseBusy."""
    now = now or timezone.now()

    def attempt():
        with transaction.atomic():
            return _consume_code(phone, session_key, code, purpose, now, spend=False)

    return retry_once_if_locked(attempt)


@sensitive_variables()
def verify_code(phone, session_key, code, purpose, now):
    """For the other forms that take an SMS code (签注 reminders): check and spend a code of `purpose`
    inside the caller's transaction, exactly as the consultation form does."""
    return _consume_code(phone, session_key, code, purpose, now)


MESSAGE_SEPARATOR = "\n\n"
TRIMMED_MARK = "……"


def merged_message(previous, new, limit):
    """A repeat submission's message added to the lead's, unless it repeats the last one.

    At most `limit` characters: the oldest words are cut, visibly, since the newest matter for the call.
    """
    if not new or previous == new or previous.endswith(MESSAGE_SEPARATOR + new):
        return previous
    merged = f"{previous}{MESSAGE_SEPARATOR}{new}" if previous else new
    if len(merged) > limit:
        merged = TRIMMED_MARK + merged[len(merged) - limit + len(TRIMMED_MARK) :]
    return merged


@dataclass(frozen=True)
class ConsentEvidence:
    privacy_version: str
    ip: str
    user_agent: str


def _recent_open_lead(phone, now):
    """The lead a submission for `phone` updates: its newest open one of the last 24 hours."""
    recent = Lead.objects.open().filter(phone=phone, created_at__gte=now - DUPLICATE_WINDOW)
    return recent.order_by("-created_at")


@sensitive_variables()
def _lead_already_says(lead, name, service, message, result_token, callback_time, recipient):
    """Whether storing this submission again would change nothing the lead says (submit_lead's rules)."""
    limit = Lead._meta.get_field("message").max_length
    return (
        lead.name == name
        and lead.service_id == service.pk
        and lead.callback_time == callback_time
        and lead.recipient == recipient
        and merged_message(lead.message, message, limit) == lead.message
        and (not result_token or lead.result_token == result_token)
    )


@sensitive_variables()
def submit_lead(
    *,
    name,
    phone,
    service,
    message,
    result_token,
    code,
    session_key,
    evidence,
    callback_time=DEFAULT_CALLBACK_TIME,
    recipient="",
    now=None,
):
    """Verify the code and store the lead. Returns (CodeCheck, Lead or None); raises DatabaseBusy.
    REPEATED with the lead: the same session's second submission of what the lead already says, with the code
    the first one spent (a double tap); nothing is stored or notified again.

    The same number again within 24 hours updates its open lead instead of adding a duplicate, even when
    both submissions arrive at the same moment. `recipient`: the separate company the person agreed to have
    their lead passed to (empty when the operator calls back itself). A new lead is queued for the
    consultants' notifications in the same transaction, so it cannot be stored without them.
    """
    now = now or timezone.now()

    def attempt():
        with transaction.atomic():
            outcome = _consume_code(phone, session_key, code, PhoneVerification.Purpose.LEAD, now)
            if outcome is CodeCheck.REPEATED:
                lead = _recent_open_lead(phone, now).first()
                if lead is not None and _lead_already_says(
                    lead, name, service, message, result_token, callback_time, recipient
                ):
                    return outcome, lead  # a second tap: the first one saved it all, and told the consultants
                return CodeCheck.USED, None
            if outcome is not CodeCheck.OK:
                return outcome, None
            one_writer_per_number(phone)
            lead = _recent_open_lead(phone, now).select_for_update().first()
            is_new = lead is None
            if is_new:
                lead = Lead(phone=phone, created_at=now, submissions=0)
            if is_new or lead.callback_time != callback_time:
                # A changed preference moves the due-by with it, still counted from the first submission.
                lead.due_by = callback_due(lead.created_at, preferred=callback_time)
            lead.callback_time = callback_time
            lead.name = name
            lead.service = service
            lead.message = merged_message(lead.message, message, Lead._meta.get_field("message").max_length)
            if result_token:
                lead.result_token = result_token
                lead.result_consent_at = now
            lead.submissions += 1
            lead.consent_privacy_version = evidence.privacy_version
            lead.consent_at = now
            lead.consent_ip_hash = digest("ip", evidence.ip)
            lead.consent_user_agent_hash = digest("user-agent", evidence.user_agent)
            lead.recipient = recipient
            lead.recipient_consent_at = now if recipient else None
            lead.save()
            if is_new:
                notify.record_new_lead(lead)
            return outcome, lead

    return retry_once_if_locked(attempt)


@dataclass(frozen=True)
class DeletedData:
    leads: int = 0
    reminders: int = 0  # 签注短信提醒 subscriptions (0 or 1: one per number)


@sensitive_variables()
def delete_personal_data(*, phone, code, session_key, now=None):
    """A person who proved the number by SMS code: delete their leads and their 签注 reminders at once.
    Returns (CodeCheck, DeletedData). REPEATED: the same session's second 删除 with the code the first one
    spent, when there is nothing left to delete (a double tap); what the first deleted is not known here."""
    # reminders builds on this module, not the reverse
    from reminders.models import Subscription
    from reminders.services import delete_for_phone

    now = now or timezone.now()
    purpose = PhoneVerification.Purpose.DELETION

    def attempt():
        with transaction.atomic():
            outcome = _consume_code(phone, session_key, code, purpose, now)
            if outcome is CodeCheck.REPEATED:
                held = [model.objects.filter(phone=phone).exists() for model in (Lead, Subscription)]
                return (CodeCheck.USED if any(held) else outcome), DeletedData()
            if outcome is not CodeCheck.OK:
                return outcome, DeletedData()
            deleted = DeletedData(
                leads=delete_leads(Lead.objects.filter(phone=phone)), reminders=delete_for_phone(phone)
            )
            # SmsSend rows hold only a keyed hash of the number and must stay for the anti-abuse limits;
            # purge_leads removes them after two days like everyone else's. The verification rows go, but
            # for the one just spent on this request: without it a second tap of 删除 could not be told from
            # a code never sent. It holds keyed hashes only and goes with the daily purge (/privacy/: 1 天).
            PhoneVerification.objects.filter(phone_hash=digest("phone", phone)).exclude(
                purpose=purpose, session_hash=codes.session_hash(_key("session"), session_key), used_at=now
            ).delete()
            return outcome, deleted

    return retry_once_if_locked(attempt)


def delete_leads(leads):
    """Delete the leads, the admin's change history of them (its object_repr once held the person's name)
    and the self-test results attached to them, which /privacy/ keeps only as long as their consultation
    unless another one still holds them. Returns the number of leads deleted."""
    numbers = [str(pk) for pk in leads.values_list("pk", flat=True)]
    attached = set(leads.exclude(result_token="").values_list("result_token", flat=True))
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Lead), object_id__in=numbers
    ).delete()
    _, per_model = leads.delete()
    still_attached = Lead.objects.filter(result_token__in=attached).values_list("result_token", flat=True)
    delete_results(attached - set(still_attached))
    return per_model.get(Lead._meta.label, 0)


def log_access(user, leads, action, now=None):
    now = now or timezone.now()
    LeadAccessLog.objects.bulk_create(
        LeadAccessLog(
            user=user, username=user.get_username(), lead=lead, lead_number=lead.pk, action=action, at=now
        )
        for lead in leads
    )


def purge(now=None, retention_days=None):
    """Delete leads past the retention period and verification data nobody needs any more. Idempotent."""
    now = now or timezone.now()
    retention_days = settings.LEADS_RETENTION_DAYS if retention_days is None else retention_days
    leads = delete_leads(Lead.objects.filter(created_at__lt=now - timedelta(days=retention_days)))
    verifications, _ = PhoneVerification.objects.filter(created_at__lt=now - VERIFICATION_KEPT_FOR).delete()
    sends, _ = SmsSend.objects.filter(sent_at__lt=now - SMS_SEND_KEPT_FOR).delete()
    # Every view of a form page stores a CAPTCHA challenge; bots viewing pages must not grow the table.
    captchas, _ = CaptchaStore.objects.filter(expiration__lt=now).delete()
    return {"leads": leads, "verifications": verifications, "sms_sends": sends, "captchas": captchas}
