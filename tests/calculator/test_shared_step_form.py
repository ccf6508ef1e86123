"""A step nobody has answered is rendered once per process and shared (calculator/views.py): what an editor
changes shows on the next request, each visitor gets a CSRF token of their own, notices drawn from one
visitor's earlier answers reach only visitors with the same notices, and a visitor's own answers are never
served from it."""

import re

import pytest
from django.test import Client

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


def token_on(page: bytes) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.decode()).group(1)


def test_each_visitor_posts_with_the_token_of_their_own_page():
    visitors = [Client(enforce_csrf_checks=True) for _ in range(3)]
    pages = [visitor.get("/jifen/basic/") for visitor in visitors]
    # Rendered for the first visitor only; the others get the kept page with their own token.
    assert [bool(page.templates) for page in pages] == [True, False, False]
    tokens = [token_on(page.content) for page in pages]
    assert len(set(tokens)) == 3
    answers = {"age": "30", "education": "bachelor", "title_skill": "none"}
    for visitor, token in zip(visitors, tokens, strict=True):
        response = visitor.post("/jifen/basic/", {**answers, "csrfmiddlewaretoken": token})
        assert response.status_code == 302
    # A token printed for someone else is no good without their cookie.
    stranger = Client(enforce_csrf_checks=True)
    stranger.get("/jifen/basic/")
    assert stranger.post("/jifen/basic/", {**answers, "csrfmiddlewaretoken": tokens[0]}).status_code == 403


def test_a_notice_from_earlier_answers_reaches_only_the_visitors_it_concerns():
    younger, older, another_younger = Client(), Client(), Client()
    for visitor, age in ((younger, "30"), (older, "61"), (another_younger, "45")):
        visitor.post("/jifen/basic/", {"age": age, "education": "bachelor", "title_skill": "none"})
    assert "alert-warning" not in younger.get("/jifen/insurance/").content.decode()
    notice = older.get("/jifen/insurance/").content.decode()
    assert "60 周岁" in notice
    assert "60 周岁" not in another_younger.get("/jifen/insurance/").content.decode()
    assert "60 周岁" in older.get("/jifen/insurance/").content.decode()


def test_coming_back_from_the_summary_is_its_own_page(client):
    client.get("/jifen/bonus/")
    assert "保存并返回核对" in client.get("/jifen/bonus/?next=check").content.decode()
    plain = client.get("/jifen/bonus/").content.decode()
    assert "保存并返回核对" not in plain
    assert "下一步" in plain


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


def test_the_start_page_offers_to_go_on_only_to_a_visitor_who_has_begun():
    newcomer, returning = Client(), Client(enforce_csrf_checks=True)
    assert "开始自测" in newcomer.get("/jifen/").content.decode()
    answers = {"age": "30", "education": "bachelor", "title_skill": "none"}
    token = token_on(returning.get("/jifen/basic/").content)
    returning.post("/jifen/basic/", {**answers, "csrfmiddlewaretoken": token})
    page = returning.get("/jifen/").content
    assert "继续自测" in page.decode()
    assert returning.post("/jifen/restart/", {"csrfmiddlewaretoken": token_on(page)}).status_code == 302
    assert "开始自测" in returning.get("/jifen/").content.decode()
    again = Client().get("/jifen/").content.decode()
    assert "开始自测" in again
    assert "清空答案" not in again
