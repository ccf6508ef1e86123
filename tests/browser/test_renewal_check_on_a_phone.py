from datetime import timedelta
from pathlib import Path

import icalendar
from django.utils import timezone


def test_deadline_check_and_calendar_download_on_a_phone(phone, live_server):
    # The live server reads the real clock, so the card "expires" ten days from today in Shanghai.
    expiry = timezone.localdate() + timedelta(days=10)

    phone.goto(live_server.url + "/renewal/check/")
    phone.get_by_label("居住证有效期至").fill(expiry.isoformat())
    phone.get_by_role("button", name="查询").click()

    phone.wait_for_url(f"**/renewal/check/?expiry={expiry.isoformat()}")
    result = phone.locator(".check-result")
    assert result.get_attribute("data-status") == "open"
    assert "还有10天" in result.inner_text()
    assert "以受理部门最新规定为准" in result.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="加入手机日历（.ics 提醒）").click()
    download = download_info.value

    assert download.suggested_filename == f"qianzhu-{expiry.isoformat()}.ics"
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    starts = sorted(event.decoded("dtstart") for event in calendar.walk("VEVENT"))
    assert starts == [expiry - timedelta(days=30), expiry, expiry + timedelta(days=60)]
    assert all(event.walk("VALARM") for event in calendar.walk("VEVENT"))
    assert phone.csp_violations == []
