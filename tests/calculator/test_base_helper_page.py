"""/jifen/base/: a base per 社保年度 in, the tier out (no JavaScript needed), and "带入自测" carries it into
the wizard; the wizard's base questions show the year's amounts in yuan."""

import re

import pytest

pytestmark = pytest.mark.django_db
URL = "/jifen/base/"


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def compute(client, month="2026-07", **bases):
    data = {"month": month} | {f"base_{year[1:]}": value for year, value in bases.items()}
    response = client.post(f"{URL}?month={month}", data)
    assert response.status_code == 200
    return response


class TestThePage:
    def test_it_asks_one_base_per_year_the_window_touches(self, client):
        response = client.get(URL + "?month=2026-07")
        assert response.status_code == 200
        form = response.context["form"]
        assert [name for name in form.fields if name.startswith("base_")] == [
            "base_2022",
            "base_2023",
            "base_2024",
            "base_2025",
        ]
        text = plain(response.content.decode())
        assert "2025年7月至2026年6月的月缴费基数（元）" in text
        assert (
            "当年社会平均工资 12,434 元（待核实）：0.8 倍 9,947.2，1 倍 12,434，2 倍 24,868，"
            "3 倍 37,302 元（3 倍即上限）" in text
        )
        assert "本站还没有这一年度的社会平均工资" in text  # 2022
        assert "随申办市民云" in text and "电子社保卡" in text

    def test_a_mid_year_application_month_reaches_into_five_years(self, client):
        form = client.get(URL + "?month=2026-03").context["form"]
        assert [n for n in form.fields if n.startswith("base_")] == [f"base_{y}" for y in range(2021, 2026)]
        assert form.fields["base_2021"].label == "2022年3月至2022年6月的月缴费基数（元）"

    def test_four_years_at_12500_reach_1x(self, client):
        response = compute(client, y2022="12500", y2023="12500", y2024="12500", y2025="12500")
        assert response.context["result"].tier == "x1"
        text = plain(response.content.decode())
        assert "结果：近 4 年累计 36 个月，基数不低于 1 倍，50 分" in text
        assert "2022年7月至2023年6月 本站未收录 12 个月，无法判断" in text
        assert "2025年7月至2026年6月 12,434 元（待核实） 12 个月，达到 1 倍" in text
        assert "这些月份没有计入" in text  # 2022: no figure
        assert "社会平均工资的来源 2023年7月至2024年6月：" in text
        assert "本站还没能对照正式文本核实这一条" in text
        # What readers see of a source: no note to editors, one full stop where a sentence ends.
        assert "请编辑" not in text and "填写核对日期" not in text
        assert "。。" not in text
        assert "数字取自公开的社保计算器，三者与 3 倍、60% 的关系相符。 待核实" in text

    def test_12400_is_judged_per_year(self, client):
        response = compute(client, y2023="12400", y2024="12400", y2025="12400")
        assert response.context["result"].tier == "x0_8"
        text = plain(response.content.decode())
        assert "2024年7月至2025年6月 12,307 元（待核实） 12 个月，达到 1 倍" in text
        assert "2025年7月至2026年6月 12,434 元（待核实） 12 个月，达到 0.8 倍" in text
        assert "1 倍 近 48 个月中累计 36 个月 24 个月" in text
        assert "近 48 个月指 2022年7月至2026年6月；近 36 个月指 2023年7月至2026年6月" in text

    def test_unpaid_months_are_left_out(self, client):
        data = {"month": "2026-07", "base_2023": "12500", "base_2024": "12500", "base_2025": "12500"}
        data["unpaid_2024"] = ["2024-08", "2024-09"]
        response = client.post(URL + "?month=2026-07", data)
        assert response.context["result"].months["x1"] == 34
        assert response.context["result"].tier == "none"

    def test_months_after_the_last_figure_say_provisional(self, client):
        response = compute(
            client, month="2026-12", y2023="12500", y2024="12500", y2025="12500", y2026="12500"
        )
        text = plain(response.content.decode())
        assert "12,434 元（暂按上一年度）" in text
        assert "暂按上一年度的 12,434 元判断" in text

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"base_2025": "一万"}, "请填写金额"),
            ({"base_2025": "-5"}, "金额不能小于 0"),
            ({"base_2025": "99999999"}, "金额太大了"),
            ({"base_2025": "12000.123"}, "最多保留两位小数"),
            ({}, "请至少填写一个年度的缴费基数"),
            ({"base_2025": "12000", "unpaid_2025": ["2019-01"]}, "请只勾选列出的月份"),
            ({"base_2025": "12000", "month": "1999-01"}, "申请月份已更改"),
        ],
    )
    def test_mistakes_come_back_with_chinese_messages_and_keep_the_input(self, client, data, message):
        response = client.post(URL + "?month=2026-07", {"month": "2026-07"} | data)
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert "请修改以下问题" in html
        assert response.context["result"] is None
        if "base_2025" in data and data["base_2025"] != "12000":
            assert f'value="{data["base_2025"]}"' in html

    @pytest.mark.parametrize("month", [None, "", "2026-07\x00"])
    def test_a_lost_or_tampered_hidden_month_is_named_in_chinese(self, client, month):
        data = {"base_2025": "12000"} | ({} if month is None else {"month": month})
        response = client.post(URL + "?month=2026-07", data)
        summary = plain(response.content.decode()).split("请修改以下问题", 1)[1][:60]
        # Was "Month：这个字段是必须的" (Django's own label and message for an unlabelled field).
        assert summary.strip().startswith("申请月份：申请月份已更改，请重新填写。")
        assert not re.search(r"[A-Za-z]", summary.split("社保缴费基数加分计算器")[0])

    def test_the_helper_and_the_api_share_one_typo_guard(self, client, monkeypatch):
        from calculator import base_tier

        monkeypatch.setattr(base_tier, "BASE_MAX", 20_000)
        assert "金额太大了" in compute(client, y2025="20001").content.decode()
        response = client.post(
            "/api/v1/si-tier", '{"bases": {"2025-07": 20001}}', content_type="application/json"
        )
        assert response.json() == {"errors": {"bases.2025-07": ["缴费基数须在 0 到 20000 元之间。"]}}

    def test_a_bad_month_in_the_query_is_a_form_error_not_a_500(self, client):
        response = client.get(URL + "?month=1999-01")
        assert response.status_code == 200
        assert "请从列表中选择一个月份" in response.content.decode()


