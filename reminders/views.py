"""签注短信提醒 pages. Views translate HTTP to reminders.services calls and back; the rules live elsewhere.

The number is proved by the consultation's SMS code (purpose "reminder"), with its CAPTCHA and limits.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from leads.code_flow import (
    NOT_SAVED,
    SENSITIVE_FIELDS,
    CodeFlow,
    consent_evidence,
    keep_for_done_page,
    session_key,
)
from leads.codes import CHECK_MESSAGES, SUCCEEDED, CodeCheck
from leads.services import DatabaseBusy
from permitsite.client_ip import client_ip
from permitsite.dates import chinese_date
from reminders import schedule, services
from reminders.forms import RenewedForm, StopForm, SubscribeForm
from reminders.models import Subscription
from renewal.dateinput import InvalidDate, parse_date

DONE_SESSION_KEY = "reminders_done"
STOPPED_SESSION_KEY = "reminders_stopped"
REMINDER = services.REMINDER


def _expiry_from(value):
    """A date typed or passed along (?expiry=) that the form would accept; None otherwise."""
    try:
        expiry = parse_date(value or "")
    except InvalidDate:
        return None
    return None if schedule.subscription_problem(expiry, timezone.localdate()) else expiry


def _upcoming(expiry):
    if expiry is None:
        return []
    today = timezone.localdate()
    return [
        {"day": reminder.day, "label": schedule.KIND_LABELS[reminder.kind]}
        for reminder in schedule.upcoming_reminders(expiry, today)
    ]


@sensitive_post_parameters(*SENSITIVE_FIELDS)
@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_variables()
def subscribe(request):
    """/renewal/remind/: the date, the number with its SMS code, and consent for these texts only."""
    expiry = _expiry_from(request.GET.get("expiry"))
    flow = CodeFlow.start(
        request, REMINDER, SubscribeForm, initial={"expiry": expiry.isoformat() if expiry else None}
    )
    if flow.submitted and flow.form_is_valid():
        subscription = _subscribe(request, flow.form)
        if subscription is not None:
            flow.done()
            request.session[DONE_SESSION_KEY] = subscription.pk
            return redirect("reminders:done")

    def page():
        form = flow.form
        typed = _expiry_from(form["expiry"].value()) if not form.errors.get("expiry") else None
        context = {**flow.context(), "expiry": typed, "upcoming": _upcoming(typed)}
        return render(request, "reminders/subscribe.html", context)

    return flow.page(page, query=("expiry",))


@sensitive_variables()
def _subscribe(request, form):
    data = form.cleaned_data
    try:
        outcome, subscription = services.subscribe(
            phone=data["phone"],
            expiry=data["expiry"],
            code=data["code"],
            session_key=session_key(request),
            evidence=consent_evidence(request),
        )
    except DatabaseBusy:
        form.add_error(None, NOT_SAVED)
        return None
    if outcome not in SUCCEEDED:
        form.add_error("code", CHECK_MESSAGES[outcome])
        return None
    return subscription


@never_cache
def done(request):
    subscription = Subscription.objects.filter(pk=request.session.get(DONE_SESSION_KEY)).first()
    if subscription is None:
        return redirect("reminders:subscribe")
    context = {"subscription": subscription, "upcoming": _upcoming(subscription.expiry)}
    return render(request, "reminders/done.html", context)


@sensitive_post_parameters(*SENSITIVE_FIELDS)
@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_variables()
def stop(request):
    """/renewal/remind/stop/: for someone without the text at hand: the number and an SMS code; the done
    page says what it did."""
    flow = CodeFlow.start(request, REMINDER, StopForm)
    if flow.submitted and flow.form_is_valid() and _stop(request, flow.form):
        flow.done()
        return redirect("reminders:stopped")
    return flow.page(lambda: render(request, "reminders/stop.html", flow.context()))


@sensitive_variables()
def _stop(request, form):
    phone = form.cleaned_data["phone"]
    try:
        outcome, existed = services.stop_with_code(
            phone=phone, code=form.cleaned_data["code"], session_key=session_key(request)
        )
    except DatabaseBusy:
        form.add_error(None, "系统繁忙，这次没有停止成功，请再点一次“停止提醒”。")
        return False
    if outcome not in SUCCEEDED:
        form.add_error("code", CHECK_MESSAGES[outcome])
        return False
    # A second tap does not know whether the first found reminders: it says what is true now (None).
    keep_for_done_page(
        request, STOPPED_SESSION_KEY, phone, outcome, stopped=existed if outcome is CodeCheck.OK else None
    )
    return True


@never_cache
def stopped(request):
    """/renewal/remind/stop/done/: what the stop this browser just made did, with the masked number."""
    done = request.session.get(STOPPED_SESSION_KEY)
    if done is None:
        return redirect("reminders:stop")
    return render(request, "reminders/stop_done.html", done)


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    """/r/<token>: the link in every text. Stop, or say "我已签注" and move the reminders to next year.

    GET only shows the choices: phones and chat apps open links to preview them, which must change nothing.
    """
    ip = client_ip(request)
    if services.too_many_link_misses(ip):
        return render(request, "reminders/link_guesses.html", status=429)
    subscription = services.subscription_for_link(token)
    if subscription is None:
        services.count_link_miss(ip)
        return render(request, "reminders/link_gone.html", status=404)
    action = request.POST.get("action")
    if request.method == "POST" and action == "stop":
        services.stop_with_link(token)
        # The same done page as a stop by code (Post/Redirect/Get): a reload there posts nothing to a link
        # that no longer exists.
        keep_for_done_page(request, STOPPED_SESSION_KEY, subscription.phone, CodeCheck.OK, stopped=True)
        return redirect("reminders:stopped")
    if request.method == "POST" and action == "renewed":
        form = RenewedForm(request.POST, current_expiry=subscription.expiry)
        if form.is_valid():
            try:
                subscription = services.renewed(
                    subscription, expiry=form.cleaned_data["expiry"], evidence=consent_evidence(request)
                )
            except services.NotLater:
                # Another click moved the date meanwhile: show the page as it now stands.
                return redirect("reminders:manage", token=token)
            messages.success(
                request,
                f"已记下您签注好了。今年的提醒不再发送，明年按新的有效期{chinese_date(subscription.expiry)}提醒您。",
            )
            return redirect("reminders:manage", token=token)
    else:
        form = RenewedForm(initial={"expiry": schedule.next_year_expiry(subscription.expiry).isoformat()})
    context = {
        "subscription": subscription,
        "form": form,
        "upcoming": _upcoming(subscription.expiry),
    }
    return render(request, "reminders/manage.html", context)
