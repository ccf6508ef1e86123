"""在线咨询 pages. Views translate HTTP to leads.services calls and back; the rules live elsewhere."""

import time

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from calculator.results import summary_of
from leads import notify, services, sms
from leads.codes import CHECK_MESSAGES, CODE_LIFETIME, CodeCheck
from leads.forms import CodeRequestForm, DeletionRequestForm, LeadForm, clean_result_token
from leads.limits import RESEND_COOLDOWN
from leads.models import Lead, PhoneVerification
from leads.phones import mask_phone
from permitsite import api
from permitsite import privacy as privacy_policy
from permitsite.client_ip import client_ip
from permitsite.operator import current_operator

SENSITIVE_FIELDS = ("name", "phone", "code", "message", "captcha_1")
PROVIDER_FAILED = "短信暂时发送失败，请稍后再试。您填写的内容已保留。"
NOT_SAVED = "系统繁忙，您的信息这次没有保存成功，请再点一次“提交”。"
THANKS_SESSION_KEY = "leads_thanks"
# Per purpose: the masked number a code was last sent to from this browser, and when.
CODES_SENT_SESSION_KEY = "leads_codes_sent"
CODE_STEP_ACTIONS = ("send_code", "new_captcha", "new_code")
# The service a link from a self-test result preselects: checking that result.
RESULT_SERVICE = "check_score"


def session_key(request):
    """Codes are bound to the browser session that asked for them: make sure there is one. The session is
    loaded first: a cookie whose session has expired keeps its dead key until then, and a code bound to that
    key could never be checked once the session is saved under a new one."""
    request.session.keys()
    if request.session.session_key is None:
        request.session.modified = True
        request.session.save()
    return request.session.session_key


def code_sent_to(request, purpose):
    """The masked number this browser was sent a code for `purpose` while that code can still be used."""
    sent = request.session.get(CODES_SENT_SESSION_KEY, {}).get(purpose)
    if not sent or time.time() - sent[1] > CODE_LIFETIME.total_seconds():
        return ""
    return sent[0]


def _remember_code_sent(request, purpose, phone):
    request.session[CODES_SENT_SESSION_KEY] = {
        **request.session.get(CODES_SENT_SESSION_KEY, {}),
        purpose: [mask_phone(phone), time.time()],
    }


def forget_code_sent(request, purpose):
    sent = dict(request.session.get(CODES_SENT_SESSION_KEY, {}))
    if sent.pop(purpose, None) is not None:
        request.session[CODES_SENT_SESSION_KEY] = sent


@sensitive_variables()
def _send_code(request, form):
    """Returns (status, body) for the JSON API; the HTML view turns the same outcome into form messages."""
    phone = form.cleaned_data["phone"]
    try:
        outcome = services.request_code(
            phone, session_key(request), client_ip(request), form.cleaned_data["purpose"]
        )
    except sms.SmsSendError:
        return 503, {"error": PROVIDER_FAILED}
    except services.DatabaseBusy:
        return 503, {"error": "系统繁忙，验证码没有发出，请稍后再试。"}
    if outcome.refused:
        message = outcome.decision.message_for(current_operator().phone)
        return 429, {"error": message, "retry_after": outcome.decision.retry_after}
    _remember_code_sent(request, form.cleaned_data["purpose"], phone)
    return 200, {
        "sent": True,
        "resend_after": int(RESEND_COOLDOWN.total_seconds()),
        "message": f"验证码已发送到 {mask_phone(phone)}，5 分钟内有效。",
    }


def _errors_json(form):
    return {
        field: [error["message"] for error in errors] for field, errors in form.errors.get_json_data().items()
    }


CODE_REQUEST_EXAMPLE = '{"phone": "13812345678", "captcha_0": "…", "captcha_1": "…", "purpose": "lead"}'


def _code_request_data(request):
    """The fields of a code request: our page's script posts the form itself (FormData); another client may
    send a JSON object, read strictly (permitsite/api.py) and holding only strings."""
    if request.content_type != "application/json":
        return request.POST
    data = api.json_object(request, example=CODE_REQUEST_EXAMPLE)
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
    status, body = _send_code(request, form)
    response = api.json_response(body, status=status)
    if status == 429:
        response["Retry-After"] = str(body["retry_after"])
    return response


def typed_values(post, form_class):
    """What the visitor typed, shown again after 获取验证码 without judging fields not yet finished."""
    return {name: post.get(name) for name in form_class.base_fields if name in post and name != "website"}


