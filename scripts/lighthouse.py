"""`make lighthouse`: Lighthouse's mobile scores for each page, against the budgets of DESIGN.md §5.

The site is served as `make run` serves it (scripts/serve.py); Lighthouse 12.2.3 comes from
node_modules (`npm ci`) and drives Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
The pages are those of tests/public_pages.py, opened as their visitor opens them (a page that shows a
person's answers is audited with the session of a visitor who gave them). A page that misses a budget is
audited twice more and judged by the median run (Lighthouse's advice for noisy machines). Exits 1 when a
score misses its budget, naming the audits that cost the points, or when a page does not answer as listed.
Full reports of the last run of each page: var/lighthouse/.
"""

import argparse
import json
import os
import re
import subprocess
import sys

from scripts.pages import PageUnreachable, Target, open_page
from scripts.serve import ROOT, served
from tests.public_pages import PAGES_FOUND

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "var" / "lighthouse"
CHROME_FLAGS = " ".join(
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
)
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def audit(base_url: str, target: Target, indexable: bool = True) -> dict:
    REPORTS.mkdir(parents=True, exist_ok=True)
    url = base_url + target.path
    stem = REPORTS / re.sub(r"\W+", "-", target.name).strip("-")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output=html",
        f"--output-path={stem}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(BUDGETS),
    ]
    if target.headers:
        command.append("--extra-headers=" + json.dumps(dict(target.headers)))
    if not indexable:
        # A stored result says `noindex` on purpose (robots.txt agrees): not an SEO fault.
        command.append("--skip-audits=is-crawlable")
    # Chromium now and then fails to start or to trace (NO_NAVSTART) on a loaded machine: try again.
    for attempt in (1, 2, 3):
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        if result.returncode == 0:
            break
        if attempt == 3:
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(stem.with_suffix(".report.json").read_text())


def scores(report: dict) -> dict[str, int]:
    return {key: round((report["categories"][key]["score"] or 0) * 100) for key in BUDGETS}


def misses(got: dict[str, int]) -> list[str]:
    return [category for category, budget in BUDGETS.items() if got[category] < budget]


def costly_audits(report: dict, category: str) -> list[str]:
    """The audits that took points off `category`, with Lighthouse's own title."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        result = report["audits"][ref["id"]]
        if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1:
            value = f" ({result['displayValue']})" if result.get("displayValue") else ""
            found.append(f"{ref['id']}: {result['title']}{value}")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", default=[], help="pages whose name contains this")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` (make lighthouse does).", file=sys.stderr)
        return 2
    missed = []
    print(f"{'page':<22} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5}  path")
    with served() as (base_url, env, _):
        for page in PAGES_FOUND:
            if args.only and not any(name in page.name for name in args.only):
                continue
            try:
                target = open_page(page, base_url, env)
            except PageUnreachable as error:
                print(f"{page.name:<22} FAILED: {error}", flush=True)
                missed.append(f"FAILED: {error}")
                continue
            report = audit(base_url, target, page.indexable)
            if misses(scores(report)):
                # Performance varies from run to run on a busy machine: judge a miss by the median of three.
                runs = [report, *(audit(base_url, target, page.indexable) for _ in range(2))]
                report = sorted(runs, key=lambda r: scores(r)["performance"])[1]
            got = scores(report)
            print(f"{page.name:<22} " + " ".join(f"{got[k]:>5}" for k in BUDGETS) + f"  {target.path}")
            for category in misses(got):
                missed.append(f"{page.name} {category} {got[category]} < {BUDGETS[category]}")
                missed.extend(f"    {line}" for line in costly_audits(report, category))
            sys.stdout.flush()
    if missed:
        print("\nBudgets missed:\n" + "\n".join(missed))
        return 1
    print("\nEvery page meets every budget (Performance ≥ 95, the others 100).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
