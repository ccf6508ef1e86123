"""The 居转户 check and the school timeline are reachable: home, navigation, sitemap and the result page."""

import pytest

from calculator.results import save_assessment
from calculator.rulesets import ruleset_in_force

pytestmark = pytest.mark.django_db


def test_home_links_both_pages(client):
    html = client.get("/").content.decode()

    assert 'href="/shengxue/"' in html
    assert 'href="/juzhuanhu/"' in html


@pytest.mark.parametrize(("path", "label"), [("/shengxue/", "子女升学"), ("/juzhuanhu/", "居转户")])
def test_the_navigation_marks_each_page_as_current(client, path, label):
    html = client.get(path).content.decode()

    assert f'<a href="{path}" aria-current="page">{label}</a>' in html


def test_the_sitemap_lists_both_pages(client):
    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/shengxue/</loc>" in body
    assert "<loc>http://testserver/juzhuanhu/</loc>" in body


def result_page(client, answers):
    assessment = save_assessment(ruleset_in_force(), answers, recent_contributions=True)
    return assessment.token, client.get(f"/jifen/result/{assessment.token}/").content.decode()


def test_a_passing_result_offers_the_settle_check_and_the_school_timeline(client):
    token, html = result_page(
        client, {"age": 38, "education": "bachelor", "title_skill": "mid_title", "title_base_ok": True}
    )

    assert f'href="/juzhuanhu/?result={token}"' in html
    assert f'href="/shengxue/?result={token}"' in html


def test_a_result_short_of_120_offers_the_school_timeline_only(client):
    token, html = result_page(client, {"age": 30, "education": "bachelor"})

    assert "/juzhuanhu/" not in html.split("<main", 1)[1].split("</main>")[0]
    assert f'href="/shengxue/?result={token}"' in html
