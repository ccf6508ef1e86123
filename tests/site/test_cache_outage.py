"""With the shared cache (Redis) unreachable, pages that only use it to go faster still answer, sessions
are kept in the database, and nothing a visitor or a staff member did is lost or answered with the 500 page.

Two kinds of outage: `REDIS_URL` pointing at a closed port from the start, and a Redis of the test's own
that is stopped in the middle of a session (the shared Redis is never touched).
"""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from leads.models import Lead
from tests.calculator.wizard import DEDUCTIONS_NONE, INSURANCE_DEFAULT, complete, shown_total
from tests.conftest import STAFF_PASSWORD, current_code
from tests.leads.conftest import captcha_test_mode, empty_outbox  # noqa: F401 (fixtures, used below)
from tests.leads.helpers import PHONE, ask_for_code, last_code_sent_to, lead_form
from tests.leads.test_consultant_admin import make_lead
from tests.ops.servers import redis_server

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("captcha_test_mode", "empty_outbox")]

PROFILE = {"age": 30, "education": "bachelor_degree", "social_insurance_years": 3}


def redis_cache(settings, url):
    # Short timeouts, as production uses (permitsite/envconfig.py), so a test never waits long.
    return {
        **settings.CACHES,
        "default": {
            "BACKEND": "permitsite.cache.BreakerRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }


@pytest.fixture
def cache_down(settings):
    settings.CACHES = redis_cache(settings, "redis://127.0.0.1:9/0")  # nothing listens on the discard port


@pytest.fixture
def own_redis(settings, tmp_path):
    """A Redis of this test's own; `own_redis.stop()` stops it mid-session."""
    with redis_server(tmp_path) as (url, process):
        settings.CACHES = redis_cache(settings, url)

        class Handle:
            @staticmethod
            def stop():
                process.terminate()
                process.wait(timeout=10)

        yield Handle


def visitor():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path", ["/", "/privacy/", "/guides/", "/guides/how-to-renew/"])
def test_cached_pages_render_afresh(client, cache_down, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "上海居住证助手" in response.content.decode()


def test_scoring_reads_the_rules_from_the_database(client, cache_down):
    response = client.post("/api/v1/score", PROFILE, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["total"] == 30 + 90 + 9


def test_a_rule_edit_is_seen_at_once_while_the_cache_is_down(client, cache_down):
    from calculator.models import Option

    Option.objects.filter(code="bachelor_degree", indicator__key="education").update(points=91)
    response = client.post("/api/v1/score", PROFILE, content_type="application/json")
    assert response.json()["total"] == 30 + 91 + 9


def test_a_guide_edit_is_seen_at_once_while_the_cache_is_down(client, cache_down):
    from renewal.models import Article

    assert client.get("/guides/how-to-renew/").status_code == 200
    Article.objects.filter(slug="how-to-renew").update(summary="缓存故障时改的摘要")

    assert "缓存故障时改的摘要" in client.get("/guides/how-to-renew/").content.decode()


def test_the_whole_self_test_works_with_the_cache_down(cache_down):
    basic = {"age": "30", "education": "bachelor_degree"}
    result = complete(visitor(), basic=basic, insurance={"social_insurance_years": "3"})
    assert result.status_code == 200
    assert shown_total(result) == 129


def test_a_consultation_is_stored_with_the_cache_down(cache_down):
    person = visitor()
    assert person.get("/consult/").status_code == 200
    sent = ask_for_code(person)
    assert sent.status_code == 200, sent.content.decode()
    response = person.post("/consult/", lead_form(code=last_code_sent_to()), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert Lead.objects.get().phone == PHONE
    thanks = person.get(response["Location"])
    assert thanks.status_code == 200
    assert "138****5678" in thanks.content.decode()


@pytest.mark.slow
def test_wizard_answers_survive_redis_stopping_mid_session(own_redis):
    person = visitor()
    basic = {"age": "30", "education": "bachelor_degree", "title_skill": "none"}
    answered = person.post("/jifen/basic/", basic)
    assert answered.status_code == 302
    own_redis.stop()

    # The first step's answers are still there: the result counts them (30 for age, 90 for the degree).
    assert person.get("/jifen/basic/").status_code == 200
    for slug, data in (
        ("insurance", {**INSURANCE_DEFAULT, "social_insurance_years": "3"}),
        ("bonus", {}),
        ("deductions", DEDUCTIONS_NONE),
    ):
        assert person.post(f"/jifen/{slug}/", data).status_code == 302, slug
    summary = person.post("/jifen/check/")
    assert summary.status_code == 302
    assert shown_total(person.get(summary["Location"])) == 129


@pytest.mark.slow
def test_a_code_asked_for_before_redis_stops_still_submits_the_lead(own_redis):
    person = visitor()
    assert ask_for_code(person).status_code == 200
    own_redis.stop()
    response = person.post("/consult/", lead_form(code=last_code_sent_to()), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert Lead.objects.get().phone == PHONE


def sign_in_with_code(client, user):
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    fields = {"username": user.username, "password": STAFF_PASSWORD, "otp_token": current_code(device)}
    return client.post("/admin/login/?next=/admin/", fields)


def test_staff_sign_in_and_reveal_with_the_cache_down(cache_down, consultant_with_reveal):
    staff = visitor()
    assert sign_in_with_code(staff, consultant_with_reveal).status_code == 302
    lead = make_lead()
    assert staff.get("/admin/leads/lead/").status_code == 200
    assert "13912345678" in staff.post(f"/admin/leads/lead/{lead.pk}/reveal/").content.decode()


@pytest.mark.slow
def test_staff_stay_signed_in_when_redis_stops(own_redis, consultant_with_reveal):
    staff = visitor()
    assert sign_in_with_code(staff, consultant_with_reveal).status_code == 302
    lead = make_lead()
    assert staff.get("/admin/leads/lead/").status_code == 200
    own_redis.stop()
    assert staff.get("/admin/leads/lead/").status_code == 200
    assert "13912345678" in staff.post(f"/admin/leads/lead/{lead.pk}/reveal/").content.decode()
