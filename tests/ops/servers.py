"""Start real gunicorn servers, configured as `make run` does, for tests that need whole processes."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


REDIS_SERVER = "/usr/bin/redis-server"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not come up")


@contextlib.contextmanager
def gunicorn(var_dir, *extra_args, **environ):
    """A gunicorn master on a free loopback port; yields (base_url, process).

    Its logs go to var_dir/gunicorn.log.
    """
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="permitsite.settings",
        DJANGO_VAR_DIR=str(var_dir),
        DJANGO_SECRET_KEY="ops-test-secret-key-" + "x" * 40,
        PORT=str(port),
        GUNICORN_WORKERS="2",
    )
    env.update(environ)
    Path(var_dir).mkdir(parents=True, exist_ok=True)
    log = open(Path(var_dir) / "gunicorn.log", "wb")  # noqa: SIM115 - closed in the finally below
    process = subprocess.Popen(
        [str(GUNICORN), "-c", "gunicorn.conf.py", *extra_args, "permitsite.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url + "/ping")
        yield base_url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def prepare(var_dir, **environ):
    """What `make run` does before serving: migrate and collect static files."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="permitsite.settings", DJANGO_VAR_DIR=str(var_dir), **environ)
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=env, check=True)


@contextlib.contextmanager
def redis_server(directory):
    """A Redis of this test's own on a free port (never the shared one); yields (url, process).

    Stop it mid-test with process.terminate(): a restarted Redis would come back empty, as the shared
    one does (no persistence).
    """
    port = free_port()
    options = {"port": port, "bind": "127.0.0.1", "save": "", "appendonly": "no", "dir": directory}
    options["logfile"] = Path(directory) / "redis.log"
    arguments = [part for name, value in options.items() for part in (f"--{name}", str(value))]
    process = subprocess.Popen([REDIS_SERVER, *arguments])
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                    connection.sendall(b"PING\r\n")
                    if connection.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=10)
