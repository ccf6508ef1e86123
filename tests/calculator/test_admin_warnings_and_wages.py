"""The admin index warns before the rules in force run out without a successor and while a year's wage
figure is missing; editors keep wage periods and golden cases in admin."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from calculator.models import GoldenCase, RuleSet, WagePeriod, copy_as_draft
from tests.calculator.conftest import change_form_data

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
EXPIRY = "正在使用的积分规则“2023-01”"
MISSING = "7月1日起的社会平均工资还没有录入"


def admin_index(client, user, time_machine, day, sign_in_admin):
    time_machine.move_to(datetime.datetime.combine(day, datetime.time(10), SHANGHAI), tick=False)
    sign_in_admin(client, user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def add_period(start_year, monthly=12600):
    return WagePeriod.objects.create(
        period_from=datetime.date(start_year, 7, 1),
        period_to=datetime.date(start_year + 1, 6, 30),
        monthly_average=monthly,
        base_floor=round(monthly * 0.6),
        base_ceiling=monthly * 3,
        source="测试",
    )


class TestRulesetExpiry:
    def test_no_warning_before_90_days(self, client, admin_user, time_machine, sign_in_admin):
        assert EXPIRY not in admin_index(
            client, admin_user, time_machine, datetime.date(2027, 10, 1), sign_in_admin
        )

    def test_warned_from_90_days_before_valid_until(self, client, admin_user, time_machine, sign_in_admin):
        html = admin_index(client, admin_user, time_machine, datetime.date(2027, 10, 2), sign_in_admin)
        assert (
            "正在使用的积分规则“2023-01”将于 2027年12月31日 到期（还有 90 天），还没有接替它的草稿。" in html
        )

    def test_still_warned_after_it_ran_out(self, client, admin_user, time_machine, sign_in_admin):
        assert "已于 2027年12月31日 到期" in admin_index(
            client, admin_user, time_machine, datetime.date(2028, 3, 1), sign_in_admin
        )

    def test_a_successor_draft_ends_the_warning(self, client, admin_user, time_machine, sign_in_admin):
        copy_as_draft(RuleSet.objects.get(version="2023-01"))
        assert EXPIRY not in admin_index(
            client, admin_user, time_machine, datetime.date(2027, 11, 1), sign_in_admin
        )

    def test_staff_who_cannot_see_rules_are_not_warned(
        self, client, django_user_model, time_machine, sign_in_admin
    ):
        consultant = django_user_model.objects.create_user("c", password="x" * 16, is_staff=True)
        assert EXPIRY not in admin_index(
            client, consultant, time_machine, datetime.date(2027, 11, 1), sign_in_admin
        )


class TestMissingWageFigure:
    def test_from_1_july_while_the_new_figure_is_missing(
        self, client, admin_user, time_machine, sign_in_admin
    ):
        add_period(2026)
        assert MISSING not in admin_index(
            client, admin_user, time_machine, datetime.date(2027, 6, 30), sign_in_admin
        )
        html = admin_index(client, admin_user, time_machine, datetime.date(2027, 7, 1), sign_in_admin)
        assert "2027年7月1日起的社会平均工资还没有录入" in html
        assert "暂按 2026年度的 12,600 元" in html

    def test_entering_the_figure_ends_the_warning(self, client, admin_user, time_machine, sign_in_admin):
        add_period(2026)
        add_period(2027, 12800)
        assert MISSING not in admin_index(
            client, admin_user, time_machine, datetime.date(2027, 7, 1), sign_in_admin
        )

    def test_figures_awaiting_a_check_are_named(
        self, client, admin_user, time_machine, edit_rules, sign_in_admin
    ):
        html = admin_index(client, admin_user, time_machine, datetime.date(2026, 1, 10), sign_in_admin)
        assert "社平工资 2023年度、2024年度、2025年度 还没有核对日期" in html
        for period in WagePeriod.objects.all():
            period.verified_on = datetime.date(2026, 1, 9)
            edit_rules(period.save)
        assert "还没有核对日期" not in admin_index(
            client, admin_user, time_machine, datetime.date(2026, 1, 10), sign_in_admin
        )


class TestWagePeriodAdmin:
    def test_the_list_shows_each_period_with_its_review_state(self, editor_client):
        html = editor_client.get("/admin/calculator/wageperiod/").content.decode()
        assert "2024年7月—2025年6月：12307 元" in html
        assert "36921" in html
        assert "待核实" in html

    def test_an_editor_adds_the_next_period(self, editor_client, django_capture_on_commit_callbacks):
        form = {
            "period_from": "2026-07-01",
            "period_to": "2027-06-30",
            "monthly_average": "12600",
            "base_floor": "7560",
            "base_ceiling": "37800",
            "source": "上海市人社局 2026 年度缴费基数通知",
            "verified_on": "2026-07-15",
        }
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post("/admin/calculator/wageperiod/add/", form)
        assert response.status_code == 302
        assert WagePeriod.objects.get(period_from="2026-07-01").verified_by == "bianji"
        wage = editor_client.get("/api/v1/rules?as_of=2026-08-01").json()["average_wage"]
        assert (wage["monthly"], wage["provisional"]) == (12600, False)

    @pytest.mark.parametrize(
        ("changes", "field", "message"),
        [
            ({"period_from": "2025-01-01"}, "period_from", "重叠"),
            ({"period_to": "2026-06-30"}, "period_to", "须晚于起始日期"),
            ({"base_floor": "13000"}, "base_floor", "下限不能高于月平均工资"),
            ({"base_ceiling": "12000"}, "base_ceiling", "上限不能低于月平均工资"),
        ],
    )
    def test_inconsistent_figures_are_refused(self, editor_client, changes, field, message):
        form = {
            "period_from": "2026-07-01",
            "period_to": "2027-06-30",
            "monthly_average": "12600",
            "base_floor": "7560",
            "base_ceiling": "37800",
            "source": "测试",
        } | changes
        response = editor_client.post("/admin/calculator/wageperiod/add/", form)
        assert response.status_code == 200
        assert message in " ".join(response.context["adminform"].form.errors[field])
        assert not WagePeriod.objects.filter(monthly_average=12600).exists()

    def test_the_page_says_a_save_takes_effect_at_once(self, editor_client):
        html = editor_client.get("/admin/calculator/wageperiod/add/").content.decode()
        assert "保存后立即生效" in html


class TestGoldenCasesInline:
    def test_the_ruleset_page_lists_its_golden_cases_with_todays_total(self, editor_client):
        ruleset = RuleSet.objects.get(version="2023-01")
        html = editor_client.get(f"/admin/calculator/ruleset/{ruleset.pk}/change/").content.decode()
        assert "核对样例" in html
        assert "30 岁硕士，社保 3 年：30 + 100 + 9" in html
        assert "139 分，一致" in html

    def test_answers_that_do_not_fit_the_ruleset_are_refused(self, editor_client):
        ruleset = RuleSet.objects.get(version="2023-01")
        url = f"/admin/calculator/ruleset/{ruleset.pk}/change/"
        data = change_form_data(editor_client.get(url))
        total = int(data["golden_cases-TOTAL_FORMS"])
        data |= {
            "golden_cases-TOTAL_FORMS": str(total + 1),
            f"golden_cases-{total}-description": "写错的样例",
            f"golden_cases-{total}-answers": '{"age": 30, "education": "phd"}',
            f"golden_cases-{total}-expected_total": "140",
        }
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert "没有“phd”这个选项" in response.content.decode()
        assert not GoldenCase.objects.filter(description="写错的样例").exists()
