# The leads tests' SMS outbox and CAPTCHA test mode apply here too: reminders use the same codes.
from tests.leads.conftest import captcha_test_mode, empty_outbox  # noqa: F401
