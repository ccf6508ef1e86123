from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from permitsite.shared_pages import shared_but_for, shared_page
from reminders.schedule import KIND_LABELS, subscription_problem, upcoming_reminders
from renewal import view_counts
from renewal.calendar_export import renewal_calendar
from renewal.deadlines import renewal_status
from renewal.forms import AcceptedForm, ExpiryForm
from renewal.models import GUIDES, Article, Category, workday_calendar
from renewal.workdays import processing_estimate


def _own_fields(query, form_class):
    """The query to bind, or None when it carries none of the form's fields: a link shared from WeChat
    (?from=singlemessage) or a campaign (utm_*) shows the empty form, not an error."""
    return query if any(name in query for name in form_class.base_fields) else None


@require_safe
@shared_page(GUIDES)
def guide_list(request):
    articles = Article.objects.published().only("title", "slug", "category", "summary", "content_updated_on")
    by_category = {category: [] for category in Category}
    for article in articles:
        by_category[article.category].append(article)
    sections = [
        {"category": category, "articles": guides} for category, guides in by_category.items() if guides
    ]
    return render(request, "renewal/guide_list.html", {"sections": sections})


@require_safe
def guide_detail(request, slug):
    response = _guide_page(request, slug)
    # Not a 304, and not a monitor's or crawler's HEAD: a reader.
    if response.status_code == 200 and request.method == "GET":
        view_counts.guide_views.count(slug)
    return response


@shared_page(GUIDES)
def _guide_page(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    related = article.related.published().exclude(pk=article.pk).only("title", "slug", "summary")
    context = {
        "article": article,
        "related": related,
        "sources": list(article.sources.all()),
        "category_label": Category(article.category).label,
    }
    return render(request, "renewal/guide_detail.html", context)


@require_safe
def check(request):
    query = _own_fields(request.GET, ExpiryForm)
    if query is None:
        return _empty_check(request)
    form = ExpiryForm(query)
    result = renewal_status(form.cleaned_data["expiry"], timezone.localdate()) if form.is_valid() else None
    return _check_page(request, form, result)


@shared_page(GUIDES)
def _empty_check(request):
    """Before a date is given the page is the same for everyone; its guides change with an edit."""
    return _check_page(request, ExpiryForm(), None)


def _check_page(request, form, result):
    guides = Article.objects.published().filter(category=Category.RENEWAL).only("title", "slug")
    context = {
        "form": form,
        "result": result,
        "guides": guides,
        # Offered beside the .ics whenever a reminder for this date could still go out; else why not.
        "remind_problem": subscription_problem(result.expiry, result.today) if result else "",
        # What a sign-up today would still send, as /renewal/remind/ lists it: never a reminder already past.
        "texts_ahead": (
            [KIND_LABELS[r.kind] for r in upcoming_reminders(result.expiry, result.today)] if result else []
        ),
        "calendar_days_past": result is not None and result.window_opens < result.today,
    }
    return render(request, "renewal/check.html", context)


@require_safe
def check_calendar(request):
    form = ExpiryForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            "；".join(form.errors["expiry"]).encode(), content_type="text/plain; charset=utf-8"
        )
    status = renewal_status(form.cleaned_data["expiry"], timezone.localdate())
    body = renewal_calendar(status, uid_domain=request.get_host().split(":")[0], stamp=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="qianzhu-{status.expiry.isoformat()}.ics"'
    return response


@require_safe
def processing(request):
    today = timezone.localdate()
    query = _own_fields(request.GET, AcceptedForm)

    def page():
        form = AcceptedForm(query, initial={"accepted": today.isoformat()})
        valid = form.is_valid()
        estimate = processing_estimate(form.cleaned_data["accepted"], workday_calendar()) if valid else None
        return render(request, "renewal/processing.html", {"form": form, "estimate": estimate})

    if query is not None:
        return page()
    # Before a date is given the page is the same for everyone on a day (its box starts at today).
    return shared_but_for(request, page, today)
