"""`make bench`: the ceiling view exists only in the benchmark configuration, and the numbers it
prints are read correctly from its load generators."""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client, override_settings

from scripts import bench
from scripts.pages import PageUnreachable, Target, open_page
from scripts.serve import cpu_seconds, fetch
from tests.public_pages import PUBLIC_PAGES, PublicPage, first_link, page_path

WRK_OUTPUT = """Running 1s test @ http://127.0.0.1:8001/
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    73.03ms   55.15ms 241.37ms   78.95%
    Req/Sec    36.25     17.38    50.00     75.00%
  Latency Distribution
     50%  847.24us
     75%   80.46ms
     90%  173.40ms
     99%    1.41s
  32 requests in 1.04s, 106.91KB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:     30.83
Transfer/sec:    103.01KB
"""


def test_wrk_output_is_read_in_milliseconds_with_every_kind_of_error_counted():
    assert bench.parse_wrk(WRK_OUTPUT) == (30.83, 0.84724, 1410.0, 7)


def test_percentile_picks_the_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert bench.percentile(values, 50) == 51.0
    assert bench.percentile(values, 99) == 99.0
    assert bench.percentile([], 99) == 0.0


def test_table_gives_each_endpoint_its_share_of_the_ceiling_and_lists_failed_pages():
    rows = [
        bench.Measurement(bench.CEILING.name, "GET /__bench__/ceiling", 2000, 5.0, 9.0, cpu_ms=0.61),
        bench.Measurement("home", "GET /", 1500, 7.0, 20.0, cpu_ms=0.8),
        "FAILED: guide list: GET /guides/ answered 404, not 200",
    ]
    text = bench.table(rows)
    assert "| home | `GET /` | 1500 | 7.0 | 20.0 | – | 75% | 0.80 | 0 |" in text
    assert "- FAILED: guide list: GET /guides/ answered 404, not 200" in text


def test_an_endpoint_is_reported_by_its_best_clean_round_with_the_worst_tail_and_every_error(monkeypatch):
    """A round whose connections all landed on one worker is slower; the best round without errors measures
    the page, and the p99 is the worst round's."""
    rounds = iter([(835.0, 19.0, 40.0, 0), (2400.0, 3.0, 9.0, 5), (1900.0, 8.5, 31.0, 0)])
    monkeypatch.setattr(bench, "warm_up", lambda url, target: None)
    monkeypatch.setattr(bench, "cpu_seconds", lambda pid: 0.0)
    args = bench.parse_args(["--rounds", "3", "--seconds", "1"])
    result = bench.measure(Target("home", "/"), "http://x", 1, lambda *a: next(rounds), args)
    assert (result.requests_per_second, result.p50_ms, result.p99_ms) == (1900.0, 8.5, 40.0)
    assert result.errors == 5
    assert result.rounds == (835.0, 2400.0, 1900.0)
    assert "| 835 / 2400 / 1900 |" in bench.table([result])


def test_each_endpoint_is_compared_with_the_ceiling_measured_beside_it(monkeypatch):
    """Each round of a page follows a round of the ceiling; the share is against the best of those, so a
    machine that slows down during a run slows the page and its ceiling alike."""
    monkeypatch.setattr(bench, "warm_up", lambda url, target: None)
    monkeypatch.setattr(bench, "cpu_seconds", lambda pid: 0.0)
    by_path = {
        "/__bench__/ceiling": iter([(2000.0, 4.0, 9.0, 0), (900.0, 9.0, 30.0, 0), (1800.0, 4.0, 9.0, 0)]),
        "/": iter([(1100.0, 6.0, 20.0, 0), (400.0, 12.0, 50.0, 0), (1000.0, 6.0, 20.0, 0)]),
    }
    args = bench.parse_args(["--rounds", "3", "--seconds", "1"])
    result = bench.measure(
        Target("home", "/"),
        "http://x",
        1,
        lambda url, *a: next(by_path[url[len("http://x") :]]),
        args,
        beside=bench.CEILING,
    )
    assert (result.requests_per_second, result.ceiling_beside) == (1100.0, 2000.0)
    earlier_ceiling = bench.Measurement(bench.CEILING.name, "GET /__bench__/ceiling", 4000, 3.0, 9.0)
    assert "| home | `GET /` | 1100 | 6.0 | 50.0 | 2000 | 55% |" in bench.table([earlier_ceiling, result])


def test_writing_the_results_keeps_the_hand_written_parts_of_the_document(tmp_path, monkeypatch):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\nintro\n\n{bench.START}\nold table\n{bench.END}\n\n## Tuning\nnotes\n")
    monkeypatch.setattr(bench, "DOC", doc)
    bench.write_doc("new table")
    assert doc.read_text() == (
        f"# Benchmarks\n\nintro\n\n{bench.START}\nnew table\n{bench.END}\n\n## Tuning\nnotes\n"
    )


def test_one_guide_is_found_from_the_list_page_by_its_link():
    html = '<a href="/">首页</a><a href="/guides/feed/">订阅</a><a href="/guides/renew-online/">网上签注</a>'
    assert first_link(html, r"/guides/[\w-]+/") == "/guides/feed/"
    assert first_link(html, r"/guides/(?!feed/)[\w-]+/") == "/guides/renew-online/"
    assert first_link(html, r"/jifen/result/\w+/") is None


def test_server_cpu_time_is_read_from_proc():
    spent = cpu_seconds(os.getpid())
    sum(range(3_000_000))
    assert cpu_seconds(os.getpid()) > spent > 0


def test_the_ceiling_view_is_not_part_of_the_production_site(client):
    assert client.get("/__bench__/ceiling").status_code == 404


@override_settings(ROOT_URLCONF="permitsite.urls_bench")
def test_the_benchmark_configuration_adds_the_ceiling_beside_the_real_pages():
    client = Client()
    assert client.get("/__bench__/ceiling").content == b"ok\n"
    assert client.get("/ping").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_the_python_load_generator_drives_a_real_server(live_server):
    # Its own thread: once a browser test has run, Playwright keeps an event loop running in this one.
    with ThreadPoolExecutor(1) as thread:
        load = thread.submit(bench.run_python, live_server.url + "/ping", Target("ping", "/ping"), 0.3, 2)
        rate, p50, p99, errors = load.result()
    assert rate > 0
    assert 0 < p50 <= p99
    assert errors == 0


SUMMARY = next(page for page in PUBLIC_PAGES if page.path == "/jifen/check/")


def test_a_page_with_a_visitors_answers_is_measured_with_their_session(seeded_transactional_db, live_server):
    target = open_page(SUMMARY, live_server.url, env={})

    status, final_url, html = fetch(live_server.url + target.path, headers=dict(target.headers))

    assert status == 200
    assert final_url.endswith("/jifen/check/"), "the summary itself, not the step a new visitor is sent to"
    assert "核对答案" in html


def test_a_listed_page_that_stops_answering_fails_the_measuring_tools(seeded_transactional_db, live_server):
    with pytest.raises(PageUnreachable, match="answered 404"):
        open_page(PublicPage("gone", "/no-longer-here/"), live_server.url, env={})
    with pytest.raises(PageUnreachable, match="no link matching"):
        open_page(PublicPage("a gone guide", "/guides/", link=r"/gone/[\w-]+/"), live_server.url, env={})


@pytest.mark.django_db
def test_a_listed_page_that_stops_answering_fails_the_page_tests(client):
    with pytest.raises(AssertionError, match="no link matching"):
        page_path(PublicPage("a gone guide", "/guides/", link=r"/gone/[\w-]+/"), client)
    with pytest.raises(AssertionError, match="answered 200"):  # a step that no longer accepts the answers
        page_path(PublicPage("summary", "/jifen/check/", answered=(("/jifen/basic/", {"age": "x"}),)), client)
