"""Every reminder text names the site, its date and the stop link, and fits one SMS."""

from datetime import date, timedelta

import pytest

from reminders.schedule import Kind
from reminders.texts import LONGEST_HOST, ONE_SMS, longest_text, reminder_text, stop_link

LINK = stop_link("https://" + "j" * LONGEST_HOST, "Ab3dE9xY")


def test_the_link_leaves_out_https_but_keeps_plain_http():
    assert stop_link("https://jzz.example.cn", "Ab3dE9xY") == "jzz.example.cn/r/Ab3dE9xY"
    assert stop_link("http://127.0.0.1:8000/", "Ab3dE9xY") == "http://127.0.0.1:8000/r/Ab3dE9xY"


@pytest.mark.parametrize("kind", list(Kind))
def test_every_text_of_a_whole_year_fits_one_sms(kind):
    for offset in range(366):
        text = reminder_text(kind, date(2027, 1, 1) + timedelta(days=offset), LINK)
        assert len(text) <= ONE_SMS, text
    assert len(longest_text(LINK)) <= ONE_SMS


def test_texts_name_the_site_the_date_and_the_way_to_stop():
    expiry = date(2027, 3, 1)
    opens, near, ending = (reminder_text(kind, expiry, LINK) for kind in Kind)
    for text in (opens, near, ending):
        assert text.startswith("【上海居住证助手】")
        assert "签注" in text
        assert "退订" in text and text.endswith(LINK)
    assert "3月1日到期" in opens and "现在可以签注" in opens
    assert "3月1日到期" in near
    assert "4月30日前补办签注" in ending  # the grace period's last day, the date that matters then


def test_a_host_one_character_longer_would_make_some_text_two_sms():
    too_long = stop_link("https://" + "j" * (LONGEST_HOST + 1), "Ab3dE9xY")
    assert len(longest_text(too_long)) > ONE_SMS
