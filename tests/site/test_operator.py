"""Who stands behind the site: every footer names the operator and, once set, its ICP 备案号; production
refuses to start without a legal name and a contact."""

import pytest

from leads.checks import check_lead_recipient_and_notifications
from permitsite.checks import check_operator_is_named
from tests.public_pages import PAGES_FOUND, page_path

pytestmark = pytest.mark.django_db

OPERATOR = "上海示例信息科技有限公司"
ICP = "沪ICP备12345678号-1"


@pytest.fixture
def operator(settings):
    settings.SITE_OPERATOR = OPERATOR
    settings.SITE_ICP_RECORD = ICP
    return settings


@pytest.mark.parametrize("page", PAGES_FOUND, ids=str)
def test_every_public_page_names_the_operator_and_its_icp_record(client, operator, page):
    html = client.get(page_path(page, client)).content.decode()
    assert f"运营者：{OPERATOR}" in html
    assert f'<a href="https://beian.miit.gov.cn/">{ICP}</a>' in html
    assert 'href="/about/"' in html


def test_error_pages_carry_the_footer_too(client, operator):
    html = client.get("/no-such-page/").content.decode()
    assert OPERATOR in html and ICP in html


def test_without_an_icp_record_the_footer_shows_none(client, settings):
    settings.SITE_ICP_RECORD = ""
    assert "beian.miit.gov.cn" not in client.get("/").content.decode()


def error_ids(errors):
    return [error.id for error in errors]


def test_production_needs_a_legal_name_and_a_contact(settings):
    settings.HTTPS = True
    settings.SITE_OPERATOR = "上海居住证助手运营团队"  # the development fallback
    settings.SITE_CONTACT_PHONE = settings.SITE_CONTACT_EMAIL = settings.PRIVACY_CONTACT_EMAIL = ""
    assert error_ids(check_operator_is_named(None)) == ["permitsite.E101", "permitsite.E102"]
    settings.SITE_OPERATOR = OPERATOR
    settings.SITE_CONTACT_PHONE = "021-5555 1234"
    assert check_operator_is_named(None) == []


def test_development_does_not_ask_for_them(settings):
    settings.HTTPS = False
    settings.SITE_CONTACT_PHONE = settings.SITE_CONTACT_EMAIL = settings.PRIVACY_CONTACT_EMAIL = ""
    assert check_operator_is_named(None) == []


def test_notification_settings_are_checked(settings):
    settings.HTTPS = True
    settings.LEADS_RECIPIENT = ""
    settings.LEADS_NOTIFY_EMAILS = ["team@permit.example"]
    settings.LEADS_NOTIFY_WEBHOOK = "file:///etc/passwd"
    settings.SMTP_HOST = ""
    assert error_ids(check_lead_recipient_and_notifications(None)) == ["leads.E006", "leads.E007"]
    settings.LEADS_NOTIFY_WEBHOOK = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"
    settings.SMTP_HOST = "smtp.exmail.qq.com"
    assert check_lead_recipient_and_notifications(None) == []