class TestCarryIntoTheWizard:
    def test_the_tier_becomes_the_wizards_answer_and_is_announced_once(self, client):
        compute(client, y2022="12500", y2023="12500", y2024="12500", y2025="12500")
        response = client.post("/jifen/base/carry/", {"tier": "x1"})
        assert response.status_code == 302
        assert response["Location"] == "/jifen/insurance/"
        page = client.get("/jifen/insurance/")
        html = page.content.decode()
        assert "已带入缴费基数计算器的结果：近 4 年累计 36 个月，基数不低于 1 倍（50 分）" in html
        assert re.search(r'<input[^>]*value="x1"[^>]*checked|<input[^>]*checked[^>]*value="x1"', html)
        assert "已带入" not in client.get("/jifen/insurance/").content.decode()

    def test_other_answers_already_given_are_kept(self, client):
        session = client.session
        session["jifen"] = {"insurance": {"social_insurance_years": "6", "si_base_tier": "none"}}
        session.save()
        client.post("/jifen/base/carry/", {"tier": "x3"})
        assert client.session["jifen"]["insurance"] == {"social_insurance_years": "6", "si_base_tier": "x3"}

    def test_a_forged_tier_is_ignored(self, client):
        response = client.post("/jifen/base/carry/", {"tier": "x9"})
        assert response["Location"] == "/jifen/base/"
        assert "jifen" not in client.session

    def test_carry_takes_post_only(self, client):
        assert client.get("/jifen/base/carry/").status_code == 405


