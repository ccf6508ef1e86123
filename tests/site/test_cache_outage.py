"""With the shared cache (Redis) unreachable, pages that only use it to go faster still answer."""

import pytest

pytestmark = pytest.mark.django_db

PROFILE = {"age": 30, "education": "bachelor_degree", "social_insurance_years": 3}


@pytest.fixture
def cache_down(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }


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
