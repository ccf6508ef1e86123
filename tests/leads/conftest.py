import pytest

from leads import sms


@pytest.fixture(autouse=True)
def empty_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def captcha_test_mode(monkeypatch):
    """django-simple-captcha's test mode: the answer "PASSED" is accepted.

    The package reads CAPTCHA_TEST_MODE once at import (and complains when DEBUG is off), so the tests
    switch it on where the package looks rather than in settings. A test that needs the real check
    sets it back to False.
    """
    from captcha.conf import settings as captcha_settings

    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
