"""Editors keep the route finder's data in admin; an edit reaches the very next plan."""

import datetime
import json

import pytest

from calculator.models import PlanIndicator
from tests.calculator.conftest import change_form_data

pytestmark = pytest.mark.django_db

DETAINED = {"age": 29, "education": "master", "social_insurance_years": 3, "detention_count": 1,
            "today": "2026-12-02"}  # fmt: skip
BACHELOR = {"age": 30, "education": "bachelor", "social_insurance_years": 3, "today": "2026-12-02"}


def plan(client, body):
    response = client.post("/api/v1/plan", data=json.dumps(body), content_type="application/json")
    return response.json()["routes"]


def edit(editor_client, captured, key, change):
    url = f"/admin/calculator/planindicator/{PlanIndicator.objects.get(key=key).pk}/change/"
    data = change_form_data(editor_client.get(url))
    change(data)
    with captured(execute=True):
        response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_changing_a_lapse_window_changes_the_next_plan(
    client, editor_client, django_capture_on_commit_callbacks
):
    by_time = next(r for r in plan(client, DETAINED) if r["kind"] == "time")
    assert by_time["months"] == 60  # 行政拘留 counts for 5 years
    edit(editor_client, django_capture_on_commit_callbacks, "detention_count",
         lambda data: data.update(lapse_years="2"))  # fmt: skip
    by_time = next(r for r in plan(client, DETAINED) if r["kind"] == "time")
    assert by_time["months"] == 24  # 30 + 100 + 15 after 2 years
    assert by_time["changes"]["detention_count"] == 0


def test_changing_a_typical_duration_changes_the_next_plan(
    client, editor_client, django_capture_on_commit_callbacks
):
    degree = next(r for r in plan(client, BACHELOR) if r["changes"].get("education") == "bachelor_degree")
    assert degree["months"] is None  # unknown until an editor finds a source

    def twelve_months_for_the_degree(data):
        index = next(
            key.split("-")[1]
            for key, value in data.items()
            if key.startswith("options-") and key.endswith("-code") and value == "bachelor_degree"
        )
        data[f"options-{index}-typical_months"] = "12"

    edit(editor_client, django_capture_on_commit_callbacks, "education", twelve_months_for_the_degree)
    first = plan(client, BACHELOR)[0]
    assert (first["changes"]["education"], first["months"]) == ("bachelor_degree", 12)
    assert first["changes"]["social_insurance_years"] == 4  # the answers as they stand a year later


def test_a_lapse_window_is_required_for_a_lapsing_item(editor_client):
    url = f"/admin/calculator/planindicator/{PlanIndicator.objects.get(key='crime_count').pk}/change/"
    data = change_form_data(editor_client.get(url))
    data.pop("lapse_years")
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["lapse_years"] == [
        "选了“满一定年限后不再计入”，请填写计入年限。"
    ]


