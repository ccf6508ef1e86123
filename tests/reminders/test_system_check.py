"""manage.py check: in production the reminder texts must link to the public https address, fit one SMS each,
and have their provider templates."""

from reminders.checks import check_reminder_links


def ids(settings):
    return [problem.id for problem in check_reminder_links(None)]


def production(settings, site_url="https://jzz.example.cn"):
    settings.HTTPS = True
    settings.SITE_URL = site_url
    settings.SMS_BACKEND = "leads.sms.AliyunBackend"
    settings.SMS_ALIYUN_REMINDER_TEMPLATES = {
        "window_opens": "SMS_2",
        "expiry_near": "SMS_3",
        "grace_ending": "SMS_4",
    }


def test_a_production_setup_passes(settings):
    production(settings)
    assert ids(settings) == []


def test_development_is_not_checked(settings):
    settings.HTTPS = False
    settings.SITE_URL = "http://127.0.0.1:8000"
    assert ids(settings) == []


def test_a_plain_http_or_local_address_is_an_error(settings):
    production(settings, site_url="http://jzz.cn")
    assert ids(settings) == ["reminders.E001"]


def test_a_host_too_long_for_one_sms_is_a_warning(settings):
    production(settings, site_url="https://shanghai-juzhuzheng-zhushou.example.cn")
    assert ids(settings) == ["reminders.W001"]


def test_the_aliyun_backend_needs_the_three_reminder_templates(settings):
    production(settings)
    settings.SMS_ALIYUN_REMINDER_TEMPLATES = {"window_opens": "SMS_2", "expiry_near": "", "grace_ending": ""}
    problems = check_reminder_links(None)
    assert [problem.id for problem in problems] == ["reminders.E002"]
    assert "expiry_near" in problems[0].msg and "grace_ending" in problems[0].msg
