"""Drive the self-test wizard through Django's test client, as a browser without JavaScript would."""

import re

# Bonuses are checkboxes: an unticked box sends nothing.
BONUS_NO = {}
DEDUCTIONS_NONE = {
    "false_materials_count": "0",
    "detention_count": "0",
    "crime_count": "0",
    "veto_serious_crime": "no",
}
INSURANCE_DEFAULT = {"si_base_tier": "none", "recent_contributions": "yes"}


def complete(client, basic, insurance, bonus=None, deductions=None):
    """Answer all four steps and the summary; returns the result page response."""
    steps = [
        ("basic", {"title_skill": "none", **basic}),
        ("insurance", {**INSURANCE_DEFAULT, **insurance}),
        ("bonus", {**BONUS_NO, **(bonus or {})}),
        ("deductions", {**DEDUCTIONS_NONE, **(deductions or {})}),
    ]
    for slug, data in steps:
        response = client.post(f"/jifen/{slug}/", data)
        assert response.status_code == 302, (slug, response.context and response.context["form"].errors)
    response = client.post("/jifen/check/")
    assert response.status_code == 302
    return client.get(response["Location"])


def shown_total(response) -> int:
    return int(re.search(r'data-total="(-?\d+)"', response.content.decode()).group(1))
