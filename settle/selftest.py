"""What a person's own 积分 self-test already says that the 居转户 check asks too: its form starts with it."""

from calculator.models import Assessment
from calculator.results import is_token
from settle import rules


def answers_from_self_test(token: str) -> dict:
    """The title and years of social insurance from the stored self-test behind `token`, as the check's
    answer keys; empty when there is no such result (any string is safe)."""
    assessment = Assessment.objects.filter(token=token).only("answers").first() if is_token(token) else None
    if assessment is None:
        return {}
    answers = assessment.answers
    known = {}
    if answers.get("title_skill") in rules.TITLE_CODES:
        known["title"] = answers["title_skill"]
    if isinstance(answers.get("social_insurance_years"), int):
        known["si_years"] = answers["social_insurance_years"]
    return known
