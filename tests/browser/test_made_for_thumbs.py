"""Made for thumbs, measured on a 390×844 phone: every radio button and tick box of the self-test is a row
as wide as its question and at least 44 px tall that a tap anywhere on answers, and "‹ 上一步" and the
buttons are at least 44 px tall too (WCAG 2.5.5's 44 × 44 CSS px)."""

import pytest

from calculator.rulesets import ruleset_in_force
from tests.browser.test_keyboard_only_wizard import default_rules  # noqa: F401  (a fixture)

MIN_TARGET = 44

MEASURE = """() => {
  const box = element => element.getBoundingClientRect();
  const content = element => {
    const style = getComputedStyle(element);
    return box(element).width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
  };
  const form = document.querySelector("main form") || document.querySelector("form");
  const visible = element => element.getClientRects().length > 0;
  const choices = form.querySelectorAll("input[type=radio], input[type=checkbox]");
  const rows = Array.from(choices).filter(visible).map(input => {
    const label = document.querySelector('label[for="' + input.id + '"]');
    const field = input.closest(".field");
    return {
      id: input.id,
      labelHeight: box(label).height,
      labelWidth: box(label).width,
      fieldContentWidth: content(field),
      inputInsideLabel: box(input).left >= box(label).left && box(input).right <= box(label).right
        && box(input).top >= box(label).top && box(input).bottom <= box(label).bottom,
      fieldLeft: box(field).left, fieldRight: box(field).right,
    };
  });
  const targets = Array.from(document.querySelectorAll("main .back-link, main form button")).filter(visible)
    .filter(element => !element.classList.contains("visually-hidden"))
    .map(element => {
      const size = box(element);
      return {text: element.innerText.trim(), height: size.height, width: size.width};
    });
  return {rows, targets, formLeft: box(form).left, formRight: box(form).right};
}"""


def measure(page):
    return page.evaluate(MEASURE)


def assert_made_for_thumbs(page, slug):
    found = measure(page)
    assert found["rows"], f"{slug}: no choices measured"
    for row in found["rows"]:
        assert row["labelHeight"] >= MIN_TARGET, (slug, row)
        assert row["labelWidth"] >= row["fieldContentWidth"] - 1, (slug, row)
        assert row["inputInsideLabel"], (slug, row)
        # The question itself spans the form: nothing beside it.
        assert row["fieldLeft"] >= found["formLeft"] - 1, (slug, row)
        assert abs(row["fieldRight"] - found["formRight"]) <= 1, (slug, row)
    for target in found["targets"]:
        assert target["height"] >= MIN_TARGET and target["width"] >= MIN_TARGET, (slug, target)
    return found


def reveal_every_question(page, slug):
    """Conditional questions are rows too: bring each into view the way a person would."""
    if slug == "basic":
        page.select_option("#id_title_skill", "mid_title")
    if slug == "bonus":
        for box in page.locator("input[type=checkbox][name^=has_]").all():
            box.check()


@pytest.mark.django_db(transaction=True)
def test_every_wizard_step_is_made_for_thumbs(phone, live_server, default_rules):  # noqa: F811
    answers = {
        "basic": lambda: (
            phone.fill("#id_age", "30"),
            phone.select_option("#id_education", "master"),
            phone.select_option("#id_title_skill", "none"),
        ),
        "insurance": lambda: phone.fill("#id_social_insurance_years", "3"),
        "bonus": lambda: None,
        "deductions": lambda: None,
    }
    phone.goto(f"{live_server.url}/jifen/basic/")
    for slug, answer in answers.items():
        assert phone.url.endswith(f"/jifen/{slug}/")
        reveal_every_question(phone, slug)
        found = assert_made_for_thumbs(phone, slug)
        if slug != "basic":
            assert any(t["text"] == "‹ 上一步" for t in found["targets"]), slug
        if slug == "bonus":
            phone.goto(f"{live_server.url}/jifen/bonus/")  # untick what was ticked to look
        answer()
        phone.click("form button[type=submit]")


@pytest.mark.django_db(transaction=True)
def test_a_tap_on_the_words_of_a_row_answers(phone, live_server, default_rules):  # noqa: F811
    phone.goto(f"{live_server.url}/jifen/bonus/")
    row = phone.locator("label[for=id_shortage_major]")
    box = row.bounding_box()
    # The far right of the row, well past the words: still the row.
    phone.touchscreen.tap(box["x"] + box["width"] - 8, box["y"] + box["height"] / 2)
    assert phone.is_checked("#id_shortage_major")
    # Its points, from the ruleset in force.
    assert f"+{ruleset_in_force().indicator('shortage_major').points} 分" in row.inner_text()


@pytest.mark.django_db(transaction=True)
def test_the_consultation_choices_are_made_for_thumbs(phone, live_server):
    phone.goto(f"{live_server.url}/consult/")
    assert_made_for_thumbs(phone, "consult")
