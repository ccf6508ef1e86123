"""/privacy/ tells a person what 个人信息保护法 says they must be told (articles 17, 23, 28–30, 44–50),
whatever the environment sets; each test names the clause it checks."""

import pytest

from permitsite.privacy import POLICY_VERSION
from tests.html_tree import parse

pytestmark = pytest.mark.django_db


def notice(client):
    return parse(client.get("/privacy/").content).find("main").text()


def test_the_operators_legal_name_and_a_contact_are_always_shown(client, settings):
    # 第十七条（一）: the handler's name and contact (it used to vanish without PRIVACY_CONTACT_EMAIL).
    settings.SITE_OPERATOR = "上海示例信息科技有限公司"
    settings.PRIVACY_CONTACT_EMAIL = ""
    settings.SITE_CONTACT_EMAIL = ""
    settings.SITE_CONTACT_PHONE = "021-5555 1234"
    text = notice(client)
    assert "本站由 上海示例信息科技有限公司 运营，它是您个人信息的处理者" in text
    assert "电话： 021-5555 1234" in text
    settings.SITE_CONTACT_EMAIL = "hello@permit.example"
    assert "个人信息问题专用邮箱： hello@permit.example" in notice(client)
    settings.PRIVACY_CONTACT_EMAIL = "privacy@permit.example"
    assert "privacy@permit.example" in notice(client)


def test_every_right_has_a_way_to_exercise_it(client):
    # 第四十四条至第四十八条, 第五十条: access, copy, correct, supplement, delete, withdraw, port, explain.
    rows = parse(client.get("/privacy/").content).by_id("rights-table").find_all("tr")
    ways = {row.find_all("td")[0].text(): row.find_all("td")[1].text() for row in rows[1:]}
    assert list(ways) == [
        "查阅、复制您的咨询记录",
        "更正、补充",
        "删除",
        "撤回同意",
        "把信息转移给其他机构",
        "签注短信提醒：查阅、更正、删除、撤回同意",
        "要求解释处理规则",
    ]
    assert all(len(way) > 10 for way in ways.values())
    text = notice(client)
    assert "15 个工作日内答复" in text and "会说明理由" in text
    assert "近亲属" in text  # 第四十九条


def test_there_is_a_complaint_channel_beyond_us(client):
    # 第五十条, 第六十五条: the courts when we refuse; complaints to the authorities.
    text = notice(client)
    assert "网信部门" in text and "12377" in text
    assert "人民法院提起诉讼" in text


def test_retention_has_upper_bounds_for_logs_results_and_share_links(client):
    # 第十七条（二）: how long each kind of data is kept.
    text = notice(client)
    assert "最长不超过 200 天" in text
    assert "自测结果和分享链接：自生成起 365 天" in text
    assert "自提交起最多保存 180 天" in text


def test_the_access_log_is_described_as_it_is(client):
    text = notice(client)
    for recorded in ("网络地址（IP）", "浏览器标识（User-Agent）", "网址路径（不含问号后面的参数）"):
        assert recorded in text


def test_it_says_where_the_data_is_stored(client):
    assert "存储在中华人民共和国境内的服务器上" in notice(client)


def test_stored_results_are_called_de_identified_not_anonymous(client):
    text = notice(client)
    assert "去标识化" in text and "不是匿名信息" in text
    assert "匿名自测结果" not in text


def test_detention_and_crime_answers_are_named_as_likely_sensitive(client):
    # 第二十八条至第三十条: sensitive data, its necessity and its impact, separate consent.
    text = notice(client)
    assert "行政拘留、刑事处罚" in text and "敏感个人信息" in text
    assert "可能让您受到歧视" in text
    assert "单独的选项，默认不勾选" in text


def test_the_recipient_of_leads_is_named_only_when_there_is_one(client, settings):
    # 第二十三条: another handler's name and contact, with separate consent.
    settings.LEADS_RECIPIENT = ""
    assert "接收您咨询信息的公司" not in notice(client)
    settings.LEADS_RECIPIENT = "上海示例咨询服务有限公司"
    settings.LEADS_RECIPIENT_CONTACT = "021-5555 0000"
    text = notice(client)
    assert "接收您咨询信息的公司" in text
    assert "上海示例咨询服务有限公司 （联系方式：021-5555 0000）" in text
    assert "另行勾选同意" in text


def test_the_consultants_notifications_are_described(client):
    assert "遮盖后的手机号" in notice(client)


def test_the_consent_names_the_version_of_this_notice(client):
    assert POLICY_VERSION == "1.5"
    assert f"版本 {POLICY_VERSION}" in client.get("/consult/").content.decode()
