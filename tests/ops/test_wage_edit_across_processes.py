"""A wage figure saved in one process is used by two other servers on their very next request.

Two gunicorn masters (two workers each) share one SQLite database and the file cache in one var
directory, as `make run` sets up a host; the edit is made by a third process (manage.py shell), so only
the shared stamp can tell the servers. The PostgreSQL + Redis pass repeats this through the admin of one
server (tests/ops/test_scale_out.py).
"""

import json
import os
import subprocess
import sys
import urllib.request

from tests.ops.servers import ROOT, gunicorn, prepare

ADD_PERIOD = """
import datetime
from calculator.models import WagePeriod
WagePeriod.objects.create(
    period_from=datetime.date(2026, 7, 1), period_to=datetime.date(2027, 6, 30),
    monthly_average=12600, base_floor=7560, base_ceiling=37800, source="测试：另一个进程录入",
)
"""


def average_wage(base_url):
    with urllib.request.urlopen(base_url + "/api/v1/rules?as_of=2026-08-01", timeout=10) as response:
        return json.load(response)["average_wage"]


def insurance_step(base_url):
    with urllib.request.urlopen(base_url + "/jifen/insurance/", timeout=10) as response:
        return response.read().decode()


# One host on its own: SQLite and the file cache in the var directory, whatever the test run itself uses.
ONE_HOST = {"DATABASE_URL": "", "REDIS_URL": ""}


def test_a_wage_period_added_elsewhere_is_used_by_every_server_next(tmp_path):
    var_dir = tmp_path / "host"
    prepare(var_dir, **ONE_HOST)
    with gunicorn(var_dir, **ONE_HOST) as (url_a, _), gunicorn(var_dir, **ONE_HOST) as (url_b, _):
        for url in (url_a, url_b) * 3:  # warm every worker of both servers
            assert (average_wage(url)["monthly"], average_wage(url)["provisional"]) == (12434, True)

        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        env.update(DJANGO_SETTINGS_MODULE="permitsite.settings", DJANGO_VAR_DIR=str(var_dir), **ONE_HOST)
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-v0", "-c", ADD_PERIOD], cwd=ROOT, env=env, check=True
        )

        for url in (url_a, url_b) * 3:
            wage = average_wage(url)
            assert (wage["monthly"], wage["provisional"]) == (12600, False)
        for url in (url_a, url_b):
            assert "12,600 元/月" in insurance_step(url)
