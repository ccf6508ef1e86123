"""A step nobody has answered is rendered once per process and shared (calculator/views.py): what an editor
changes shows on the next request, and a visitor's own answers are never served from it."""

import pytest

from calculator.models import Indicator, Option

pytestmark = pytest.mark.django_db


def form_of(page: bytes) -> str:
    html = page.decode()
    return html[html.index("<form") : html.index("</form>")]


def without_token(form: str) -> str:
    start = form.index('name="csrfmiddlewaretoken"')
    return form[:start] + form[form.index(">", start) :]


def test_an_unanswered_step_is_the_same_form_for_every_visitor(client):
    from django.test import Client

    first = form_of(client.get("/jifen/basic/").content)
    second = form_of(Client().get("/jifen/basic/").content)
    assert without_token(first) == without_token(second)
    # Each visitor still gets a CSRF token of their own: the token sits outside the shared part.
    assert first != second


def test_an_editors_change_shows_on_the_next_request(client, django_capture_on_commit_callbacks):
    assert "硕士研究生学历学位" in form_of(client.get("/jifen/basic/").content)
    option = Option.objects.get(
        indicator__key="education", code="master", indicator__ruleset__version="2023-01"
    )
    with django_capture_on_commit_callbacks(execute=True):
        option.label = "硕士研究生（学历与学位）"
        option.save()
        indicator = Indicator.objects.get(pk=option.indicator_id)
        indicator.help_text = "以学信网可查的最高学历为准。"
        indicator.save()
    page = form_of(client.get("/jifen/basic/").content)
    assert "硕士研究生（学历与学位）" in page
    assert "以学信网可查的最高学历为准。" in page


def test_a_visitors_own_answers_are_rendered_for_them(client):
    client.get("/jifen/basic/")  # the shared form is now stored
    answered = client.post("/jifen/basic/", {"age": "41", "education": "bachelor", "title_skill": "none"})
    assert answered.status_code == 302
    page = form_of(client.get("/jifen/basic/").content)
    assert 'value="41"' in page
    assert 'value="bachelor" selected' in page
    # Another visitor still sees the empty form.
    from django.test import Client

    assert 'value="41"' not in form_of(Client().get("/jifen/basic/").content)


def test_an_invalid_answer_is_shown_with_its_error_not_the_shared_form(client):
    client.get("/jifen/basic/")
    page = client.post("/jifen/basic/", {"age": "abc", "education": "bachelor", "title_skill": "none"})
    assert page.status_code == 200
    assert 'aria-invalid="true"' in form_of(page.content)
