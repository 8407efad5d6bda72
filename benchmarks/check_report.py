"""Open every page of a built report in headless Chromium with the network off.

    python benchmarks/check_report.py reports/ukraine-weapons-2024-05 [--screenshots docs/img]

Each page is loaded from disk by Debian's ``chromium`` with every host name unresolvable and
a dead proxy, and Chromium's network log is read back: the check fails if any page asked
for anything but ``file://`` and ``data:`` URLs (a script, a stylesheet, a font or an image
from a CDN).  With ``--screenshots`` it also saves PNGs
of the index and of the first annotated article (used in the README).  Install Chromium with
``apt-get install chromium``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium not found: apt-get install chromium")


def page_requests(netlog: Path) -> set[str]:
    """URLs the page itself requested (network isolation key of a file:// page).

    Chromium's own background traffic (update checks, accounts) has another isolation key
    and is not the page's doing, so it is left out.
    """
    text = netlog.read_text(errors="replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:  # a log cut short when Chromium exited
        data = json.loads(text.rstrip().rstrip(",") + "]}")
    urls = set()
    for event in data.get("events", []):
        params = event.get("params") or {}
        if "url" in params and str(params.get("network_isolation_key", "")).startswith("file://"):
            urls.add(params["url"])
    return urls


def load(page: Path, browser: str, screenshot: Path | None = None, height: int = 1600) -> set[str]:
    """Load one page; return the non-local URLs it requested."""
    with tempfile.TemporaryDirectory() as tmp:
        netlog = Path(tmp) / "net.json"
        cmd = [browser, *FLAGS, f"--user-data-dir={tmp}/profile", f"--log-net-log={netlog}",
               f"--window-size=1280,{height}", "--virtual-time-budget=3000"]
        cmd += [f"--screenshot={screenshot}"] if screenshot else ["--dump-dom"]
        subprocess.run([*cmd, page.resolve().as_uri()], capture_output=True, timeout=120)
        urls = page_requests(netlog) if netlog.exists() else set()
    return {u for u in urls if not u.startswith(("file:", "data:", "chrome:", "about:"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="an event folder of a built report (with index.html)")
    parser.add_argument("--screenshots", type=Path, help="save index.png and article.png here")
    args = parser.parse_args()
    index = args.report / "index.html"
    if not index.is_file():
        sys.exit(f"{index}: not found; build the report first (make report)")
    browser = chromium()
    pages = sorted(args.report.rglob("*.html"))
    start = time.perf_counter()
    bad = {}
    for page in pages:
        external = load(page, browser)
        if external:
            bad[str(page.relative_to(args.report))] = sorted(external)
    print(f"{len(pages)} pages loaded in headless Chromium with the network off "
          f"({time.perf_counter() - start:.1f} s); pages requesting the network: {len(bad)}")
    for page, urls in bad.items():
        print(f"  {page}: {', '.join(urls[:5])}")
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
        article = sorted((args.report / "articles").glob("*.html"))
        load(index, browser, args.screenshots / "report-index.png", height=1000)
        if article:
            load(article[-1], browser, args.screenshots / "report-article.png", height=1400)
        print(f"screenshots in {args.screenshots}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
