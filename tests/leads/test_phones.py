import pytest
from hypothesis import given
from hypothesis import strategies as st

from leads.phones import InvalidPhone, mask_phone, normalize_phone, scrub


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        " 138 1234-5678 ",
        "+8613812345678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "008613812345678",
        "0086 138 1234 5678",
        "8613812345678",
        "(+86) 138 1234 5678",
        "１３８１２３４５６７８",  # full-width digits from a Chinese IME
        "＋８６ １３８１２３４５６７８",
    ],
)
def test_it_accepts_the_ways_people_type_a_number(typed):
    assert normalize_phone(typed) == "13812345678"


@pytest.mark.parametrize("second_digit", "3456789")
def test_it_accepts_every_mobile_prefix_from_13_to_19(second_digit):
    number = f"1{second_digit}012345678"
    assert normalize_phone(number) == number


@pytest.mark.parametrize(
    "typed, message_part",
    [
        ("", "请填写"),
        ("   ", "请填写"),
        (None, "请填写"),
        ("1381234567", "11 位"),  # 10 digits
        ("138123456789", "11 位"),  # 12 digits
        ("12812345678", "有效"),  # second digit 2
        ("10812345678", "有效"),
        ("23812345678", "有效"),
        ("021-12345678", "有效"),  # Shanghai landline: 11 digits once the dash goes, but not a mobile
        ("138abcd5678", "只能包含数字"),
        ("+1 13812345678", "只能包含数字"),
        ("+8612812345678", "有效"),
        ("86 138 1234 567", "11 位"),  # "86" without 11 digits after it is not a prefix
        ("١٣٨١٢٣٤٥٦٧٨", "只能包含数字"),  # Arabic-Indic digits are digits to Python, not to us
    ],
)
def test_it_rejects_what_is_not_a_mainland_mobile_number(typed, message_part):
    with pytest.raises(InvalidPhone) as excinfo:
        normalize_phone(typed)
    assert message_part in str(excinfo.value)


@given(
    digits=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    prefix=st.sampled_from(["", "+86", "0086", "86", "+86 ", "(+86) "]),
    separator=st.sampled_from(["", " ", "-"]),
)
def test_any_formatting_of_a_mobile_number_normalises_to_its_digits(digits, prefix, separator):
    typed = prefix + separator.join([digits[:3], digits[3:7], digits[7:]])
    assert normalize_phone(typed) == digits


@given(st.text(max_size=30))
def test_normalize_either_returns_a_valid_number_or_explains_in_chinese(text):
    try:
        result = normalize_phone(text)
    except InvalidPhone as exc:
        assert str(exc).endswith("。")
    else:
        assert len(result) == 11 and result.isdigit() and result[0] == "1"


def test_landline_with_area_code_is_rejected():
    # 02112345678 is 11 digits but a Shanghai landline, not a mobile
    with pytest.raises(InvalidPhone, match="不是有效的中国大陆手机号码"):
        normalize_phone("021 1234 5678")


def test_mask_keeps_first_three_and_last_four_digits():
    assert mask_phone("13812341234") == "138****1234"
    assert mask_phone("19900005678") == "199****5678"


def test_mask_never_reveals_a_malformed_value():
    assert mask_phone("12345") == "*****"
    assert mask_phone("") == ""
    assert mask_phone(None) == ""


def test_scrub_masks_every_mobile_number_and_the_given_secrets():
    text = "send to 13812345678 and +8613900001111 failed: code 042917, tel 021-12345678"
    assert scrub(text, "042917") == (
        "send to 138****5678 and +86139****1111 failed: code ******, tel 021-12345678"
    )


def test_scrub_leaves_longer_digit_runs_alone():
    assert scrub("order 2138123456789") == "order 2138123456789"


def test_scrub_masks_a_number_written_in_groups_with_a_country_code_or_in_full_width_digits():
    text = "请打 137 0000 3333 或 +86 138-0000-1111，(+86)139.1234.5678，１３６１２３４５６７８"
    assert scrub(text) == "请打 137****3333 或 +86 138****1111，(+86)139****5678，１３６****５６７８"


def test_scrub_masks_numbers_split_by_wide_spaces_dashes_or_two_spaces():
    text = "１３８　１２３４　５６７８；138—1234—5678；138–1234–5678；138  1234  5678"
    assert scrub(text) == "１３８****５６７８；138****5678；138****5678；138****5678"


def test_scrub_leaves_landlines_and_other_eleven_digit_groups_alone():
    text = "座机 021-1234-5678，订单 120 1234 5678，邮编 200000"
    assert scrub(text) == text
