"""The same number again within 24 hours updates the open lead instead of creating another."""

from datetime import timedelta

import pytest
from django.utils import timezone

from leads.models import Lead
from leads.services import merged_message
from tests.leads.helpers import submit_lead

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    return time_machine


def test_a_second_submission_within_24_hours_updates_the_open_lead(client, clock):
    assert submit_lead(client, message="第一次留言").status_code == 302
    first = Lead.objects.get()
    clock.shift(timedelta(hours=23))
    response = submit_lead(client, name="王建国", service="check_score", message="补充：我有中级职称")
    assert response.status_code == 302
    assert response["Location"] == "/consult/thanks/"
    lead = Lead.objects.get()
    assert lead.pk == first.pk
    assert lead.name == "王建国"
    assert lead.service.slug == "check_score"
    assert lead.message == "第一次留言\n\n补充：我有中级职称"
    assert lead.submissions == 2
    # The promise already made does not move.
    assert lead.due_by == first.due_by
    assert "138****5678" in client.get("/consult/thanks/").content.decode()


def test_after_24_hours_a_new_lead_is_created(client, clock):
    submit_lead(client)
    clock.shift(timedelta(hours=24, minutes=1))
    submit_lead(client)
    assert Lead.objects.count() == 2


def test_a_closed_lead_is_not_reopened(client, clock):
    submit_lead(client)
    Lead.objects.update(status=Lead.Status.CONVERTED)
    clock.shift(timedelta(hours=1))
    submit_lead(client)
    assert sorted(Lead.objects.values_list("status", flat=True)) == ["converted", "new"]


def test_the_same_message_twice_is_not_repeated(client, clock):
    submit_lead(client, message="同一句话")
    clock.shift(timedelta(minutes=2))
    submit_lead(client, message="同一句话")
    assert Lead.objects.get().message == "同一句话"


def test_a_short_follow_up_is_kept_even_if_the_earlier_message_contains_it(client, clock):
    submit_lead(client, message="想了解社保基数是不是要和个税一致")
    clock.shift(timedelta(minutes=2))
    submit_lead(client, message="是")
    assert Lead.objects.get().message == "想了解社保基数是不是要和个税一致\n\n是"


def test_merged_messages_never_exceed_1000_characters_and_keep_the_newest(client, clock):
    for number in range(4):
        submit_lead(client, message=str(number) * 500)
        clock.shift(timedelta(minutes=2))
    message = Lead.objects.get().message
    assert len(message) == 1000
    assert message.endswith("\n\n" + "3" * 500)
    assert message.startswith("……")


def test_merging_by_hand_computed_cases():
    assert merged_message("", "第一次", 1000) == "第一次"
    assert merged_message("第一次", "", 1000) == "第一次"
    assert merged_message("第一次", "第一次", 1000) == "第一次"
    assert merged_message("甲\n\n乙", "乙", 1000) == "甲\n\n乙"
    assert merged_message("甲\n\n乙", "甲", 1000) == "甲\n\n乙\n\n甲"
    assert merged_message("abcdef", "xy", 8) == "……ef\n\nxy"
