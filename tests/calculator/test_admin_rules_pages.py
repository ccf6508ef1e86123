"""The editor's pages that read like the rules: a ruleset's overview, one page per indicator of every kind,
and the value-by-value difference between a draft and the ruleset in force."""

import datetime
import re

import pytest

from calculator.models import Band, Indicator, Option, RuleSet, copy_as_draft

pytestmark = pytest.mark.django_db


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class TestOverview:
    def test_it_reads_like_the_rules(self, editor_client):
        ruleset = RuleSet.objects.get(version="2023-01")
        text = plain(page_text(editor_client, f"/admin/calculator/ruleset/{ruleset.pk}/overview/"))
        assert "有效期至 2027年12月31日" in text
        for heading in ("基础指标", "加分指标", "减分指标", "一票否决"):
            assert heading in text
        assert "在沪缴纳职工社保年限 social_insurance_years" in text
        assert "每满 1 年计 3 分，规则没有写明本项上限" in text
        assert "满 5 年起算，每满 1 年计 2 分，最多 20 分" in text  # remote area
        assert "硕士研究生学历学位 master 100" in text
        assert "56–60 周岁： 5 分" in text
        assert "44 周岁： 29 分" in text
        assert "是：30 分" in text  # shortage major
        assert "每次扣 150 分" in text
        assert "是：不符合申请条件（一票否决）" in text
        assert "影响：职称或职业技能等级 › 二级（技师）" in text
        assert "属于“学历与职称/技能二选一”" in text
        assert "依据：《上海市居住证积分管理办法》（沪府发〔2017〕98号" in text
        assert "核对： 待核实" in text
        assert "违反计划生育政策 veto_family_planning 未启用" in text

    def test_every_indicator_links_to_its_own_page(self, editor_client):
        ruleset = RuleSet.objects.get(version="2023-01")
        html = page_text(editor_client, f"/admin/calculator/ruleset/{ruleset.pk}/overview/")
        for indicator in ruleset.indicators.all():
            assert f'href="/admin/calculator/indicator/{indicator.pk}/change/"' in html
            assert f'id="indicator-{indicator.key}"' in html

    def test_review_dates_show_and_an_old_one_is_flagged(self, editor_client):
        Indicator.objects.filter(key="age").update(
            verified_on=datetime.date(2026, 11, 20), verified_by="王编辑"
        )
        Indicator.objects.filter(key="education").update(verified_on=datetime.date(2024, 1, 5))
        Option.objects.filter(code="master").update(
            verified_on=datetime.date(2026, 10, 1), verified_by="李编辑"
        )
        ruleset = RuleSet.objects.get(version="2023-01")
        text = plain(page_text(editor_client, f"/admin/calculator/ruleset/{ruleset.pk}/overview/"))
        assert "核对： 2026年11月20日，王编辑" in text
        assert "2024年1月5日（已超过 12 个月）" in text
        assert "2026年10月1日（李编辑）" in text


# One indicator of each kind in the default ruleset, with the values its page must offer.
KINDS = {
    "education": ("choice", [], "选项"),
    "shortage_major": ("flag", ["points"], None),
    "social_insurance_years": ("per_unit", ["unit_size", "points_per_unit", "start_at", "cap"], None),
    "age": ("banded", ["min_value", "max_value"], "分档"),
    "crime_count": ("deduction", ["points_per_unit", "cap"], None),
    "veto_serious_crime": ("veto", [], None),
    "title_base_ok": ("condition", [], None),
}


