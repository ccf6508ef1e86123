"""The 30/60-day rule and the 2+6+7 working days come only from a reprinted article: the tools that compute
with them say 待核实 next to them, and a guide's sources show the day we looked at them (查阅日期), not a
verification."""

import pytest

from tests.html_tree import parse

pytestmark = pytest.mark.django_db


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return "".join(parse(response.content.decode()).find("main").text().split())


@pytest.mark.parametrize("url", ["/renewal/check/", "/renewal/check/?expiry=2026-06-15"])
def test_the_deadline_check_marks_the_30_60_day_rule_unverified(client, url):
    text = text_of(client, url)
    assert "待核实“到期前30天内签注、过期60天内补办年限不断”这条规则，本站目前只在转载文章里见到" in text


def test_the_deadline_check_does_not_state_the_card_update_as_a_rule(client):
    text = text_of(client, "/renewal/check/?expiry=2099-01-01")
    assert "实体卡上的日期是否还要去受理中心或自助设备更新，本站还没有找到正式说法（待核实）" in text


@pytest.mark.parametrize("url", ["/renewal/processing/", "/renewal/processing/?accepted=2026-02-12"])
def test_the_processing_estimate_marks_the_2_6_7_working_days_unverified_and_the_2_unsourced(client, url):
    text = text_of(client, url)
    assert "待核实审核的6个工作日和制证的7个工作日，本站目前只在转载文章里见到" in text
    assert "转到派出所的2个工作日，本站还没有找到出处" in text


def test_the_sources_link_from_the_notes_exists(client):
    for url in ("/guides/missed-deadline/", "/guides/apply-conditions-materials/"):
        html = client.get(url).content.decode()
        assert 'id="sources"' in html
        assert "查阅日期：" in html and "核对于" not in html
