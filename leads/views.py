"""在线咨询 pages. Views translate HTTP to leads.services calls and back; the rules live elsewhere."""

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from leads import services, sms
from leads.codes import CHECK_MESSAGES, CodeCheck
from leads.forms import CodeRequestForm, DeletionRequestForm, LeadForm, clean_result_token
from leads.limits import RESEND_COOLDOWN
from leads.models import Lead, PhoneVerification
from leads.phones import mask_phone
from permitsite import privacy as privacy_policy
from permitsite.client_ip import client_ip

SENSITIVE_FIELDS = ("name", "phone", "code", "message", "captcha_1")
PROVIDER_FAILED = "短信暂时发送失败，请稍后再试。您填写的内容已保留。"
NOT_SAVED = "系统繁忙，您的信息这次没有保存成功，请再点一次“提交”。"
THANKS_SESSION_KEY = "leads_thanks"
CODE_STEP_ACTIONS = ("send_code", "new_captcha")


def session_key(request):
    """Codes are bound to the browser session that asked for them: make sure there is one."""
    if request.session.session_key is None:
        request.session.modified = True
        request.session.save()
    return request.session.session_key


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
        return 429, {"error": outcome.decision.message, "retry_after": outcome.decision.retry_after}
    return 200, {
        "sent": True,
        "resend_after": int(RESEND_COOLDOWN.total_seconds()),
        "message": f"验证码已发送到 {mask_phone(phone)}，5 分钟内有效。",
    }


def _errors_json(form):
    return {
        field: [error["message"] for error in errors] for field, errors in form.errors.get_json_data().items()
    }


@sensitive_post_parameters(*SENSITIVE_FIELDS)
@never_cache
@require_POST
@sensitive_variables()
def request_code(request):
    """POST /consult/code/: phone + image CAPTCHA → a 6-digit code by SMS. JSON answers for our script."""
    form = CodeRequestForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": _errors_json(form)}, status=400)
    status, body = _send_code(request, form)
    response = JsonResponse(body, status=status)
    if status == 429:
        response["Retry-After"] = str(body["retry_after"])
    return response


def _typed_values(post, form_class):
    """What the visitor typed, shown again after 获取验证码 without judging fields not yet finished."""
    return {name: post.get(name) for name in form_class.base_fields if name in post and name != "website"}


def _code_step(request, purpose):
    """The no-JavaScript 获取验证码 and 换一张 buttons: act; the page shows its form again, filled in."""
    notice = ""
    typed_phone = {"phone": request.POST.get("phone", "")}
    if request.POST.get("action") == "new_captcha":
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


@sensitive_post_parameters(*SENSITIVE_FIELDS)
@never_cache
@require_http_methods(["GET", "POST"])
@sensitive_variables()
def consult(request):
    result_token = clean_result_token(request.GET.get("result") or request.POST.get("result"))
    purpose = PhoneVerification.Purpose.LEAD
    notice = ""
    if request.method == "POST" and request.POST.get("action") in CODE_STEP_ACTIONS:
        form = LeadForm(initial=_typed_values(request.POST, LeadForm), result_token=result_token)
        code_form, notice = _code_step(request, purpose)
    elif request.method == "POST":
        form = LeadForm(request.POST, result_token=result_token)
        code_form = CodeRequestForm(initial={"phone": request.POST.get("phone", "")}, purpose=purpose)
        if form.is_valid():
            lead = _save_lead(request, form)
            if lead is not None:
                request.session[THANKS_SESSION_KEY] = lead.pk
                return redirect("leads:thanks")
    else:
        form = LeadForm(initial={"result": result_token}, result_token=result_token)
        code_form = CodeRequestForm(purpose=purpose)
    context = {"form": form, "code_form": code_form, "notice": notice, "result_token": result_token}
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
    notice = ""
    deleted = None
    if request.method == "POST" and request.POST.get("action") in CODE_STEP_ACTIONS:
        form = DeletionRequestForm(initial=_typed_values(request.POST, DeletionRequestForm))
        code_form, notice = _code_step(request, purpose)
    elif request.method == "POST":
        form = DeletionRequestForm(request.POST)
        code_form = CodeRequestForm(initial={"phone": request.POST.get("phone", "")}, purpose=purpose)
        if form.is_valid():
            deleted = _delete(request, form)
            if deleted is not None:
                form = DeletionRequestForm()
                code_form = CodeRequestForm(purpose=purpose)
    else:
        form = DeletionRequestForm()
        code_form = CodeRequestForm(purpose=purpose)
    context = {"form": form, "code_form": code_form, "notice": notice, "deleted": deleted}
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