class TestIndicatorPages:
    @pytest.mark.parametrize("key", KINDS)
    def test_each_kind_shows_its_own_values_and_children(self, editor_client, key):
        kind, own_fields, inline = KINDS[key]
        indicator = Indicator.objects.get(ruleset__version="2023-01", key=key)
        assert indicator.kind == kind
        response = editor_client.get(f"/admin/calculator/indicator/{indicator.pk}/change/")
        assert response.status_code == 200
        form = response.context["adminform"].form
        value_fields = {"points", "unit_size", "points_per_unit", "start_at", "cap", "min_value", "max_value"}
        shown = value_fields & set(form.fields)
        assert shown == set(own_fields) | (
            {"min_value", "max_value"} if kind in ("per_unit", "deduction") else set()
        )
        inlines = [f.formset.model._meta.verbose_name for f in response.context["inline_admin_formsets"]]
        assert inlines == ([inline] if inline else [])
        html = response.content.decode()
        assert "依据" in html and "核对日期" in html and "核对人" in html

    def test_the_choice_page_lists_only_its_own_options(self, editor_client):
        indicator = Indicator.objects.get(ruleset__version="2023-01", key="award")
        response = editor_client.get(f"/admin/calculator/indicator/{indicator.pk}/change/")
        (options,) = response.context["inline_admin_formsets"]
        assert [f.instance.code for f in options.formset.forms] == [
            "none",
            "municipal_special",
            "municipal_comprehensive",
            "provincial_or_above",
        ]

    def test_an_option_added_on_the_page_belongs_to_the_ruleset(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        from tests.calculator.conftest import change_form_data

        indicator = Indicator.objects.get(ruleset__version="2023-01", key="award")
        url = f"/admin/calculator/indicator/{indicator.pk}/change/"
        data = change_form_data(editor_client.get(url))
        total = int(data["options-TOTAL_FORMS"])
        data |= {
            "options-TOTAL_FORMS": str(total + 1),
            f"options-{total}-order": "9",
            f"options-{total}-code": "district",
            f"options-{total}-label": "区级表彰",
            f"options-{total}-points": "15",
        }
        with django_capture_on_commit_callbacks(execute=True):
            assert editor_client.post(url, data).status_code == 302
        option = Option.objects.get(code="district")
        assert option.ruleset == indicator.ruleset
        response = editor_client.post(
            "/api/v1/score", {"age": 30, "award": "district"}, content_type="application/json"
        )
        assert response.json()["total"] == 45

    def test_the_indicator_list_shows_values_and_review_dates(self, editor_client):
        Indicator.objects.filter(key="age").update(
            verified_on=datetime.date(2026, 11, 20), verified_by="王编辑"
        )
        text = plain(page_text(editor_client, "/admin/calculator/indicator/"))
        assert "每满 1 年计 3 分，规则没有写明本项上限" in text
        assert "2026-11-20（王编辑）" in text
        assert "待核实" in text

    @pytest.mark.parametrize(
        ("checked", "keys"),
        [("missing", {"education"}), ("old", {"age"}), ("recent", {"social_insurance_years"})],
    )
    def test_the_indicator_list_narrows_to_what_needs_checking(
        self, editor_client, time_machine, checked, keys
    ):
        time_machine.move_to(datetime.datetime(2026, 12, 3, 10, tzinfo=datetime.UTC), tick=False)
        wanted = Indicator.objects.filter(key__in=("age", "education", "social_insurance_years"))
        Indicator.objects.exclude(pk__in=wanted).update(verified_on=datetime.date(2026, 12, 1))
        Indicator.objects.filter(key="education").update(verified_on=None)
        Indicator.objects.filter(key="age").update(
            verified_on=datetime.date(2025, 12, 2)
        )  # 12 months and a day
        Indicator.objects.filter(key="social_insurance_years").update(verified_on=datetime.date(2025, 12, 3))

        response = editor_client.get("/admin/calculator/indicator/", {"checked": checked, "active__exact": 1})
        shown = {indicator.key for indicator in response.context["cl"].result_list}
        if checked == "recent":
            assert keys <= shown and "age" not in shown and "education" not in shown
        else:
            assert shown == keys

    def test_an_indicator_page_says_where_the_site_asks_it(self, editor_client):
        social = Indicator.objects.get(key="social_insurance_years", ruleset__version="2023-01")
        html = page_text(editor_client, f"/admin/calculator/indicator/{social.pk}/change/")
        assert (
            '<a href="/jifen/insurance/" target="_blank" rel="noopener">积分自测第 2 步“社保缴纳”</a>' in html
        )
        draft = copy_as_draft(social.ruleset).indicators.get(key="social_insurance_years")
        html = page_text(editor_client, f"/admin/calculator/indicator/{draft.pk}/change/")
        assert "这一项现在不在网站上" in html and "/jifen/insurance/" not in html

    def test_the_option_lists_indicator_filter_names_each_ruleset(self, editor_client):
        copy_as_draft(RuleSet.objects.get(version="2023-01"))
        html = page_text(editor_client, "/admin/calculator/option/")
        published = "最高学历学位（education）（2023-01）"
        assert html.count(published) == 1
        draft = RuleSet.objects.exclude(version="2023-01").get().version
        assert html.count(f"最高学历学位（education）（{draft}）") == 1

    def test_the_option_list_shows_review_dates(self, editor_client):
        Option.objects.filter(code="master").update(
            verified_on=datetime.date(2026, 10, 1), verified_by="李编辑"
        )
        text = plain(page_text(editor_client, "/admin/calculator/option/"))
        assert "2026-10-01（李编辑）" in text

    def test_mark_verified_today_signs_with_the_editors_name(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        ids = list(Indicator.objects.filter(key__in=["age", "education"]).values_list("pk", flat=True))
        with django_capture_on_commit_callbacks(execute=True):
            editor_client.post(
                "/admin/calculator/indicator/", {"action": "mark_verified", "_selected_action": ids}
            )
        assert set(Indicator.objects.filter(pk__in=ids).values_list("verified_by", flat=True)) == {"bianji"}
        rules = {i["key"]: i for i in editor_client.get("/api/v1/rules").json()["indicators"]}
        assert rules["age"]["verified_on"] == datetime.date.today().isoformat()


class TestDifference:
    def test_the_draft_lists_exactly_the_changed_values(
        self, editor_client, django_capture_on_commit_callbacks
    ):
        draft = copy_as_draft(RuleSet.objects.get(version="2023-01"))
        Indicator.objects.filter(ruleset=draft, key="fresh_graduate").update(points=12)
        Option.objects.filter(ruleset=draft, code="master").update(points=105)
        Band.objects.filter(ruleset=draft, low=44).update(points=28)
        Indicator.objects.filter(ruleset=draft, key="shortage_major").update(active=False)
        draft.threshold = 125
        original = RuleSet.objects.get(version="2023-01")  # the copy starts without an end date
        draft.valid_until, draft.valid_until_basis = original.valid_until, original.valid_until_basis
        draft.save()
        html = page_text(editor_client, f"/admin/calculator/ruleset/{draft.pk}/diff/")
        rows = [plain(row).strip() for row in re.findall(r"<tr class=\"diff-\w+\">(.*?)</tr>", html, re.S)]
        assert rows == [
            "规则集 标准分值 120 125 修改",
            "指标“年龄”（age） › 分档 44–44 分值 29 28 修改",
            "指标“最高学历学位”（education） › 选项“硕士研究生学历学位”（master） 分值 100 105 修改",
            "指标“紧缺急需专业”（shortage_major） 启用 是 否 修改",
            "指标“全日制应届高校毕业生”（fresh_graduate） 分值（是/否） 10 12 修改",
        ]

    def test_the_ruleset_in_force_is_not_compared_with_itself(self, editor_client):
        ruleset = RuleSet.objects.get(version="2023-01")
        assert "就是今天正在使用的规则集" in page_text(
            editor_client, f"/admin/calculator/ruleset/{ruleset.pk}/diff/"
        )
