import pytest

pytestmark = pytest.mark.django_db


def test_chains_two_six_and_seven_working_days(client):
    response = client.get("/api/v1/processing", {"accepted": "2026-02-12"})

    assert response.status_code == 200
    assert response.json() == {
        "accepted": "2026-02-12",
        "forwarded_by": "2026-02-14",
        "reviewed_by": "2026-03-02",
        "card_ready_by": "2026-03-11",
        "estimated": False,
        "estimated_years": [],
    }


def test_a_year_without_schedule_is_estimated(client):
    body = client.get("/api/v1/processing", {"accepted": "2026-12-28"}).json()

    assert body["card_ready_by"] == "2027-01-18"
    assert body["estimated"] is True
    assert body["estimated_years"] == [2027]


@pytest.mark.parametrize(("accepted", "message"), [("2026-02-30", "2026年2月没有30日"), ("", "缺少这个参数")])
def test_bad_dates_get_400_with_a_chinese_message(client, accepted, message):
    response = client.get("/api/v1/processing", {"accepted": accepted})

    assert response.status_code == 400
    assert message in response.json()["errors"]["accepted"][0]


def test_the_holiday_calendar_is_read_from_the_database_once_per_edit(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from renewal.models import HolidayYear

    assert client.get("/api/v1/processing", {"accepted": "2026-12-28"}).json()["estimated"] is True
    with django_assert_num_queries(0):
        client.get("/api/v1/processing", {"accepted": "2026-12-28"})

    with django_capture_on_commit_callbacks(execute=True):  # as an editor's save commits in admin
        HolidayYear.objects.create(year=2027, is_complete=True)

    assert client.get("/api/v1/processing", {"accepted": "2026-12-28"}).json()["estimated"] is False
