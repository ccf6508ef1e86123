"""What slow clients do to the site, with and without the nginx of docs/deploy.md in front of gunicorn.

Serves the site as `make run` does (scripts/serve.py), opens slow clients that send their request one
byte a second (heads that never finish, bodies that trickle in), and meanwhile asks for /ping every half
second as a load balancer would. Then the same with nginx in front, configured with the `nginx` block of
docs/deploy.md itself (only the TLS lines and the addresses changed), so the script tests what the
document says. Prints a table for docs/deploy.md.

    .venv/bin/python -m scripts.slow_clients [--nginx /usr/sbin/nginx] [--slow 24] [--seconds 12]

nginx comes from $NGINX or the PATH; without it only the direct case is measured.
"""

import argparse
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from scripts.serve import ROOT, free_port, served

DEPLOY_DOC = ROOT / "docs" / "deploy.md"
PROBE_TIMEOUT = 5.0


def documented_server_block() -> str:
    """The first `server { … }` of the nginx block in docs/deploy.md (the HTTPS one)."""
    text = DEPLOY_DOC.read_text()
    block = re.search(r"```nginx\n(.*?)```", text, flags=re.DOTALL).group(1)
    start = block.index("server {")
    depth = 0
    for index in range(start, len(block)):
        depth += {"{": 1, "}": -1}.get(block[index], 0)
        if depth == 0 and block[index] == "}":
            return block[start : index + 1]
    raise ValueError("unbalanced nginx block in docs/deploy.md")


def nginx_config(work: Path, listen_port: int, upstream_port: int) -> str:
    server = documented_server_block()
    # Plain HTTP on a loopback port instead of TLS on 443; everything else exactly as documented.
    server = re.sub(r"^\s*(ssl_\w+|http2)\b.*\n", "", server, flags=re.MULTILINE)
    server = re.sub(r"listen\s+443\s+ssl;", f"listen 127.0.0.1:{listen_port};", server)
    server = server.replace(
        "proxy_pass http://127.0.0.1:8000;", f"proxy_pass http://127.0.0.1:{upstream_port};"
    )
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp_paths = "\n".join(f"    {kind}_temp_path {work / kind};" for kind in kinds)
    return f"""daemon off;
worker_processes 1;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
{temp_paths}
{server}
}}
"""


@contextlib.contextmanager
def nginx_in_front(nginx: str, upstream_url: str):
    work = Path(tempfile.mkdtemp(prefix="permitsite-nginx-"))
    port = free_port()
    upstream_port = urllib.parse.urlsplit(upstream_url).port
    (work / "nginx.conf").write_text(nginx_config(work, port, upstream_port))
    process = subprocess.Popen(
        [nginx, "-p", str(work), "-e", str(work / "error.log"), "-c", str(work / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 10
        while probe(f"http://127.0.0.1:{port}")[0] != 200:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("nginx did not start: " + (work / "error.log").read_text())
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def probe(base_url: str) -> tuple[int | None, float]:
    """(status, seconds) of GET /ping on a fresh connection; status None when it timed out or failed."""
    parts = urllib.parse.urlsplit(base_url)
    started = time.monotonic()
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=PROBE_TIMEOUT) as connection:
            connection.settimeout(PROBE_TIMEOUT)
            connection.sendall(b"GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            head = connection.recv(64)
        return int(head.split(b" ", 2)[1]), time.monotonic() - started
    except (OSError, IndexError, ValueError):
        return None, time.monotonic() - started


def slow_client(base_url: str, body: bool, stop: threading.Event):
    """Sends its request one byte a second until stopped: a head that never ends, or a body that trickles."""
    parts = urllib.parse.urlsplit(base_url)
    if body:
        head = b"POST /consult/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        head += b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"
        trickle = b"message=" + b"x" * 100000
    else:
        head, trickle = b"GET / HTTP/1.1\r\n", b"X-Slow: " + b"y" * 100000
    address = (parts.hostname, parts.port)
    with contextlib.suppress(OSError), socket.create_connection(address, timeout=5) as conn:
        if body:
            conn.sendall(head)
        else:
            trickle = head + trickle
        for byte in trickle:
            if stop.wait(1.0):
                return
            conn.sendall(bytes([byte]))


def measure(base_url: str, slow: int, seconds: float) -> dict:
    stop = threading.Event()
    clients = [
        threading.Thread(target=slow_client, args=(base_url, number % 3 == 2, stop), daemon=True)
        for number in range(slow)
    ]
    for client in clients:
        client.start()
    time.sleep(3)  # every slow client has connected and sent its first bytes
    probes = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        probes.append(probe(base_url))
        time.sleep(0.5)
    stop.set()
    answered = [duration for status, duration in probes if status == 200]
    return {
        "probes": len(probes),
        "answered": len(answered),
        "median": statistics.median(answered) if answered else None,
        "slowest": max(answered) if answered else None,
    }


def row(label: str, result: dict) -> str:
    def ms(value):
        return "—" if value is None else f"{value * 1000:.0f} ms"

    answered = f"{result['answered']}/{result['probes']}"
    return f"| {label} | {answered} | {ms(result['median'])} | {ms(result['slowest'])} |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nginx", default=os.environ.get("NGINX") or shutil.which("nginx"))
    parser.add_argument("--slow", type=int, default=24, help="slow clients (a third of them trickle a body)")
    parser.add_argument("--seconds", type=float, default=12, help="how long /ping is probed")
    args = parser.parse_args(argv)

    rows = []
    with served() as (base_url, _, _):
        rows.append(row("gunicorn alone", measure(base_url, args.slow, args.seconds)))
    if args.nginx:
        with served() as (base_url, _, _), nginx_in_front(args.nginx, base_url) as proxied:
            rows.append(row("nginx of docs/deploy.md in front", measure(proxied, args.slow, args.seconds)))
    else:
        rows.append("| nginx of docs/deploy.md in front | not measured: no nginx found | | |")

    workers, threads = os.environ.get("GUNICORN_WORKERS", "3"), os.environ.get("GUNICORN_THREADS", "4")
    print(f"{args.slow} clients sending one byte a second; gunicorn {workers} workers × {threads} threads;")
    print(f"GET /ping every 0.5 s for {args.seconds:.0f} s, {PROBE_TIMEOUT:.0f} s timeout each")
    print("| | /ping answered | median | slowest |")
    print("|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
