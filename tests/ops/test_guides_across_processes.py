"""Guide pages and their view counts in real gunicorn processes sharing one SQLite database and file cache:
an edit made in another process shows on every server's next request, and views counted in a worker's
memory reach the database when gunicorn stops it."""

import contextlib
import os
import sqlite3
import subprocess
import sys

from tests.ops.browser import Browser
from tests.ops.servers import ROOT, gunicorn, prepare

# SQLite and the file cache in var_dir, whatever the test run itself uses.
SQLITE = {"DATABASE_URL": "", "REDIS_URL": ""}
GUIDE = "/guides/how-to-renew/"


def edit_in_another_process(var_dir, code):
    """Run `code` in a `manage.py shell` of the served site, as an editor's save in admin would."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="permitsite.settings", DJANGO_VAR_DIR=str(var_dir), **SQLITE)
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True, capture_output=True
    )


def stored_view_count(var_dir):
    database = sqlite3.connect(f"file:{var_dir / 'db.sqlite3'}?mode=ro", uri=True)
    with contextlib.closing(database):
        query = "SELECT view_count FROM renewal_article WHERE slug = 'how-to-renew'"
        return database.execute(query).fetchone()[0]


def test_an_edit_in_another_process_shows_on_every_servers_next_request(tmp_path):
    prepare(tmp_path, **SQLITE)
    with (
        gunicorn(tmp_path, GUNICORN_WORKERS="1", **SQLITE) as (url_a, _),
        gunicorn(tmp_path, GUNICORN_WORKERS="1", **SQLITE) as (url_b, _),
    ):
        for base_url in (url_a, url_b):
            for path in (GUIDE, "/guides/"):
                assert "新写的摘要" not in Browser().get(base_url + path)[1]

        edit_in_another_process(
            tmp_path,
            "from renewal.models import Article\n"
            "guide = Article.objects.get(slug='how-to-renew')\n"
            "guide.summary = '新写的摘要'\n"
            "guide.save()\n",
        )

        for base_url in (url_a, url_b):
            for path in (GUIDE, "/guides/"):
                status, page = Browser().get(base_url + path)
                assert status == 200
                assert "新写的摘要" in page, (base_url, path)


def test_views_held_by_the_workers_are_written_when_gunicorn_stops_them(tmp_path):
    prepare(tmp_path, **SQLITE)
    with gunicorn(tmp_path, GUNICORN_WORKERS="2", **SQLITE) as (base_url, _):
        for _ in range(30):
            assert Browser().get(base_url + GUIDE)[0] == 200
        held = stored_view_count(tmp_path)
    # Fewer views than one batch: reading wrote nothing, and stopping the workers wrote them all.
    assert held == 0
    assert stored_view_count(tmp_path) == 30
