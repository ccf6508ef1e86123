"""Serve the site the way `make run` does, on a fresh database, for the measuring tools.

gunicorn with gunicorn.conf.py, DEBUG off, `migrate` and `collectstatic` into a temporary
DJANGO_VAR_DIR (so SQLite, the file cache, the secret key and the static files are all new and
nothing of the developer's var/ is touched). Used by `make bench` and `make lighthouse`.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_environment(var_dir: Path, port: int, settings_module: str, extra: dict | None = None) -> dict:
    env = dict(os.environ)
    # A fresh SQLite database and the shared file cache, as `make run` gives a newcomer.
    for name in ("DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG", "DJANGO_HTTPS"):
        env.pop(name, None)
    env.update(
        DJANGO_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE=settings_module,
        PORT=str(port),
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.update(extra or {})
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


@contextlib.contextmanager
def served(settings_module: str = "permitsite.settings", extra_env: dict | None = None):
    """Yield (base URL, environment, master pid) of a gunicorn serving the site; stop it and clean up."""
    var_dir = Path(tempfile.mkdtemp(prefix="permitsite-served-"))
    port = free_port()
    env = server_environment(var_dir, port, settings_module, extra_env)
    log_path = var_dir / "gunicorn.log"
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        with open(log_path, "wb") as log:
            server = subprocess.Popen(
                [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "permitsite.wsgi"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        base_url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base_url, server, log_path)
            yield base_url, env, server.pid
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def wait_until_up(base_url: str, server: subprocess.Popen, log_path: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}:\n{log_path.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(base_url + "/ping", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer /ping within {timeout:.0f} s")


def fetch(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None):
    """(status, final URL, text) of one request; redirects are followed, errors are answers."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.url, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, url, error.read().decode("utf-8", "replace")


def call_in_django(env: dict, dotted: str) -> str | None:
    """Run a `module.function` in the served database and return what it prints, or None if it is missing.

    Pages such as a stored result need a row before they exist; the function that makes one lives with
    its app and returns the page's path.
    """
    module, _, function = dotted.rpartition(".")
    code = (
        "import importlib, sys\n"
        f"try:\n    fn = getattr(importlib.import_module({module!r}), {function!r})\n"
        "except (ImportError, AttributeError):\n    sys.exit(3)\n"
        "print(fn())\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode == 3:
        return None
    if result.returncode != 0:
        raise RuntimeError(f"{dotted} failed:\n{result.stderr[-2000:]}")
    return result.stdout.strip().splitlines()[-1]


def cpu_seconds(master_pid: int) -> float:
    """CPU time used so far by gunicorn's master and workers (Linux /proc), or 0.0 where unknown.

    Unlike requests/s, this hardly changes when other programs share the machine.
    """
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in [master_pid, *_children(master_pid)]:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # utime and stime; for the master also cutime and cstime, the time of the workers it has
        # reaped (gunicorn recycles workers after max_requests).
        counted = fields[11:15] if pid == master_pid else fields[11:13]
        total += sum(int(ticks) for ticks in counted) / tick
    return total


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []
