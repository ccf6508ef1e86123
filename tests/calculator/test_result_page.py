"""The result page: a stable link anyone can open, newer rules offered, and the budgets."""

import datetime

import pytest
from django.test import Client

from calculator.models import Assessment
from tests.calculator.wizard import BONUS_NO, DEDUCTIONS_NONE, INSURANCE_DEFAULT, complete, shown_total

pytestmark = pytest.mark.django_db

BASIC = {"age": "30", "education": "bachelor", "title_skill": "none"}


def test_the_link_shows_the_same_result_in_a_fresh_client(client):
    response = complete(client, BASIC, {"social_insurance_years": "3"}, {}, {"detention_count": "1"})
    url = response.wsgi_request.path
    again = Client().get(url)
    assert again.status_code == 200
    assert shown_total(again) == shown_total(response) == 30 + 60 + 9 - 50
    assert "还差 71 分" in again.content.decode()


def test_the_link_reveals_no_answer(client):
    response = complete(client, BASIC, {"social_insurance_years": "3"}, {}, {"detention_count": "1"})
    token = response.wsgi_request.path.split("/")[-2]
    assert len(token) >= 20
    assert not any(word in token.lower() for word in ("detention", "30", "bachelor"))
    assert Assessment.objects.get(token=token).answers["detention_count"] == 1


@pytest.mark.parametrize("token", ["nope", "A" * 22, "../../admin"])
def test_an_unknown_or_tampered_token_is_a_chinese_404(client, token):
    response = client.get(f"/jifen/result/{token}/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_the_page_explains_items_plan_and_rules(client):
    page = complete(client, BASIC, {"social_insurance_years": "3"}).content.decode()
    assert "30 周岁，计 30 分" in page
    assert '<rect width="' in page
    assert "最晚 20" in page  # the time route says by when at the latest
    assert "版本 2023-01，2023年1月1日起执行" in page
    # The disclaimer once: the footer's on screen, a line of its own only in print.
    assert page.count("以上海市有关部门发布的正式规定和受理部门的审核结果为准") == 1


def test_the_consultation_link_offers_to_attach_this_result(client):
    response = complete(client, BASIC, {"social_insurance_years": "3"})
    token = response.wsgi_request.path.split("/")[-2]
    assert f'href="/consult/?result={token}"' in response.content.decode()
    consult = client.get(f"/consult/?result={token}").content.decode()
    assert f'<input type="hidden" name="result" value="{token}">' in consult
    assert 'name="attach_result"' in consult


def test_a_veto_is_explained(client):
    page = complete(client, BASIC, {"social_insurance_years": "3"}, {}, {"veto_serious_crime": "yes"})
    assert "严重刑事犯罪记录" in page.content.decode()
    assert "无论总分多少都不能申请积分" in page.content.decode()


def test_few_recent_contributions_are_noted_on_the_result(client):
    response = complete(client, BASIC, {"social_insurance_years": "3", "recent_contributions": "no"})
    assert "至少有 6 个月正常缴纳（补缴不算；这一条待核实" in response.content.decode()
    assert shown_total(response) == 99


def test_a_passing_total_without_recent_contributions_says_so_before_any_next_step(client):
    basic = {**BASIC, "education": "doctor"}
    insurance = {"social_insurance_years": "3", "recent_contributions": "no"}
    page = complete(client, basic, insurance).content.decode()
    assert "已达到标准分值 120 分" in page
    assert page.index("您目前还不满足这一条") < page.index("下一步：达到 120 分以后")


def test_starting_again_from_a_result_clears_the_answers_and_keeps_the_result(client):
    result = complete(client, BASIC, {"social_insurance_years": "3"})
    url = result.wsgi_request.path
    page = result.content.decode()
    assert '<form method="post" action="/jifen/restart/">' in page
    restarted = client.post("/jifen/restart/")
    assert restarted["Location"] == "/jifen/basic/"
    assert 'value="30"' not in client.get("/jifen/basic/").content.decode()
    assert client.get(url).status_code == 200


def test_a_newer_ruleset_is_offered_for_recomputing(client, publish_copy):
    response = complete(client, BASIC, {"social_insurance_years": "3"}, {"fresh_graduate": "on"})
    url = response.wsgi_request.path
    assert shown_total(response) == 30 + 60 + 9 + 10

    def fresh_graduates_get_20(copy):
        copy.indicators.filter(key="fresh_graduate").update(points=20)

    publish_copy(datetime.date(2024, 6, 1), fresh_graduates_get_20, version="2024-06")
    page = client.get(url)
    assert shown_total(page) == 109
    assert "现在执行的是 2024-06" in page.content.decode()
    recomputed = client.post(url + "recompute/")
    assert recomputed.status_code == 302
    assert shown_total(client.get(recomputed["Location"])) == 119
    assert shown_total(client.get(url)) == 109


def test_each_steps_answers_stay_within_three_queries_when_warm(client, django_assert_max_num_queries):
    complete(client, BASIC, {"social_insurance_years": "3"})
    steps = [
        ("basic", BASIC),
        ("insurance", {**INSURANCE_DEFAULT, "social_insurance_years": "3"}),
        ("bonus", BONUS_NO),
        ("deductions", DEDUCTIONS_NONE),
    ]
    for slug, data in steps:
        with django_assert_max_num_queries(3):
            assert client.post(f"/jifen/{slug}/", data).status_code == 302


def test_summary_and_result_have_no_inline_code(client):
    from tests.site.test_no_inline_code import inline_code_in

    result = complete(client, BASIC, {"social_insurance_years": "3"})
    assert inline_code_in(result.content.decode()) == []
    assert inline_code_in(client.get("/jifen/check/").content.decode()) == []