def test_unknown_keys_and_option_codes_are_refused(editor_client):
    response = editor_client.post(
        "/admin/calculator/planindicator/add/",
        {"key": "salary", "over_time": "", "route": "none", "options-TOTAL_FORMS": "1",
         "options-INITIAL_FORMS": "0", "options-0-code": "x"},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["key"] == [
        "正在使用的积分规则集里没有这个答案代码，请检查拼写。"
    ]
    url = f"/admin/calculator/planindicator/{PlanIndicator.objects.get(key='education').pk}/change/"
    data = change_form_data(editor_client.get(url))
    data["options-0-counted_from"] = "phd"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.forms[0].errors
    assert "“最高学历学位”没有这个选项代码" in errors["counted_from"][0]


def test_the_list_reads_like_the_rules(editor_client):
    page = editor_client.get("/admin/calculator/planindicator/").content.decode()
    assert "行政拘留" in page and "满一定年限后不再计入（如扣分记录）" in page


def test_an_edit_reaches_a_result_page_already_seen(
    client, editor_client, django_capture_on_commit_callbacks
):
    from tests.calculator.wizard import complete

    page = complete(
        client,
        {"age": "29", "education": "master"},
        {"social_insurance_years": "3"},
        {},
        {"detention_count": "1"},
    )
    url = page.wsgi_request.path
    assert "（5 年后）" in client.get(url).content.decode()
    edit(editor_client, django_capture_on_commit_callbacks, "detention_count",
         lambda data: data.update(lapse_years="2"))  # fmt: skip
    assert "（2 年后）" in client.get(url).content.decode()


def test_only_facts_read_in_an_official_text_carry_a_check_date():
    # calculator 0008: a consultancy's quote of 第八条, third-party study lengths and reposted skill standards
    # are second-hand; the official English points rules and the Chongming government page are not.
    from calculator.plan_facts import plan_facts

    facts = plan_facts()
    for key in ("false_materials_count", "detention_count", "crime_count"):
        assert facts.indicator(key).verified_on is None, key
    for key, code in [("education", "bachelor"), ("title_skill", "skill_2"), ("title_skill", "skill_5")]:
        assert facts.option(key, code).verified_on is None, code
    checked = datetime.date(2026, 12, 2)
    assert facts.indicator("title_base_ok").verified_on == checked  # shcm.gov.cn
    assert facts.option("si_base_tier", "x3").verified_on == checked  # english.shanghai.gov.cn


def test_学士学位_is_counted_from_本科_so_others_see_where_its_note_starts(default_ruleset):
    # calculator 0009: from 大专 the 学士学位 route is undated and its note starts at 本科学历.
    from calculator import planner
    from calculator.engine import Answers
    from calculator.plan_facts import plan_facts

    facts = plan_facts()
    assert facts.option("education", "bachelor_degree").counted_from == "bachelor"
    answers = Answers({"age": 30, "education": "junior_college", "social_insurance_years": 3})
    result = planner.plan(default_ruleset, answers, datetime.date(2026, 12, 2), facts)
    degree = next(r for r in result.routes if r.changes.get("education") == "bachelor_degree")
    assert degree.months is None
    # 本科学历 from 大专 has a known time of its own: the note says it (the whole stays undated), and that
    # the time is second-hand (calculator 0008).
    first = "先要取得「大学本科学历」（通常约 30 个月，待核实），然后在本科学历的基础上"
    assert degree.effort.note.startswith(first)


def test_a_degree_whose_known_first_step_ends_past_60_is_not_offered(default_ruleset):
    # 59 with 大专: 本科学历 alone takes about 30 months, so 本科+学士学位 would end after 61 (issue: advice).
    from calculator import planner
    from calculator.engine import Answers
    from calculator.plan_facts import plan_facts

    answers = Answers({"age": 59, "education": "junior_college", "social_insurance_years": 20})
    result = planner.plan(default_ruleset, answers, datetime.date(2026, 12, 2), plan_facts())
    assert all(r.changes.get("education") != "bachelor_degree" for r in result.routes)
    # At 30 the same route stays (the test above).


def test_a_routes_time_says_待核实_when_its_source_is_unchecked(default_ruleset):
    from calculator import planner
    from calculator.engine import Answers
    from calculator.plan_facts import plan_facts

    answers = Answers({"age": 30, "education": "none", "title_skill": "none", "social_insurance_years": 14})
    routes = planner.plan(default_ruleset, answers, datetime.date(2026, 12, 2), plan_facts()).routes
    when = {r.source: r.when for r in routes if r.kind == planner.STEP}
    # 大专's 30 months are from a third-party list (0008); the tiers' 36 from the rules' official text.
    assert when["education"] == "约 2029 年 6 月（通常约 30 个月，待核实）"
    assert when["si_base_tier"] == "约 2029 年 12 月（通常约 36 个月）"


def test_a_typical_time_without_any_basis_is_not_shown_as_checked(default_ruleset):
    # An editor may enter typical months and leave 依据 blank: the route lists no source then, and its
    # time must still say 待核实 rather than look checked.
    from calculator import planner
    from calculator.engine import Answers

    facts = planner.Facts.of(
        [planner.IndicatorFact("si_base_tier", route=planner.STEP_UP)],
        [planner.OptionFact("si_base_tier", "x0_8", typical_months=36)],
    )
    answers = Answers({"age": 30, "education": "bachelor", "social_insurance_years": 3})
    routes = planner.plan(default_ruleset, answers, datetime.date(2026, 12, 2), facts).routes
    (tier,) = [r for r in routes if r.source == "si_base_tier"]
    assert tier.sources == ()
    assert tier.when == "约 2029 年 12 月（通常约 36 个月，待核实）"
