"""The admin works under our Content Security Policy: no page is blocked from running its own code."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

# Admin pages a consultant or editor opens daily; apps add their list and change pages here.
ADMIN_PAGES = ["", "auth/user/", "auth/user/{user_id}/change/", "auth/group/add/"]


@pytest.fixture
def signed_in_phone(phone, live_server, transactional_db):
    user = User.objects.create_superuser("boss", password="a long enough password 1")
    client = Client()
    client.force_login(user)
    phone.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    phone.user_id = user.pk
    return phone


def test_admin_login_page_has_no_csp_violations(phone, live_server):
    phone.goto(live_server.url + "/admin/login/")
    assert phone.get_by_label("用户名").is_visible()
    assert phone.csp_violations == []


def test_admin_pages_have_no_csp_violations(signed_in_phone, live_server):
    for page in ADMIN_PAGES:
        url = f"{live_server.url}/admin/{page.format(user_id=signed_in_phone.user_id)}"
        response = signed_in_phone.goto(url)
        assert response.status == 200, url
    assert signed_in_phone.csp_violations == []
