"""Copy as draft, preview beside the ruleset in force, publish with checks."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from calculator.models import Band, Indicator, RuleSet

pytestmark = pytest.mark.django_db


def copy_default(client, callbacks):
    ruleset = RuleSet.objects.get(version="2023-01")
    with callbacks(execute=True):
        response = client.post(f"/admin/calculator/ruleset/{ruleset.pk}/copy/")
    draft = RuleSet.objects.get(version="2023-01-草稿")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/calculator/ruleset/{draft.pk}/change/"
    return draft


def publish(client, ruleset, callbacks, data=None):
    with callbacks(execute=True):
        response = client.post(f"/admin/calculator/ruleset/{ruleset.pk}/publish/", data or {}, follow=True)
    ruleset.refresh_from_db()
    return response.content.decode()


def confirm_ticks(client, ruleset, cases) -> dict:
    """The ticks the publish page offers for `cases`, as an editor would post them."""
    fields = client.get(f"/admin/calculator/ruleset/{ruleset.pk}/publish/").context["confirm"].fields
    wanted = {f"case_{case.pk}_" for case in cases}
    return {name: "on" for name in fields if name[: name.rindex("_") + 1] in wanted}


def score(client, query=""):
    body = {"age": 30, "fresh_graduate": True}
    return client.post("/api/v1/score" + query, body, content_type="application/json").json()


def test_a_copy_is_a_draft_with_every_rule_and_is_not_used(editor_client, django_capture_on_commit_callbacks):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    assert draft.status == "draft"
    assert draft.effective_from is None
    assert draft.indicators.count() == 21
    assert draft.options.count() == 6 + 9 + 5 + 4
    assert draft.bands.count() == 15
    assert draft.indicators.get(key="title_skill").group.ruleset == draft
    with django_capture_on_commit_callbacks(execute=True):
        Indicator.objects.filter(ruleset=draft, key="fresh_graduate").update(points=50)
        draft.effective_from = datetime.date(2024, 1, 1)
        draft.save()
    assert score(editor_client)["total"] == 40


def test_publishing_without_an_effective_date_is_refused(editor_client, django_capture_on_commit_callbacks):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    page = publish(editor_client, draft, django_capture_on_commit_callbacks)
    assert "未发布，请先修改：请先填写生效日期。" in page
    assert draft.status == "draft"


def test_publishing_bands_with_a_gap_is_refused(editor_client, django_capture_on_commit_callbacks):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    draft.effective_from = datetime.date(2025, 1, 1)
    draft.save()
    Band.objects.filter(ruleset=draft, low=50).delete()
    page = publish(editor_client, draft, django_capture_on_commit_callbacks)
    assert "“年龄”（age）的分档缺少 50–50。" in page
    assert draft.status == "draft"
    assert score(editor_client, "?as_of=2025-06-01")["ruleset"]["version"] == "2023-01"


def test_publishing_on_the_date_of_another_published_ruleset_is_refused(
    editor_client, django_capture_on_commit_callbacks
):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    draft.effective_from = datetime.date(2023, 1, 1)
    draft.save()
    assert "已有另一个已发布的规则集在 2023-01-01 生效" in publish(
        editor_client, draft, django_capture_on_commit_callbacks
    )


def test_publishing_from_a_day_already_past_is_refused_and_from_today_allowed(
    editor_client, django_capture_on_commit_callbacks
):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    draft.effective_from = yesterday
    draft.save()
    page = publish(editor_client, draft, django_capture_on_commit_callbacks)
    assert (
        f"生效日期 {yesterday} 早于今天（{today}）：发布后，这些天已经按别的规则算出的结果就会被改写。"
        in page
    )
    assert draft.status == "draft"
    assert score(editor_client, f"?as_of={yesterday}")["ruleset"]["version"] == "2023-01"

    draft.effective_from = today
    draft.save()
    page = publish(editor_client, draft, django_capture_on_commit_callbacks)
    assert f"已发布“2023-01-草稿”，{today} 起生效。" in page
    assert score(editor_client)["ruleset"]["version"] == "2023-01-草稿"
    assert score(editor_client, f"?as_of={yesterday}")["ruleset"]["version"] == "2023-01"


def test_a_published_future_ruleset_waits_for_its_date(editor_client, django_capture_on_commit_callbacks):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    future = datetime.date.today() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        Indicator.objects.filter(ruleset=draft, key="fresh_graduate").update(points=20)
        draft.effective_from = future
        draft.save()
    fresh_graduate_case = draft.golden_cases.get(answers__fresh_graduate=True)
    confirmed = confirm_ticks(editor_client, draft, [fresh_graduate_case])
    page = publish(editor_client, draft, django_capture_on_commit_callbacks, confirmed)
    assert f"已发布“2023-01-草稿”，{future} 起生效。" in page
    assert draft.status == "published"
    assert score(editor_client)["total"] == 40
    assert score(editor_client, f"?as_of={future}")["total"] == 50
    assert LogEntry.objects.filter(object_id=str(draft.pk), change_message__startswith="发布").exists()


def test_a_staff_member_outside_the_editor_group_cannot_publish(consultant_client):
    ruleset = RuleSet.objects.get(version="2023-01")
    assert consultant_client.post(f"/admin/calculator/ruleset/{ruleset.pk}/publish/").status_code == 403
    assert consultant_client.post(f"/admin/calculator/ruleset/{ruleset.pk}/copy/").status_code == 403


def test_the_preview_scores_samples_under_the_draft_beside_the_ruleset_in_force(
    editor_client, django_capture_on_commit_callbacks
):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    Indicator.objects.filter(ruleset=draft, key="fresh_graduate").update(points=20)
    response = editor_client.get(f"/admin/calculator/ruleset/{draft.pk}/preview/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "25 岁应届本科毕业生（学士）" in page
    # 30 (age) + 90 (本科学士) + 20 or 10 (应届)
    assert "<td>140 分，达标</td>" in page
    assert "<td>130 分，达标</td>" in page
    assert "全日制应届高校毕业生：10 → 20" in page
    assert "请先填写生效日期。" in page


def test_a_ruleset_that_is_or_was_in_force_cannot_be_deleted(
    editor_client, django_capture_on_commit_callbacks
):
    ruleset = RuleSet.objects.get(version="2023-01")
    assert (
        editor_client.post(f"/admin/calculator/ruleset/{ruleset.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert RuleSet.objects.filter(pk=ruleset.pk).exists()
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/calculator/ruleset/{draft.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not RuleSet.objects.filter(pk=draft.pk).exists()


def test_golden_case_differences_block_publishing_until_confirmed(
    editor_client, django_capture_on_commit_callbacks
):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    assert draft.golden_cases.count() >= 10
    with django_capture_on_commit_callbacks(execute=True):
        Indicator.objects.filter(ruleset=draft, key="social_insurance_years").update(points_per_unit=4)
        draft.effective_from = datetime.date(2030, 1, 1)
        draft.save()
    url = f"/admin/calculator/ruleset/{draft.pk}/publish/"

    check = editor_client.get(url).content.decode()
    changed = [c for c in draft.golden_cases.all() if c.answers.get("social_insurance_years")]
    assert "30 岁硕士，社保 3 年：30 + 100 + 9" in check
    assert "“30 岁硕士，社保 3 年：30 + 100 + 9”：139 分 → 142 分，以新总分为准" in check
    assert "25 岁本科学士" not in check  # unchanged cases are not listed

    some = confirm_ticks(editor_client, draft, changed[:-1])
    page = publish(editor_client, draft, django_capture_on_commit_callbacks, some)
    assert draft.status == "draft"
    assert "未发布，请先修改" in page
    assert f"核对样例“{changed[-1].description}”的总分由" in page

    every = confirm_ticks(editor_client, draft, changed)
    page = publish(editor_client, draft, django_capture_on_commit_callbacks, every)
    assert draft.status == "published"
    assert draft.golden_cases.get(pk=changed[0].pk).expected_total != changed[0].expected_total
    assert LogEntry.objects.filter(
        object_id=str(draft.pk), change_message__contains="预期总分：139 → 142（发布时确认）"
    ).exists()


def test_the_publish_page_lists_values_not_reviewed_in_twelve_months(
    editor_client, django_capture_on_commit_callbacks
):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    Indicator.objects.filter(ruleset=draft).exclude(key="age").update(verified_on=datetime.date.today())
    Indicator.objects.filter(ruleset=draft, key="age").update(verified_on=datetime.date(2020, 5, 1))
    page = editor_client.get(f"/admin/calculator/ruleset/{draft.pk}/publish/").content.decode()
    assert "年龄（age）：上次核对 2020年5月1日" in page
    assert "最高学历学位（education）" not in page


def test_a_golden_case_whose_answers_no_longer_fit_blocks_publishing(
    editor_client, django_capture_on_commit_callbacks
):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        draft.options.filter(code="master").delete()
        draft.effective_from = datetime.date(2030, 1, 1)
        draft.save()
    page = publish(editor_client, draft, django_capture_on_commit_callbacks)
    assert draft.status == "draft"
    assert "答案不再适用于这个规则集" in page
    assert "请修改或删除这个样例" in page


def test_a_copy_carries_no_end_date_and_no_review_stamps(editor_client, django_capture_on_commit_callbacks):
    original = RuleSet.objects.get(version="2023-01")
    assert original.valid_until == datetime.date(2027, 12, 31)
    checked = datetime.date(2026, 11, 30)
    original.indicators.filter(key="age").update(verified_on=checked, verified_by="编辑甲")
    original.options.filter(code="master").update(verified_on=checked, verified_by="编辑甲")
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    # The next version's end date and its checks against the policy text belong to its own text.
    assert (draft.valid_until, draft.valid_until_basis) == (None, "")
    assert not draft.indicators.exclude(verified_on=None).exists()
    assert not draft.indicators.exclude(verified_by="").exists()
    assert not draft.options.exclude(verified_on=None).exists()
    assert not draft.options.exclude(verified_by="").exists()
    original.refresh_from_db()
    assert original.valid_until == datetime.date(2027, 12, 31)  # the original keeps its own


def test_an_end_date_before_the_effective_date_is_refused_in_chinese(
    editor_client, django_capture_on_commit_callbacks
):
    from tests.calculator.conftest import change_form_data

    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    url = f"/admin/calculator/ruleset/{draft.pk}/change/"
    data = change_form_data(editor_client.get(url))
    data |= {"effective_from": "2028-01-01", "valid_until": "2027-12-31"}
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "有效期至（2027年12月31日）不能早于生效日期（2028年1月1日），请检查这两个日期。" in (
        response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.effective_from is None and draft.valid_until is None
    # Publishing checks it as well, whatever path set the dates.
    RuleSet.objects.filter(pk=draft.pk).update(
        effective_from=datetime.date(2028, 1, 1), valid_until=datetime.date(2027, 12, 31)
    )
    draft.refresh_from_db()
    page = publish(editor_client, draft, django_capture_on_commit_callbacks)
    assert "有效期至不能早于生效日期，请检查这两个日期。" in page
    assert draft.status == "draft"


def test_a_confirmation_binds_the_total_shown_and_no_posted_total_is_used(
    editor_client, django_capture_on_commit_callbacks
):
    draft = copy_default(editor_client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        Indicator.objects.filter(ruleset=draft, key="fresh_graduate").update(points=20)
        draft.effective_from = datetime.date(2030, 1, 1)
        draft.save()
    case = draft.golden_cases.get(answers__fresh_graduate=True)
    seen = confirm_ticks(editor_client, draft, [case])
    assert list(seen) == [f"case_{case.pk}_{case.expected_total + 10}"]  # 应届 10 → 20 points
    # Another editor changes the rules again before this one presses 发布: the tick was for another total.
    with django_capture_on_commit_callbacks(execute=True):
        Indicator.objects.filter(ruleset=draft, key="fresh_graduate").update(points=25)
    forged = {**seen, f"case_{case.pk}_999": "on", "expected_total": "999", f"case_{case.pk}": "on"}
    page = publish(editor_client, draft, django_capture_on_commit_callbacks, forged)
    assert draft.status == "draft"
    expected = case.expected_total
    assert (
        f"核对样例“{case.description}”的总分由 {expected} 分变为 {expected + 15} 分，请确认后再发布。" in page
    )
    case.refresh_from_db()
    assert case.expected_total == expected
    # Confirmed as now shown, the server's own total becomes the expected one.
    publish(
        editor_client, draft, django_capture_on_commit_callbacks, confirm_ticks(editor_client, draft, [case])
    )
    assert draft.status == "published"
    case.refresh_from_db()
    assert case.expected_total == expected + 15


def test_a_published_ruleset_that_has_not_started_can_be_deleted_with_its_indicators(
    editor_client, publish_copy, django_capture_on_commit_callbacks
):
    future = publish_copy(timezone.localdate() + datetime.timedelta(days=30), version="2099-future")
    indicator = future.indicators.get(key="fresh_graduate")
    indicator_page = editor_client.get(f"/admin/calculator/indicator/{indicator.pk}/change/").content.decode()
    # Nobody has answered by it yet: its parts may go, and the page does not say otherwise.
    assert f"/admin/calculator/indicator/{indicator.pk}/delete/" in indicator_page
    assert "在这里保存的修改立即生效" in indicator_page and "所以这里不能删除指标或选项" not in indicator_page
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(f"/admin/calculator/ruleset/{future.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not RuleSet.objects.filter(pk=future.pk).exists()
    assert RuleSet.objects.filter(version="2023-01").exists()
