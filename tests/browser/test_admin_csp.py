"""The admin works under our Content Security Policy: no page is blocked from running its own code."""

# Admin pages a consultant or editor opens daily; apps add their list and change pages here.
ADMIN_PAGES = [
    "",
    "auth/user/",
    "auth/user/{user_id}/change/",
    "auth/group/add/",
    "renewal/article/",
    "renewal/article/add/",
    "renewal/holidayoverride/add/",
    "renewal/holidayyear/",
]


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
