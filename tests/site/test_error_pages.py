import pytest
from django.test import Client

pytestmark = pytest.mark.urls("tests.site.urls_failing")


@pytest.fixture
def browser_client():
    """A client that receives the error page a visitor would see instead of the exception."""
    return Client(raise_request_exception=False)


def test_unreachable_database_gives_a_chinese_503_with_retry_after(browser_client, unreachable_database):
    response = browser_client.get("/reads-db/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "系统维护中" in html
    assert "Traceback" not in html


def test_unreachable_shared_cache_gives_the_same_503(browser_client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response = browser_client.get("/needs-cache/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "系统维护中" in response.content.decode()


def test_a_bug_gives_the_chinese_500_page(browser_client):
    response = browser_client.get("/bug/")
    assert response.status_code == 500
    assert "服务器出错了" in response.content.decode()


def test_the_500_page_renders_without_the_database(browser_client, unreachable_database):
    response = browser_client.get("/bug/")
    assert response.status_code == 500
    assert "服务器出错了" in response.content.decode()


def test_csrf_failure_explains_in_chinese(unreachable_database):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/reads-db/", {"x": "1"})
    assert response.status_code == 403
    assert "页面已过期" in response.content.decode()


def test_the_404_page_is_chinese_under_a_custom_urlconf(browser_client):
    response = browser_client.get("/missing/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()
