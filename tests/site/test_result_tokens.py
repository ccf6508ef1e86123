"""A result's token arrives from visitors (in a link, in ?result=); a malformed one finds nothing and is
never sent to the database, which may refuse it: PostgreSQL answers a NUL in a text parameter with an
error, which would be a 500 (CI runs these on both databases)."""

import pytest

from calculator.results import is_token, summary_of
from schooling.selftest import parent_result

MALFORMED = ["\x00", "a\x00b", "x" * 33, "中文令牌", "a b", "../x"]


@pytest.mark.parametrize("token", [*MALFORMED, ""])
def test_only_what_secrets_token_urlsafe_makes_is_a_token(token):
    assert not is_token(token)


def test_a_real_token_is_one():
    assert is_token("h7VEts0i8H-cfNCeQFkyCw")


@pytest.mark.django_db
@pytest.mark.parametrize("token", MALFORMED)
def test_lookups_find_nothing(token):
    assert summary_of(token) is None
    assert parent_result(token) is None


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["", "try/", "recompute/"])
@pytest.mark.parametrize("token", ["%00", "a%00b", "x" * 33])
def test_a_malformed_link_is_a_chinese_404(client, token, suffix):
    response = client.get(f"/jifen/result/{token}/{suffix}")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/shengxue/", "/juzhuanhu/", "/consult/"])
@pytest.mark.parametrize("token", MALFORMED)
def test_pages_that_read_a_result_ignore_a_malformed_one(client, path, token):
    assert client.get(path, {"result": token}).status_code == 200
