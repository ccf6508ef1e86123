"""A screen reader gets every score bar as words: the bar itself is hidden, its number is text beside it."""

import pytest

from tests.calculator.wizard import complete
from tests.html_tree import parse

pytestmark = pytest.mark.django_db


def test_each_bar_is_read_as_its_indicator_and_points(client):
    response = complete(
        client,
        {"age": "30", "education": "master"},
        {"social_insurance_years": "3"},
        deductions={"detention_count": "1"},
    )
    items = parse(response.content).find_all("li", class_="score-item")
    read = {item.find("span", class_="score-label").text(): item.text() for item in items}
    assert read["年龄"].startswith("年龄 30 分")
    assert read["最高学历学位"].startswith("最高学历学位 100 分")
    assert read["行政拘留"].startswith("行政拘留 -50 分")
    for item in items:
        bar = item.find("svg", class_="score-bar")
        assert bar["aria-hidden"] == "true" and bar["focusable"] == "false"
        # Nothing of the bar reaches the reader: no title or text inside it that would be read twice.
        assert not [child for child in bar.children if isinstance(child, str) and child.strip()]
        assert bar.find("title") is None and bar.find("text") is None
