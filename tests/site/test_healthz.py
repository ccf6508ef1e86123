import logging

import pytest


def health_warnings(caplog):
    return [record.getMessage() for record in caplog.records if record.name == "permitsite.views"]


@pytest.mark.django_db
def test_healthz_is_200_when_database_and_cache_answer(client, caplog):
    caplog.set_level(logging.WARNING, logger="permitsite.views")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": True, "cache": True}}
    assert "no-store" in response["Cache-Control"]
    assert health_warnings(caplog) == []


def test_healthz_is_503_when_the_database_is_down(client, unreachable_database, caplog):
    caplog.set_level(logging.WARNING, logger="permitsite.views")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": False, "cache": True}
    assert "no-store" in response["Cache-Control"]
    assert health_warnings(caplog) == ["/healthz: the database check failed with OperationalError"]


@pytest.mark.django_db
def test_healthz_is_503_when_the_cache_is_down(client, settings, caplog):
    caplog.set_level(logging.WARNING, logger="permitsite.views")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] is False
    assert health_warnings(caplog) == ["/healthz: the cache check failed with ConnectionError"]
