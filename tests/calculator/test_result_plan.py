"""The result page as an adviser: routes in the API's order, a preview each, zero rows folded, next steps."""

import datetime
import json
import zoneinfo

import pytest
from django.utils import timezone

from calculator.models import Assessment, WagePeriod
from tests.calculator.wizard import complete, shown_total
from tests.html_tree import parse

pytestmark = pytest.mark.django_db

FAILING = {"age": "30", "education": "bachelor", "title_skill": "none"}
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
PASSING = {"age": "30", "education": "master", "title_skill": "none"}


def with_attribute(tree, name):
    return [element for element in tree.iter() if name in element.attrs]


def inside(element, tag):
    while element.parent is not None:
        element = element.parent
        if element.tag == tag:
            return True
    return False


def api_plan(client, answers, today):
    body = {**answers, "today": today.isoformat()}
    return client.post("/api/v1/plan", json.dumps(body), content_type="application/json").json()


def test_routes_are_shown_in_the_api_order_each_with_when_what_and_a_preview(client):
    response = complete(client, FAILING, {"social_insurance_years": "3"})
    assessment = Assessment.objects.get()
    expected = api_plan(client, assessment.answers, timezone.localdate(assessment.created_at))["routes"]
    routes = with_attribute(parse(response.content), "data-route")
    assert [r["data-route"] for r in routes] == [str(i) for i in range(len(expected))]
    assert [r["data-kind"] for r in routes] == [e["kind"] for e in expected]
    first = routes[0]
    assert first.find("p", class_="route-when").text().startswith("约 ")
    assert "需要：" in first.find("p", class_="route-effort").text()
    assert first.find("a", class_="route-try")["href"].endswith(
        "try/?age=33&social_insurance_years=6&si_base_tier=x0_8"
    )
    assert "所需时间待核实" in routes[-1].text()
    # Undated routes are listed last and the heading does not call them the quickest.
    heading = parse(response.content).find("h2", id="routes-heading").text()
    assert heading == "怎样达到 120 分 （最快的在前，所需时间待核实的排在后面）"


def test_a_preview_recomputes_without_storing_until_asked(client):
    complete(client, FAILING, {"social_insurance_years": "3"})
    assessment = Assessment.objects.get()
    url = f"/jifen/result/{assessment.token}/try/?age=33&social_insurance_years=6&si_base_tier=x0_8"
    preview = client.get(url)
    assert shown_total(preview) == 30 + 60 + 18 + 25
    page = preview.content.decode()
    assert "原来 99 分，多 34 分" in page
    assert "社保缴费基数加分：<strong>近 4 年累计 36 个月，基数不低于 0.8 倍</strong>" in page
    assert Assessment.objects.count() == 1
    # Age 33 and 6 years of insurance are three years away: not today's answers, so not stored.
    not_today = "这个设想里的「年龄」、「在沪缴纳职工社保年限」要过一段时间才会变成这样，不是您今天的情况，"
    assert not_today in page
    assert "存为新结果</button>" not in page
    refused = client.post(url)
    assert refused.status_code == 400
    assert not_today in refused.content.decode()
    assert Assessment.objects.count() == 1
    # A change of today's answers alone is stored as a new result.
    today_only = f"/jifen/result/{assessment.token}/try/?si_base_tier=x0_8"
    assert "存为新结果</button>" in client.get(today_only).content.decode()
    saved = client.post(today_only)
    assert Assessment.objects.count() == 2
    fresh = Assessment.objects.exclude(pk=assessment.pk).get()
    assert saved["Location"] == f"/jifen/result/{fresh.token}/"
    assert fresh.answers["si_base_tier"] == "x0_8" and fresh.answers["age"] == 30 and fresh.total == 99 + 25


@pytest.mark.parametrize(
    "query",
    ["salary=1", "age=abc", "age=200", "title_base_ok=yes", "education=phd", "age=%EF%BC%93%EF%BC%93"],
)
def test_a_broken_preview_link_is_a_400(client, query):
    complete(client, FAILING, {"social_insurance_years": "3"})
    response = client.get(f"/jifen/result/{Assessment.objects.get().token}/try/?{query}")
    assert response.status_code == 400
    assert "请求有误" in response.content.decode()


def test_scoring_rows_are_open_and_zero_rows_folded(client):
    response = complete(client, FAILING, {"social_insurance_years": "3"})
    tree = parse(response.content)
    folded = tree.find("details", class_="score-zero")
    assert folded.find("summary").text() == f"其余 {len(folded.find_all('li'))} 项为 0 分"
    assert {li["data-points"] for li in folded.find_all("li")} == {"0"}
    open_rows = [li for li in tree.find_all("li", class_="score-item") if not inside(li, "details")]
    assert {li["data-item"]: li["data-points"] for li in open_rows} == {
        "age": "30",
        "education": "60",
        "social_insurance_years": "9",
    }


def test_a_passing_result_shows_the_next_steps(client):
    response = complete(client, PASSING, {"social_insurance_years": "3"})
    (section,) = with_attribute(parse(response.content), "data-next-steps")
    *guides, settle = [a["href"] for a in section.find_all("a")]
    assert guides == ["/guides/after-120-apply/", "/guides/after-120-benefits/"]
    assert settle.startswith("/juzhuanhu/?result=")  # issue 16: a passing 下一步 offers the 居转户 check
    assert "只能由您的用人单位" in section.text()
    assert with_attribute(parse(response.content), "data-route") == []