class TestYuanInTheWizard:
    def test_the_base_tier_question_shows_this_years_amounts_and_the_ceiling(self, client):
        text = plain(client.get("/jifen/insurance/").content.decode())
        assert "0.8 倍： 9,947.2 元" in text
        assert "1 倍： 12,434 元" in text
        assert "2 倍： 24,868 元" in text
        assert "3 倍： 37,302 元 ，即缴费基数上限" in text
        assert "缴费基数计算器" in text
        assert "随申办市民云" in text

    def test_after_the_last_period_the_amounts_are_marked_provisional(self, client, time_machine):
        time_machine.move_to("2026-12-02 10:00 +0800", tick=False)
        text = plain(client.get("/jifen/insurance/").content.decode())
        assert "2026年7月起的社会平均工资尚未公布，暂按2025年7月至2026年6月的 12,434 元/月" in text

    def test_within_a_period_its_own_figure_is_shown(self, client, time_machine):
        time_machine.move_to("2025-03-02 10:00 +0800", tick=False)
        text = plain(client.get("/jifen/insurance/").content.decode())
        assert "2024年7月至2025年6月的社会平均工资为 12,307 元/月" in text
        assert "3 倍： 36,921 元" in text

    def test_the_base_condition_question_shows_the_1x_amounts(self, client, time_machine):
        time_machine.move_to("2025-03-02 10:00 +0800", tick=False)
        text = plain(client.get("/jifen/basic/").content.decode())
        assert (
            "上年度全市职工平均工资：2024年7月至2025年6月的 12,307 元/月 ；"
            "2023年7月至2024年6月为 12,183 元/月" in text
        )

    def test_an_unverified_figure_says_so_with_its_source(self, client):
        text = plain(client.get("/jifen/insurance/").content.decode())
        assert "数据来源（待核实）" in text
        assert "人力资源和社会保障局" in text
        assert "待核实 本站还没能对照正式文本核实这一条" in text


def test_the_helper_stays_within_three_queries_when_warm(client, django_assert_max_num_queries):
    data = {"month": "2026-07", "base_2024": "12500", "base_2025": "12500"}
    client.get(URL)
    client.post(URL + "?month=2026-07", data)
    with django_assert_max_num_queries(3):
        assert client.get(URL + "?month=2026-07").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.post(URL + "?month=2026-07", data).context["result"].tier == "none"


class TestTheSharedEmptyForm:
    """The empty history form is rendered once per process (calculator/views.py): an editor's new figure
    shows on the next request, and what a visitor typed is never served to another."""

    def test_a_wage_edit_shows_on_the_next_request(self, client, django_capture_on_commit_callbacks):
        from calculator.models import WagePeriod

        assert "当年社会平均工资 12,434 元" in plain(client.get(URL + "?month=2026-07").content.decode())
        period = WagePeriod.objects.get(monthly_average=12434)
        with django_capture_on_commit_callbacks(execute=True):
            period.monthly_average = 12500
            period.save()
        text = plain(client.get(URL + "?month=2026-07").content.decode())
        assert "当年社会平均工资 12,500 元" in text

    def test_each_month_asked_about_gets_its_own_years(self, client):
        assert "base_2022" in client.get(URL + "?month=2026-07").content.decode()
        assert "base_2022" not in client.get(URL + "?month=2027-07").content.decode()

    def test_typed_bases_are_not_shown_to_the_next_visitor(self, client):
        from django.test import Client

        client.get(URL + "?month=2026-07")
        typed = compute(client, b2025="31415")
        assert 'value="31415"' in typed.content.decode()
        assert 'value="31415"' not in Client().get(URL + "?month=2026-07").content.decode()
