"""Whole journeys through the wizard: each result equals the engine's score of the same answers."""

import pytest

from calculator.engine import Answers, score
from calculator.rulesets import ruleset_in_force
from tests.calculator.wizard import complete, shown_total

pytestmark = pytest.mark.django_db

PROFILES = {
    "fresh graduate": (
        {"age": "24", "education": "bachelor_degree"},
        {"social_insurance_years": "0"},
        {"fresh_graduate": "on"},
        {},
        {"age": 24, "education": "bachelor_degree", "fresh_graduate": True},
    ),
    "mid title meeting the base condition": (
        {"age": "38", "education": "bachelor", "title_skill": "mid_title", "title_base_ok": "yes"},
        {"social_insurance_years": "8", "si_base_tier": "x1"},
        {},
        {},
        {
            "age": 38,
            "education": "bachelor",
            "title_skill": "mid_title",
            "title_base_ok": True,
            "social_insurance_years": 8,
            "si_base_tier": "x1",
        },
    ),
    "mid title failing the base condition": (
        {"age": "45", "education": "junior_college", "title_skill": "mid_title", "title_base_ok": "no"},
        {"social_insurance_years": "10"},
        {},
        {},
        {
            "age": 45,
            "education": "junior_college",
            "title_skill": "mid_title",
            "title_base_ok": False,
            "social_insurance_years": 10,
        },
    ),
    "investor with award and spouse": (
        {"age": "50", "education": "none"},
        {"social_insurance_years": "12"},
        {
            "has_investment_tax_wan": "on",
            "investment_tax_wan": "130",
            "has_investment_local_hires": "on",
            "investment_local_hires": "40",
            "has_award": "on",
            "award": "municipal_comprehensive",
            "has_spouse_hukou_years": "on",
            "spouse_hukou_years": "11",
        },
        {},
        {
            "age": 50,
            "education": "none",
            "social_insurance_years": 12,
            "investment_tax_wan": 130,
            "investment_local_hires": 40,
            "award": "municipal_comprehensive",
            "spouse_hukou_years": 11,
        },
    ),
    "sanitation worker in Lingang": (
        {"age": "52", "education": "none", "title_skill": "skill_4"},
        {"social_insurance_years": "15"},
        {
            "has_public_service_years": "on",
            "public_service_years": "6",
            "has_remote_area_years": "on",
            "remote_area_years": "11",
        },
        {},
        {
            "age": 52,
            "education": "none",
            "title_skill": "skill_4",
            "social_insurance_years": 15,
            "public_service_years": 6,
            "remote_area_years": 11,
        },
    ),
    "deductions past zero": (
        {"age": "33", "education": "junior_college"},
        {"social_insurance_years": "2"},
        {},
        {"false_materials_count": "1", "detention_count": "1"},
        {
            "age": 33,
            "education": "junior_college",
            "social_insurance_years": 2,
            "false_materials_count": 1,
            "detention_count": 1,
        },
    ),
    "vetoed doctor": (
        {"age": "35", "education": "doctor"},
        {"social_insurance_years": "5"},
        {"shortage_major": "on"},
        {"veto_serious_crime": "yes"},
        {
            "age": 35,
            "education": "doctor",
            "social_insurance_years": 5,
            "shortage_major": True,
            "veto_serious_crime": True,
        },
    ),
}


@pytest.mark.parametrize("profile", PROFILES.values(), ids=PROFILES.keys())
def test_the_result_equals_the_engine_score(client, profile):
    basic, insurance, bonus, deductions, answers = profile
    response = complete(client, basic, insurance, bonus, deductions)
    assert response.status_code == 200
    expected = score(ruleset_in_force(), Answers(answers))
    assert shown_total(response) == expected.total
    page = response.content.decode()
    if expected.reaches_threshold:
        assert "已达到标准分值 120 分" in page
    elif expected.eligible:
        assert f"还差 {expected.gap} 分" in page
    else:
        assert "有一票否决事项，不能通过积分申办" in page


def test_hand_checked_totals(client):
    # 30 + 90 (本科学士) + 10 (应届) = 130; 27 (45 周岁) + 50 (大专) + 30 (社保 10 年), 职称不计 = 107
    assert shown_total(complete(client, *PROFILES["fresh graduate"][:4])) == 130
    client.post("/jifen/restart/")
    assert shown_total(complete(client, *PROFILES["mid title failing the base condition"][:4])) == 107