def test_a_veto_or_over_sixty_shows_no_route_and_says_why(client):
    vetoed = complete(client, FAILING, {"social_insurance_years": "3"}, {}, {"veto_serious_crime": "yes"})
    assert with_attribute(parse(vetoed.content), "data-route") == []
    assert "所以这里不列出补分途径" in vetoed.content.decode()
    old = complete(client, {**PASSING, "age": "62"}, {"social_insurance_years": "10"})
    page = old.content.decode()
    assert with_attribute(parse(old.content), "data-route") == []
    assert "「年龄」62 周岁不在积分制度适用范围内：分数只供参考，也不列出补分途径。" in page
    assert "哪条途径都不能" not in page  # one wording beside the rules' own notice (一般不能…请先确认)
    assert "data-next-steps" not in page


def test_over_sixty_the_page_never_says_the_total_passes(client):
    # 62 周岁: 0 + 100 + 30 = 130, above 120, but the system does not cover people over 60.
    old = complete(client, {**PASSING, "age": "62"}, {"social_insurance_years": "10"})
    tree = parse(old.content)
    page = old.content.decode()
    assert shown_total(old) == 130
    description = next(
        m["content"] for m in tree.iter() if m.tag == "meta" and m.attrs.get("name") == "description"
    )
    assert description == "上海居住证积分自测结果：130 分，不在积分制度适用范围内。"
    assert "已达到" not in page
    assert "积分达标以后" not in page  # the 居转户 link said so to everyone at 120, over 60 too
    token = Assessment.objects.get().token
    tried = client.get(f"/jifen/result/{token}/try/?social_insurance_years=11").content.decode()
    assert "「年龄」62 周岁不在积分制度适用范围内，不能按积分申办" in tried
    assert "达到标准分值" not in tried


def test_the_consultant_hand_off_comes_before_the_breakdown(client):
    page = complete(client, FAILING, {"social_insurance_years": "3"}).content.decode()
    assert page.index('data-route="0"') < page.index("让顾问帮我核实") < page.index('data-item="age"')


def test_editors_decide_the_next_steps(client, django_capture_on_commit_callbacks):
    from renewal.models import Article

    with django_capture_on_commit_callbacks(execute=True):
        guide = Article.objects.get(slug="after-120-benefits")
        guide.is_published = False
        guide.save()
        Article.objects.create(
            slug="after-120-points-kept",
            category="next_steps",
            title="每年签注时确认积分",
            summary="居住证按时签注，积分才会继续确认。",
            body="依据：……",
            is_published=True,
        )
    response = complete(client, PASSING, {"social_insurance_years": "3"})
    (section,) = with_attribute(parse(response.content), "data-next-steps")
    assert [a["href"] for a in section.find_all("a")][:-1] == [
        "/guides/after-120-apply/",
        "/guides/after-120-points-kept/",
    ]
    assert "居住证按时签注，积分才会继续确认。" in section.text()


def route_items(response):
    return with_attribute(parse(response.content), "data-route")


def test_a_route_asking_for_a_higher_base_says_what_it_is_in_yuan(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI), tick=False)
    routes = route_items(complete(client, FAILING, {"social_insurance_years": "3"}))
    base_route = routes[0]
    assert base_route.find("p", class_="route-title").text().startswith("社保缴费基数加分")
    assert base_route.find("p", class_="route-wage").text() == (
        "按现在的数字，每月缴费基数至少 9,947.2 元（2025年7月至2026年6月社会平均工资 12,434 元的 0.8 倍，"
        "数字待核实），每年 7 月随社会平均工资调整。"
    )
    assert all(r.find("p", class_="route-wage") is None for r in routes[1:])


def test_the_yuan_are_marked_when_this_years_figure_is_not_out_yet(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 12, 3, 10, tzinfo=SHANGHAI), tick=False)
    routes = route_items(complete(client, FAILING, {"social_insurance_years": "3"}))
    assert "12,434 元的 0.8 倍，2026年7月起的数字尚未公布，数字待核实" in routes[0].text()


def test_without_a_wage_figure_the_route_says_only_the_multiple(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        WagePeriod.objects.all().delete()
    routes = route_items(complete(client, FAILING, {"social_insurance_years": "3"}))
    assert "0.8 倍" in routes[0].find("p", class_="route-effort").text()
    assert routes[0].find("p", class_="route-wage") is None


def test_the_3x_route_says_the_base_is_the_ceiling(client, time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 10, 10, tzinfo=SHANGHAI), tick=False)
    # At 45 with a 学士学位 and no insurance yet (117 points), 24 months at 3 倍 are the quickest way to 120.
    basic = {"age": "45", "education": "bachelor_degree"}
    routes = route_items(complete(client, basic, {"social_insurance_years": "0"}))
    title = routes[0].find("p", class_="route-title").text()
    assert title == "社保缴费基数加分：近 3 年累计 24 个月，基数达到 3 倍"
    wage = routes[0].find("p", class_="route-wage").text()
    assert wage.startswith(
        "按现在的数字，每月缴费基数要按上限 37,302 元（2025年7月至2026年6月社会平均工资 12,434 元的 3 倍，"
    )


def test_each_source_of_a_route_shows_its_check_date_or_that_it_is_unverified(client):
    routes = route_items(complete(client, FAILING, {"social_insurance_years": "3"}))
    marks = [
        li.text()
        for route in routes
        for li in route.find_all("li")
        if li.parent.get("class") == "route-sources"
    ]
    assert any(mark.endswith("核对）") for mark in marks)
    assert any(mark.endswith("（待核实）") for mark in marks)  # e.g. the 学士学位 route's second-hand time
    assert all(mark.endswith(("核对）", "（待核实）")) for mark in marks)
