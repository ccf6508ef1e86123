"""A shared link with only tracking parameters shows the empty form, not a validation error."""

import pytest

pytestmark = pytest.mark.django_db

TRACKING = [{"from": "singlemessage", "isappinstalled": "0"}, {"utm_source": "wechat", "utm_medium": "share"}]


@pytest.mark.parametrize("query", TRACKING)
def test_the_deadline_check_opens_empty(client, query):
    response = client.get("/renewal/check/", query)
    assert response.status_code == 200
    assert not response.context["form"].is_bound
    assert "请填写居住证的有效期截止日期" not in response.content.decode()


@pytest.mark.parametrize("query", TRACKING)
def test_the_processing_estimate_opens_empty(client, query):
    response = client.get("/renewal/processing/", query)
    assert response.status_code == 200
    assert not response.context["form"].is_bound
    assert "请填写受理日期" not in response.content.decode()


def test_a_shared_link_with_a_date_and_tracking_still_answers(client):
    response = client.get("/renewal/check/", {"expiry": "2026-06-15", "from": "singlemessage"})
    assert response.context["form"].is_valid()
    assert response.context["result"] is not None


def test_an_empty_date_field_is_still_an_error(client):
    response = client.get("/renewal/check/", {"expiry": ""})
    assert "请填写居住证的有效期截止日期" in response.content.decode()
