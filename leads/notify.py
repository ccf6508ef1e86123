"""Telling the consultants about leads: one mail per new lead to LEADS_NOTIFY_EMAILS and, when configured, the
same text to a group robot (LEADS_NOTIFY_WEBHOOK: 企业微信 or 钉钉); a mail about leads past their due-by.

The texts carry the masked number, never the full one, and not the name or the message: mail and group chats
are kept by other companies for as long as they like. Sending never delays or fails a submission: the
notifications are rows written with the lead, sent once the person's response has gone out
(`deliver_after_response`), and any that fail are logged and tried again by `manage.py remind_overdue_leads`.
"""

import json
import logging
import threading
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.signals import request_finished
from django.db.models import Q
from django.dispatch import receiver
from django.urls import reverse
from django.utils import formats, timezone

from leads.models import Lead, LeadNotification
from leads.phones import scrub

logger = logging.getLogger(__name__)

WEBHOOK_TIMEOUT_SECONDS = 5
# A failed notification is tried again by every run of remind_overdue_leads for this long; after that the
# overdue reminder is what still tells the consultants.
RETRY_FOR = timedelta(days=1)
MAX_ATTEMPTS = 10
# The first attempt belongs to the request that stored the lead; the cron job leaves it this long.
FIRST_ATTEMPT_GRACE = timedelta(minutes=2)
# A lead still open past its due-by is mentioned again this often.
OVERDUE_REMINDER_EVERY = timedelta(hours=24)


def channels():
    configured = []
    if settings.LEADS_NOTIFY_EMAILS:
        configured.append(LeadNotification.Channel.MAIL)
    if settings.LEADS_NOTIFY_WEBHOOK:
        configured.append(LeadNotification.Channel.WEBHOOK)
    return configured


def record_new_lead(lead):
    """Inside the transaction that stores the lead: one pending notification per configured channel."""
    LeadNotification.objects.bulk_create(
        LeadNotification(lead=lead, channel=channel, created_at=lead.created_at) for channel in channels()
    )


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "n月j日（l）H:i")


def admin_url(lead):
    return settings.SITE_URL + reverse("admin:leads_lead_change", args=[lead.pk])


def new_lead_message(lead):
    """(subject, body) of the notice about one new lead."""
    subject = f"新咨询线索 #{lead.pk}：{lead.service.name}（{lead.masked_phone}）"
    body = "\n".join(
        [
            "有一条新的咨询线索，请在回电期限前联系。",
            "",
            f"编号：#{lead.pk}",
            f"手机号：{lead.masked_phone}（完整号码请在后台查看）",
            f"服务：{lead.service.name}",
            f"希望回电：{lead.callback_window}",
            f"回电期限：{_when(lead.due_by)}",
            f"自测结果：{'已附带' if lead.result_token else '未附带'}",
            f"后台处理：{admin_url(lead)}",
        ]
    )
    return subject, body


def overdue_message(leads):
    subject = f"{len(leads)} 条咨询线索已超过回电期限"
    lines = ["下面的线索已过回电期限，还没有处理完：", ""]
    for lead in leads:
        consultant = lead.assigned_to.get_username() if lead.assigned_to else "未分配"
        lines.append(
            f"#{lead.pk} {lead.masked_phone} {lead.service.name}，期限 {_when(lead.due_by)}，"
            f"{lead.get_status_display()}，负责：{consultant}"
        )
        lines.append(f"  {admin_url(lead)}")
    return subject, "\n".join(lines)


def send_mail(subject, body):
    EmailMessage(subject, body, to=settings.LEADS_NOTIFY_EMAILS).send()


