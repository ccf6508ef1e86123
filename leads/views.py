"""在线咨询 pages. Views translate HTTP to leads.services calls and back; the rules live elsewhere."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from calculator.results import summary_of
from leads import notify, services
from leads.code_flow import (
    NOT_SAVED,
    SENSITIVE_FIELDS,
    CodeFlow,
    consent_evidence,
    keep_for_done_page,
    send_code,
    session_key,
)
from leads.codes import CHECK_MESSAGES, SUCCEEDED, CodeCheck
from leads.forms import CodeRequestForm, DeletionRequestForm, LeadForm, clean_result_token
from leads.models import SERVICES_TOPIC, Lead, PhoneVerification
from permitsite import api, stamps
from permitsite.operator import current_operator

THANKS_SESSION_KEY = "leads_thanks"
DELETED_SESSION_KEY = "leads_deleted"
# The service a link from a self-test result preselects: checking that result.
RESULT_SERVICE = "check_score"


def _errors_json(form):
    return {
        field: [error["message"] for error in errors] for field, errors in form.errors.get_json_data().items()
    }


CODE_REQUEST_FIELDS = {"phone", "captcha_0", "captcha_1", "purpose"}
CODE_REQUEST_EXAMPLE = '{"phone": "13812345678", "captcha_0": "…", "captcha_1": "…", "purpose": "lead"}'


def _code_request_data(request):
    """The fields of a code request: our page's script posts the form itself (FormData); another client may
    send a JSON object, read strictly (permitsite/api.py) and holding only strings."""
    if request.content_type != "application/json":
        return request.POST
    data = api.json_object(request, example=CODE_REQUEST_EXAMPLE)
    unknown = sorted(set(data) - CODE_REQUEST_FIELDS)
    if unknown:
        raise api.ApiError({unknown[0]: ["没有这一项，只接受 phone、captcha_0、captcha_1 和 purpose。"]})
    wrong = sorted(name for name, value in data.items() if not isinstance(value, str))
    if wrong:
        raise api.ApiError({wrong[0]: ["请用字符串填写这一项。"]})
    return data


@sensitive_post_parameters(*SENSITIVE_FIELDS)
@never_cache
@api.endpoint("POST", session=True)
@sensitive_variables()
def request_code(request):
    """POST /consult/code/: phone + image CAPTCHA → a 6-digit code by SMS. JSON answers for our script
    (and any other client), through permitsite/api.py like /api/v1: JSON errors, JSON 405, strict JSON."""
    form = CodeRequestForm(_code_request_data(request))
    if not form.is_valid():
        raise api.ApiError(_errors_json(form))
    status, body = send_code(request, form)
    response = api.json_response(body, status=status)
    if status == 429:
        response["Retry-After"] = str(body["retry_after"])
    return response


def _preselected_service(request, result_token):
    if result_token:
        return RESULT_SERVICE
    return request.GET.get("service", "")


@sensitive_post_parameters(*SENSITIVE_FIELDS)
@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_variables()
def consult(request):
    """/consult/: the consultation form. From a self-test result it offers to attach that result (a separate,
    unticked box that says what would go) and preselects checking it; ?service=<slug> preselects a service."""
    result_token = clean_result_token(request.GET.get("result") or request.POST.get("result"))
    result_summary = summary_of(result_token) if result_token else None
    if result_summary is None:
        result_token = ""
    purpose = PhoneVerification.Purpose.LEAD
    flow = CodeFlow.start(
        request,
        purpose,
        LeadForm,
        initial={"result": result_token, "service": _preselected_service(request, result_token)},
        operator=current_operator(),
        result_token=result_token,
        result_summary=result_summary,
    )
    if flow.submitted and flow.form_is_valid():
        outcome, lead = _save_lead(request, flow.form)
        if lead is not None:
            flow.done()
            if outcome is CodeCheck.OK:  # a second tap saved nothing; the first told the consultants
                notify.deliver_after_response(lead)
            request.session[THANKS_SESSION_KEY] = lead.pk
            return redirect("leads:thanks")

    def page():
        return render(request, "leads/consult.html", {**flow.context(), "result_token": result_token})

    if result_token:
        return page()  # it names the visitor's own result
    return flow.page(page, stamps.current(SERVICES_TOPIC), query=("service",))


@sensitive_variables()
def _save_lead(request, form):
    data = form.cleaned_data
    try:
        outcome, lead = services.submit_lead(
            name=data["name"],
            phone=data["phone"],
            service=data["service"],
            message=data["message"],
            result_token=form.result_token,
            code=data["code"],
            session_key=session_key(request),
            evidence=consent_evidence(request),
            callback_time=data["callback_time"],
            recipient=form.recipient if data.get("recipient_consent") else "",
        )
    except services.DatabaseBusy:
        form.add_error(None, NOT_SAVED)
        return None, None
    if outcome not in SUCCEEDED:
        form.add_error("code", CHECK_MESSAGES[outcome])
        return outcome, None
    return outcome, lead


@never_cache
def thanks(request):
    lead = Lead.objects.filter(pk=request.session.get(THANKS_SESSION_KEY)).first()
    if lead is None:
        return redirect("leads:consult")
    return render(request, "leads/thanks.html", {"lead": lead})


@sensitive_post_parameters(*SENSITIVE_FIELDS)
@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_variables()
def deletion_request(request):
    """/privacy/requests/: prove the number by SMS code; its leads are deleted at once, and the done page
    says what went."""
    flow = CodeFlow.start(request, PhoneVerification.Purpose.DELETION, DeletionRequestForm)
    if flow.submitted and flow.form_is_valid() and _delete(request, flow.form):
        flow.done()
        return redirect("privacy_requests_done")
    return flow.page(lambda: render(request, "leads/deletion_request.html", flow.context()))


@sensitive_variables()
def _delete(request, form):
    phone = form.cleaned_data["phone"]
    try:
        outcome, deleted = services.delete_personal_data(
            phone=phone, code=form.cleaned_data["code"], session_key=session_key(request)
        )
    except services.DatabaseBusy:
        form.add_error(None, "系统繁忙，删除没有完成，请再点一次“删除”。")
        return False
    if outcome not in SUCCEEDED:
        form.add_error("code", CHECK_MESSAGES[outcome])
        return False
    # A second tap does not know what the first deleted: it says what is true now (no counts).
    counts = {"leads": deleted.leads, "reminders": deleted.reminders} if outcome is CodeCheck.OK else None
    keep_for_done_page(request, DELETED_SESSION_KEY, phone, outcome, deleted=counts)
    return True


@never_cache
def deletion_done(request):
    """/privacy/requests/done/: what the deletion this browser just made deleted, with the masked number."""
    done = request.session.get(DELETED_SESSION_KEY)
    if done is None:
        return redirect("privacy_requests")
    return render(request, "leads/deletion_done.html", done)