def code_step(request, purpose):
    """The no-JavaScript 获取验证码, 换一张 and 重新获取 buttons: act; the page shows its form again, filled
    in. Shared by every form that takes an SMS code (/consult/, /privacy/requests/, /renewal/remind/)."""
    notice = ""
    typed_phone = {"phone": request.POST.get("phone", "")}
    if request.POST.get("action") in ("new_captcha", "new_code"):
        return CodeRequestForm(initial=typed_phone, purpose=purpose), notice
    code_form = CodeRequestForm(request.POST, purpose=purpose)
    if code_form.is_valid():
        status, body = _send_code(request, code_form)
        if status == 200:
            notice = body["message"]
            code_form = CodeRequestForm(initial=typed_phone, purpose=purpose)
        else:
            code_form.add_error(None, body["error"])
    return code_form, notice


def code_block(request, purpose, code_form, notice):
    """What the shared phone-and-code block shows. Once a code is on its way the CAPTCHA stays away, even when
    the form comes back with another error; 重新获取 (or a refused send) brings it back."""
    sent_to = code_sent_to(request, purpose)
    asked_again = request.method == "POST" and request.POST.get("action") in ("new_captcha", "new_code")
    return {
        "code_form": code_form,
        "notice": notice,
        "purpose": purpose,
        "code_sent_to": sent_to,
        "show_captcha": not sent_to or asked_again or bool(code_form.errors),
    }


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
    form_kwargs = {
        "code_requested": bool(code_sent_to(request, purpose)),
        "operator": current_operator(),
        "result_token": result_token,
        "result_summary": result_summary,
    }
    notice = ""
    if request.method == "POST" and request.POST.get("action") in CODE_STEP_ACTIONS:
        form = LeadForm(initial=typed_values(request.POST, LeadForm), **form_kwargs)
        code_form, notice = code_step(request, purpose)
    elif request.method == "POST":
        form = LeadForm(request.POST, **form_kwargs)
        code_form = CodeRequestForm(initial={"phone": request.POST.get("phone", "")}, purpose=purpose)
        if form.is_valid():
            lead = _save_lead(request, form)
            if lead is not None:
                forget_code_sent(request, purpose)
                notify.deliver_after_response(lead, request)
                request.session[THANKS_SESSION_KEY] = lead.pk
                return redirect("leads:thanks")
    else:
        initial = {"result": result_token, "service": _preselected_service(request, result_token)}
        form = LeadForm(initial=initial, **form_kwargs)
        code_form = CodeRequestForm(purpose=purpose)
    context = {"form": form, **code_block(request, purpose, code_form, notice), "result_token": result_token}
    return render(request, "leads/consult.html", context)


@sensitive_variables()
def _save_lead(request, form):
    data = form.cleaned_data
    evidence = services.ConsentEvidence(
        privacy_version=privacy_policy.POLICY_VERSION,
        ip=client_ip(request),
        user_agent=request.headers.get("User-Agent", ""),
    )
    try:
        outcome, lead = services.submit_lead(
            name=data["name"],
            phone=data["phone"],
            service=data["service"],
            message=data["message"],
            result_token=form.result_token,
            code=data["code"],
            session_key=session_key(request),
            evidence=evidence,
            callback_time=data["callback_time"],
            recipient=form.recipient if data.get("recipient_consent") else "",
        )
    except services.DatabaseBusy:
        form.add_error(None, NOT_SAVED)
        return None
    if outcome is not CodeCheck.OK:
        form.add_error("code", CHECK_MESSAGES[outcome])
        return None
    return lead


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
    """/privacy/requests/: prove the number by SMS code; its leads are deleted at once."""
    purpose = PhoneVerification.Purpose.DELETION
    form_kwargs = {"code_requested": bool(code_sent_to(request, purpose))}
    notice = ""
    deleted = None
    if request.method == "POST" and request.POST.get("action") in CODE_STEP_ACTIONS:
        form = DeletionRequestForm(initial=typed_values(request.POST, DeletionRequestForm), **form_kwargs)
        code_form, notice = code_step(request, purpose)
    elif request.method == "POST":
        form = DeletionRequestForm(request.POST, **form_kwargs)
        code_form = CodeRequestForm(initial={"phone": request.POST.get("phone", "")}, purpose=purpose)
        if form.is_valid():
            deleted = _delete(request, form)
            if deleted is not None:
                forget_code_sent(request, purpose)
                form = DeletionRequestForm()
                code_form = CodeRequestForm(purpose=purpose)
    else:
        form = DeletionRequestForm(**form_kwargs)
        code_form = CodeRequestForm(purpose=purpose)
    context = {"form": form, **code_block(request, purpose, code_form, notice), "deleted": deleted}
    return render(request, "leads/deletion_request.html", context)


@sensitive_variables()
def _delete(request, form):
    try:
        outcome, deleted = services.delete_personal_data(
            phone=form.cleaned_data["phone"], code=form.cleaned_data["code"], session_key=session_key(request)
        )
    except services.DatabaseBusy:
        form.add_error(None, "系统繁忙，删除没有完成，请再点一次“删除”。")
        return None
    if outcome is not CodeCheck.OK:
        form.add_error("code", CHECK_MESSAGES[outcome])
        return None
    return deleted
