"""The wizard step by step: conditional questions, back keeps answers, change links, errors without a 500."""

import pytest

from tests.calculator.wizard import BONUS_NO, DEDUCTIONS_NONE, INSURANCE_DEFAULT

pytestmark = pytest.mark.django_db

BASIC = {"age": "30", "education": "master", "title_skill": "none"}


def field_block(page, name):
    anchor = page.index(f'id="field-{name}"')
    start = page.rindex("<", 0, anchor)
    following = page.find(' id="field-', anchor + 1)
    end = page.rindex("<", 0, following) if following != -1 else page.index("</form>")
    return page[start:end]


def test_each_step_has_its_own_url_and_progress(client):
    for number, slug in enumerate(["basic", "insurance", "bonus", "deductions"], start=1):
        page = client.get(f"/jifen/{slug}/").content.decode()
        assert f"第 {number} 步，共 4 步" in page
        assert f'<progress class="wizard-progress" value="{number}" max="4"' in page


def test_the_base_condition_appears_only_for_titles_that_need_it(client):
    hidden = client.get("/jifen/basic/").content.decode()
    assert " hidden>" in field_block(hidden, "title_base_ok")
    # Without JavaScript: choosing 中级职称 brings the question back, asked and unhidden.
    asked = client.post("/jifen/basic/", {**BASIC, "title_skill": "mid_title"})
    assert asked.status_code == 200
    block = field_block(asked.content.decode(), "title_base_ok")
    assert " hidden>" not in block
    assert "请回答这个问题。" in asked.content.decode()
    # Switching back to a title that does not need it: the question goes away and is not required.
    assert (
        client.post("/jifen/basic/", {**BASIC, "title_skill": "skill_3", "title_base_ok": "yes"}).status_code
        == 302
    )
    client.post("/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "3"})
    client.post("/jifen/bonus/", BONUS_NO)
    client.post("/jifen/deductions/", DEDUCTIONS_NONE)
    summary = client.get("/jifen/check/").content.decode()
    assert "社保缴费基数达到上年度全市职工平均工资" not in summary


def test_a_bonus_detail_is_asked_only_after_yes(client):
    page = client.get("/jifen/bonus/").content.decode()
    assert " hidden>" in field_block(page, "award")
    # Nothing pre-answered in a hidden detail: browsers without JavaScript submit hidden fields too.
    assert "checked" not in field_block(page, "award")
    assert 'value="0"' not in field_block(page, "public_service_years")
    response = client.post("/jifen/bonus/", {**BONUS_NO, "has_award": "on"})
    assert response.status_code == 200
    assert " hidden>" not in field_block(response.content.decode(), "award")
    assert "请回答这个问题。" in field_block(response.content.decode(), "award")
    # A detail typed before answering "no" is dropped, not scored.
    assert client.post("/jifen/bonus/", {**BONUS_NO, "award": "provincial_or_above"}).status_code == 302


def test_back_and_refresh_keep_the_answers(client):
    client.post("/jifen/basic/", BASIC)
    page = client.get("/jifen/insurance/").content.decode()
    # 上一步 posts the step (after 下一步, so Enter in a field still goes forward).
    assert page.index(">下一步</button>") < page.index('name="action" value="back"')
    back = client.get("/jifen/basic/").content.decode()
    assert 'value="30"' in field_block(back, "age")
    assert '<option value="master" selected>' in back


def test_going_back_keeps_what_was_typed_on_the_step_even_unfinished(client):
    client.post("/jifen/basic/", BASIC)
    response = client.post(
        "/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "3", "action": "back"}
    )
    assert response.status_code == 302 and response["Location"] == "/jifen/basic/"
    forward = client.get("/jifen/insurance/").content.decode()
    assert 'value="3"' in field_block(forward, "social_insurance_years")

    # Half-typed and wrong is kept too; the summary still sends the person back to finish it.
    client.post("/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "3x", "action": "back"})
    forward = client.get("/jifen/insurance/").content.decode()
    assert 'value="3x"' in field_block(forward, "social_insurance_years")
    assert client.get("/jifen/check/")["Location"] == "/jifen/insurance/?next=check"
    # There the stored answer is checked again and its error shown, not only the value.
    again = client.get("/jifen/insurance/?next=check").content.decode()
    assert 'value="3x"' in field_block(again, "social_insurance_years")
    assert 'aria-invalid="true"' in field_block(again, "social_insurance_years")


def test_the_first_step_has_no_way_back(client):
    assert 'value="back"' not in client.get("/jifen/basic/").content.decode()
    response = client.post("/jifen/basic/", {**BASIC, "action": "back"})
    assert response["Location"] == "/jifen/insurance/"  # taken as 下一步, never lost


def test_the_summary_change_link_returns_to_the_summary(client):
    client.post("/jifen/basic/", BASIC)
    client.post("/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "3"})
    client.post("/jifen/bonus/", BONUS_NO)
    client.post("/jifen/deductions/", DEDUCTIONS_NONE)
    summary = client.get("/jifen/check/").content.decode()
    assert 'href="/jifen/insurance/?next=check#field-social_insurance_years"' in summary
    change = client.get("/jifen/insurance/?next=check")
    assert "保存并返回核对" in change.content.decode()
    response = client.post(
        "/jifen/insurance/?next=check", {**INSURANCE_DEFAULT, "social_insurance_years": "7"}
    )
    assert response["Location"] == "/jifen/check/"
    assert "<dd>7</dd>" in client.get("/jifen/check/").content.decode()


def test_the_summary_sends_unfinished_steps_back(client):
    client.post("/jifen/basic/", BASIC)
    response = client.get("/jifen/check/")
    assert response["Location"] == "/jifen/insurance/"


@pytest.mark.parametrize(
    ("slug", "data", "field", "message"),
    [
        ("basic", {**BASIC, "age": "三十"}, "age", "请填写整数，只用阿拉伯数字，例如 5。"),
        ("basic", {**BASIC, "age": "12"}, "age", "不能小于 16。"),
        ("basic", {**BASIC, "age": ""}, "age", "请填写年龄。"),
        ("basic", {**BASIC, "education": "phd"}, "education", "请从列表中选择一项。"),
        (
            "insurance",
            {**INSURANCE_DEFAULT, "social_insurance_years": "-2"},
            "social_insurance_years",
            "不能小于 0。",
        ),
        (
            "insurance",
            {**INSURANCE_DEFAULT, "social_insurance_years": "3.5"},
            "social_insurance_years",
            "请填写整数，只用阿拉伯数字，例如 5。",
        ),
        (
            "bonus",
            {"has_public_service_years": "on", "public_service_years": "-1"},
            "public_service_years",
            "不能小于 0。",
        ),
        (
            "deductions",
            {**DEDUCTIONS_NONE, "veto_serious_crime": "maybe"},
            "veto_serious_crime",
            "请选择“是”或“否”。",
        ),
        ("deductions", {**DEDUCTIONS_NONE, "crime_count": "999"}, "crime_count", "不能大于 20。"),
    ],
)
def test_invalid_input_shows_a_chinese_error_next_to_the_field(client, slug, data, field, message):
    response = client.post(f"/jifen/{slug}/", data)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<p class="invalid-feedback" id="id_{field}_error">{message}</p>' in page
    assert f'<a href="#id_{field}' in page


def test_an_unknown_step_is_a_404(client):
    assert client.get("/jifen/nope/").status_code == 404


def test_over_sixty_is_told_early_and_may_continue(client):
    client.post("/jifen/basic/", {**BASIC, "age": "62"})
    page = client.get("/jifen/insurance/").content.decode()
    assert "超过 60 周岁一般不能按积分申办" in page


def test_few_recent_contributions_are_explained_early(client):
    client.post("/jifen/basic/", BASIC)
    question = client.get("/jifen/insurance/").content.decode()
    assert "这是申请积分的前提条件之一（待核实：本站还没有找到它的官方原文）" in question  # no source yet
    client.post(
        "/jifen/insurance/",
        {"social_insurance_years": "3", "si_base_tier": "none", "recent_contributions": "no"},
    )
    page = client.get("/jifen/bonus/").content.decode()
    assert "至少有 6 个月正常缴纳（补缴不算；这一条待核实" in page


def test_restart_clears_the_answers(client):
    client.post("/jifen/basic/", BASIC)
    client.post("/jifen/restart/")
    assert 'value="30"' not in client.get("/jifen/basic/").content.decode()


def test_the_start_page_is_in_the_sitemap_and_navigation(client):
    assert "/jifen/</loc>" in client.get("/sitemap.xml").content.decode()
    assert '<a href="/jifen/" aria-current="page">积分自测</a>' in client.get("/jifen/").content.decode()


def test_the_deductions_step_says_how_its_sensitive_answers_are_used(client):
    html = client.get("/jifen/deductions/", follow=True).content.decode()
    assert "属于敏感个人信息" in html
    assert "另外勾选同意才会交给顾问" in html


def test_years_of_insurance_beyond_the_age_are_refused_as_months_typed_as_years(client):
    client.post("/jifen/basic/", {**BASIC, "age": "20", "education": "junior_college"})
    refused = client.post("/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "30"})
    assert refused.status_code == 200
    block = field_block(refused.content.decode(), "social_insurance_years")
    assert "您在第 1 步填的年龄是 20 周岁，这里最多是 4 年" in block
    assert "这里填的是满几年，不是几个月，请检查。" in block
    assert 'value="30"' in block
    accepted = client.post("/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "4"})
    assert accepted.status_code == 302


def test_a_bonus_counted_in_years_is_bounded_by_the_age_too(client):
    client.post("/jifen/basic/", {**BASIC, "age": "25"})
    client.post("/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "3"})
    refused = client.post("/jifen/bonus/", {"has_spouse_hukou_years": "on", "spouse_hukou_years": "12"})
    assert refused.status_code == 200
    assert "这里最多是 9 年" in field_block(refused.content.decode(), "spouse_hukou_years")


def test_a_younger_age_given_later_sends_the_summary_back_to_the_years_it_makes_impossible(client):
    client.post("/jifen/basic/", {**BASIC, "age": "40"})
    client.post("/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "20"})
    client.post("/jifen/bonus/", BONUS_NO)
    client.post("/jifen/deductions/", DEDUCTIONS_NONE)
    assert client.get("/jifen/check/").status_code == 200

    client.post("/jifen/basic/?next=check", {**BASIC, "age": "30"})
    summary = client.get("/jifen/check/")
    assert summary["Location"] == "/jifen/insurance/?next=check"
    page = client.get(summary["Location"]).content.decode()
    assert "这里最多是 14 年" in field_block(page, "social_insurance_years")
    fixed = client.post("/jifen/insurance/?next=check", {**INSURANCE_DEFAULT, "social_insurance_years": "12"})
    assert fixed["Location"] == "/jifen/check/"
    assert client.get("/jifen/check/").status_code == 200


@pytest.mark.parametrize("age", ["20.0", " 20 ", "２０"])
def test_the_age_bound_reads_the_age_as_step_1_does(client, age):
    # The summary validates step 1 itself; a step reading the age differently sent people round in a circle.
    client.post("/jifen/basic/", {**BASIC, "age": age, "education": "junior_college"})
    refused = client.post("/jifen/insurance/", {**INSURANCE_DEFAULT, "social_insurance_years": "10"})
    assert refused.status_code == 200
    assert "这里最多是 4 年" in field_block(refused.content.decode(), "social_insurance_years")
