"""Dates as people type them: ASCII or full-width digits from a Chinese input method; nothing else."""

from datetime import date

import pytest

from renewal.dateinput import InvalidDate, parse_date

RANGE = "日期需在2000年1月1日至2099年12月31日之间。"
FORMAT = "请按“2026-06-15”的格式填写日期。"


@pytest.mark.parametrize(
    "typed",
    [
        "2026-06-15",
        "２０２６－０６－１５",
        "２０２６年６月１５日",
        "２０２６/6/15",
        "2026．06．15",
        "　2026-6-15　",
    ],
)
def test_full_width_digits_and_punctuation_read_as_ascii(typed):
    assert parse_date(typed) == date(2026, 6, 15)


@pytest.mark.parametrize("typed", ["٢٠٢٦-٠٦-١٥", "२०२६-०६-१५"])
def test_digits_of_other_scripts_are_refused_with_the_format_message(typed):
    with pytest.raises(InvalidDate, match=FORMAT):
        parse_date(typed)


@pytest.mark.parametrize("typed", ["0000-01-01", "0000-00-00", "1999-12-31", "2100-01-01", "9999-12-31"])
def test_years_outside_the_range_get_the_range_message(typed):
    with pytest.raises(InvalidDate) as excinfo:
        parse_date(typed)
    assert str(excinfo.value) == RANGE


def test_the_month_and_day_messages_still_name_the_mistake():
    with pytest.raises(InvalidDate, match="没有13月"):
        parse_date("2026-13-01")
    with pytest.raises(InvalidDate, match="2026年2月没有30日"):
        parse_date("2026-02-30")
