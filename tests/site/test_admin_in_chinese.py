"""The admin speaks Chinese where Django 6.1 and django-axes do not (locale/zh_Hans): the empty choice of a
select box, the date filter of the lead list, the index's column and app names."""

import pytest

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_an_editors_select_boxes_offer_a_chinese_empty_choice(editor_client):
    html = page(editor_client, "/admin/renewal/article/add/")
    assert "- 请选择 -" in html
    assert "Select an option" not in html


def test_the_lead_lists_date_filter_is_chinese(consultant_client):
    html = page(consultant_client, "/admin/leads/lead/")
    assert "按提交时间筛选" in html
    assert "Filter by" not in html


def test_the_index_names_models_and_the_login_protection_in_chinese(admin_client):
    html = page(admin_client, "/admin/")
    assert "型号名称" not in html and ">名称</th>" in html
    assert "登录保护（Axes）" in html and "登录尝试记录" in html
    assert "动态验证码设备（TOTP）" in html
    assert "Access attempts" not in html
