def test_home_page_renders_on_a_phone_without_csp_violations(phone, live_server):
    phone.goto(live_server.url + "/")
    assert phone.locator("h1").first.inner_text().startswith("非沪籍在上海")
    nav = phone.get_by_role("navigation", name="主导航")
    assert nav.get_by_role("link", name="积分自测").get_attribute("aria-current") is None
    # The page fits the phone's width: nothing scrolls sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    stylesheet_applied = phone.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert stylesheet_applied == "rgb(11, 92, 171)"
    assert phone.csp_violations == []


def test_privacy_link_in_the_footer_works(phone, live_server):
    phone.goto(live_server.url + "/")
    phone.get_by_role("link", name="隐私保护声明").click()
    phone.wait_for_url("**/privacy/")
    assert phone.get_by_role("heading", level=1).inner_text() == "隐私保护声明"
