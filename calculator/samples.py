"""Typical profiles an editor's preview scores under a draft beside the ruleset in force."""

SAMPLE_PROFILES = [
    ("25 岁应届本科毕业生（学士）", {"age": 25, "education": "bachelor_degree", "fresh_graduate": True}),
    ("30 岁硕士，社保 3 年", {"age": 30, "education": "master", "social_insurance_years": 3}),
    (
        "38 岁本科，中级职称且社保基数达标，社保 8 年",
        {
            "age": 38,
            "education": "bachelor",
            "title_skill": "mid_title",
            "title_base_ok": True,
            "social_insurance_years": 8,
        },
    ),
    (
        "45 岁大专，三级技能，社保 10 年，基数 1 倍",
        {
            "age": 45,
            "education": "junior_college",
            "title_skill": "skill_3",
            "social_insurance_years": 10,
            "si_base_tier": "x1",
        },
    ),
    (
        "50 岁，无学历加分，环卫 6 年，配偶本市户籍 12 年",
        {"age": 50, "public_service_years": 6, "spouse_hukou_years": 12, "social_insurance_years": 15},
    ),
    (
        "35 岁投资人，纳税 60 万元、聘用 20 人",
        {"age": 35, "investment_tax_wan": 60, "investment_local_hires": 20},
    ),
    (
        "40 岁博士，有一次行政拘留",
        {"age": 40, "education": "doctor", "social_insurance_years": 5, "detention_count": 1},
    ),
    ("62 岁，本科，社保 20 年", {"age": 62, "education": "bachelor", "social_insurance_years": 20}),
]


def example_result_path() -> str:
    """The path of a stored result page (a typical profile under the ruleset in force), created on the spot.

    The page checks (tests/public_pages.py), `make bench` and `make lighthouse` need one in a fresh database.
    """
    from django.urls import reverse

    from calculator.results import save_assessment
    from calculator.rulesets import ruleset_in_force

    answers = dict(SAMPLE_PROFILES[2][1])
    assessment = save_assessment(ruleset_in_force(), answers, recent_contributions=True)
    return reverse("calculator:result", args=[assessment.token])


# Below 120, so its result page lists routes: 30 + 60 + 9 = 99.
BELOW_THE_THRESHOLD = {"age": 30, "education": "bachelor", "social_insurance_years": 3}


def example_routes_result_path() -> str:
    """A stored result below 120, whose page lists the routes to 120 (for page checks and measurements)."""
    from django.urls import reverse

    return reverse("calculator:result", args=[_below_the_threshold().token])


def example_try_path() -> str:
    """The 试一试 preview of such a result with its first route's changes."""
    from django.urls import reverse

    from calculator.results import changes_as_query, plan_of

    assessment = _below_the_threshold()
    plan = plan_of(assessment)
    return f"{reverse('calculator:try', args=[assessment.token])}?{changes_as_query(plan.routes[0].changes)}"


def _below_the_threshold():
    from calculator.results import save_assessment
    from calculator.rulesets import ruleset_in_force

    return save_assessment(ruleset_in_force(), dict(BELOW_THE_THRESHOLD), recent_contributions=True)