def post_to_webhook(subject, body):
    """企业微信 and 钉钉 group robots both take this text message; they answer {"errcode": 0} to accept it."""
    content = f"{subject}\n{body}"
    payload = json.dumps({"msgtype": "text", "text": {"content": content}}, ensure_ascii=False)
    request = urllib.request.Request(  # noqa: S310 (leads.E006 allows only http and https)
        settings.LEADS_NOTIFY_WEBHOOK,
        data=payload.encode(),
        headers={"Content-Type": "application/json; charset=utf-8"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_SECONDS) as response:  # noqa: S310
        answer = response.read(4096)
    try:
        errcode = json.loads(answer).get("errcode", 0)
    except (ValueError, AttributeError):
        errcode = 0  # a robot that answers 200 with something other than JSON took the message
    if errcode != 0:
        raise WebhookRefused(f"errcode {errcode}")


class WebhookRefused(Exception):
    pass


SENDERS = {LeadNotification.Channel.MAIL: send_mail, LeadNotification.Channel.WEBHOOK: post_to_webhook}


def describe_failure(error):
    """What the log and the row keep of a failure: the kind and the reason, with no secret in it (the
    webhook's address carries its key)."""
    text = scrub(f"{type(error).__name__}: {error}")
    if settings.LEADS_NOTIFY_WEBHOOK:
        text = text.replace(settings.LEADS_NOTIFY_WEBHOOK, "<webhook>")
    return text[:200]


def deliver(notifications, now=None):
    """Send each pending notification once; returns how many went out. Failures are logged and kept for
    a later try, never raised."""
    now = now or timezone.now()
    sent = 0
    for notification in notifications:
        notification.attempts += 1
        try:
            SENDERS[notification.channel](*new_lead_message(notification.lead))
        except Exception as error:  # whatever SMTP, the network or the robot does
            notification.last_error = describe_failure(error)
            logger.warning(
                "Lead #%s: %s notification failed (attempt %s), will retry: %s",
                notification.lead_id,
                notification.channel,
                notification.attempts,
                notification.last_error,
            )
        else:
            notification.sent_at = now
            notification.last_error = ""
            sent += 1
        notification.save(update_fields=["attempts", "sent_at", "last_error"])
    return sent


def pending(now):
    """Notifications still to send: not yet sent, not given up on, and past the first attempt's grace."""
    return (
        LeadNotification.objects.filter(
            sent_at__isnull=True,
            attempts__lt=MAX_ATTEMPTS,
            created_at__gt=now - RETRY_FOR,
            created_at__lte=now - FIRST_ATTEMPT_GRACE,
        )
        .select_related("lead__service")
        .order_by("created_at")
    )


def remind_overdue(now=None):
    """One mail (and robot message) about the open leads past their due-by that were not mentioned in the
    last day. Returns how many leads were due a reminder and whether it went out (through any channel)."""
    now = now or timezone.now()
    if not channels():
        return 0, True
    leads = list(
        Lead.objects.overdue(now)
        .filter(
            Q(overdue_reminded_at__isnull=True) | Q(overdue_reminded_at__lte=now - OVERDUE_REMINDER_EVERY)
        )
        .select_related("service", "assigned_to")
        .order_by("due_by")
    )
    if not leads:
        return 0, True
    message = overdue_message(leads)
    delivered = False
    for channel in channels():
        try:
            SENDERS[channel](*message)
        except Exception as error:
            logger.warning("Overdue reminder by %s failed, will retry: %s", channel, describe_failure(error))
        else:
            delivered = True
    if delivered:
        Lead.objects.filter(pk__in=[lead.pk for lead in leads]).update(overdue_reminded_at=now)
    return len(leads), delivered


# The leads whose notifications this thread sends once its response has gone out.
_after_response = threading.local()


def deliver_after_response(lead):
    """Send the new lead's notifications after the response to the person who submitted it has been
    written, so a slow or broken mail server costs them nothing."""
    queued = getattr(_after_response, "leads", None)
    if queued is None:
        queued = _after_response.leads = []
    queued.append(lead.pk)


@receiver(request_finished, dispatch_uid="leads.notify.after_response")
def _deliver_queued(sender, **kwargs):
    # request_finished comes when the WSGI server closes the response, after its last byte was written.
    queued, _after_response.leads = getattr(_after_response, "leads", None) or [], []
    for lead_pk in queued:
        try:
            notifications = LeadNotification.objects.filter(lead_id=lead_pk, sent_at__isnull=True)
            deliver(notifications.select_related("lead__service"))
        except Exception:  # e.g. the database went away; the rows stay pending for the cron job
            logger.exception("Lead #%s: notifications left for remind_overdue_leads to retry", lead_pk)
