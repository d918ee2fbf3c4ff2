"""B8: what a visitor's browser fetches and how soon it paints: bytes, requests, FCP and load.

    python bench/browser.py --serve [--repeat 3] [--pages front,search,landing]
    python bench/browser.py --url http://127.0.0.1:5000 [--baseline-url URL]

Headless Debian Chromium (Playwright) loads the front page, a search with hits and a report's
landing page over a 10 Mbit/s link (Chromium's network emulation: 10 Mbit/s down, 5 up, 20 ms
round trip). Cold: a fresh browser context (empty cache). Warm: the same page again in that
context, as a visitor's repeat visit; a visit ends after a second without network activity (at
most 30 s after the load event). Transferred bytes and requests come from the DevTools
network events (a request answered from the browser's cache does not count; a revalidation
does); first contentful paint and load from the page's performance entries. Medians of
``--repeat`` runs.

``--serve`` starts two web servers of the instance in the environment (``scripts/bench.sh``
exports the development one) on free loopback ports, one with the page delivery of
``msi_rdm.delivery`` switched off (upstream's answers: uncompressed, static files ``no-cache``)
as the baseline, one as configured, and measures both in the same run.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import report, state_folder  # noqa: E402

MBIT = 1_000_000 / 8
NETWORK = {
    "offline": False,
    "latency": 20,
    "downloadThroughput": 10 * MBIT,
    "uploadThroughput": 5 * MBIT,
}
TARGETS = {"front_cold_bytes": 1_500_000, "front_warm_requests": 5, "fcp_ms": 1000}
"""Issue #19: front page ≤ 1.5 MB transferred cold, ≤ 5 requests warm, FCP ≤ 1 s at 10 Mbit/s."""

BASELINE_ENV = {
    "INVENIO_MSI_DELIVERY_COMPRESS": "False",
    "INVENIO_MSI_DELIVERY_CACHE_STATIC": "False",
}


def free_port():
    """A free loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url):
    """GET ``url`` as JSON."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310 (loopback http)
        return json.load(answer)


def serve(extra_env, log):
    """Start gunicorn on the instance of the environment; return (process, url) once it answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        **extra_env,
        "INVENIO_SITE_UI_URL": url,
        "INVENIO_SITE_API_URL": f"{url}/api",
        "INVENIO_RATELIMIT_ENABLED": "False",
    }
    command = ["gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "120"]
    process = subprocess.Popen(
        [*command, "--no-control-socket", "msi_rdm.wsgi:application"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        try:
            get_json(f"{url}/api/records?size=1")
            return process, url
        except OSError:
            time.sleep(1)
    process.kill()
    raise SystemExit(f"the web server for the benchmark did not start; see {log.name}")


def page_paths(url, names):
    """The paths of the measured pages: front page, a search with hits, a report's landing page."""
    paths = {"front": "/", "search": "/search?q=social+innovation"}
    if "landing" in names:
        query = "q=metadata.resource_type.id:publication-report&size=1&sort=newest"
        found = get_json(f"{url}/api/records?{query}")
        hits = found["hits"]["hits"]
        if not hits:
            raise SystemExit("no public report to open; load the demo collection first")
        paths["landing"] = f"/records/{hits[0]['id']}"
    return {name: paths[name] for name in names}


class NetworkLog:
    """DevTools network events of one page: requests that went to the network and their bytes."""

    def __init__(self, cdp):
        self.reset()
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.requestServedFromCache", lambda e: self.cached.add(e["requestId"]))
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._done)
        cdp.on("Network.dataReceived", self._data)

    def _sent(self, event):
        self.sent.add(event["requestId"])
        self.last = time.monotonic()

    def _response(self, event):
        response = event["response"]
        if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
            self.cached.add(event["requestId"])

    def _data(self, event):
        self.last = time.monotonic()

    def _done(self, event):
        self.last = time.monotonic()

    def _finished(self, event):
        if event["requestId"] not in self.cached:
            self.bytes += event.get("encodedDataLength", 0)
        self._done(event)

    def reset(self):
        """Forget what was seen so far (between the cold and the warm visit)."""
        self.sent, self.cached, self.bytes = set(), set(), 0
        self.last = time.monotonic()

    def settle(self, page, quiet=1.0, limit=30):
        """Wait for ``quiet`` seconds without a network event (at most ``limit`` seconds).

        Requests may stay open without events: the PDF viewer's worker script, whose end the
        page's DevTools session does not see."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if time.monotonic() - self.last >= quiet:
                return True
            page.wait_for_timeout(100)
        return False

    def requests(self):
        """Requests that reached the server (answers from the browser's cache left out)."""
        return len(self.sent - self.cached)


def visit(page, log, url):
    """Load ``url`` until the network is idle; return its measurements."""
    log.reset()
    page.goto(url, wait_until="load", timeout=120_000)
    if not log.settle(page):
        print(f"{url}: the network was still busy 30 s after the load event", file=sys.stderr)
    timing = page.evaluate(
        """() => {
          const paint = performance.getEntriesByName("first-contentful-paint")[0];
          const navigation = performance.getEntriesByType("navigation")[0];
          return {fcp: paint ? paint.startTime : null, load: navigation.loadEventEnd};
        }"""
    )
    return {
        "bytes": log.bytes,
        "requests": log.requests(),
        "fcp_ms": timing["fcp"],
        "load_ms": timing["load"],
    }


def measure(browser, url, repeat):
    """Cold and warm visits of ``url``, ``repeat`` times each; medians of each measurement.

    One visit first, not counted, so that the server has rendered the page once."""
    runs = {"cold": [], "warm": []}
    for number in range(repeat + 1):
        context = browser.new_context(locale="sv-SE")
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        log = NetworkLog(cdp)
        cold = visit(page, log, url)
        warm = visit(page, log, url)
        context.close()
        if number:
            runs["cold"].append(cold)
            runs["warm"].append(warm)
    return {
        visit_kind: {
            key: statistics.median(run[key] for run in found if run[key] is not None)
            for key in ("bytes", "requests", "fcp_ms", "load_ms")
        }
        for visit_kind, found in runs.items()
    }


def launch(playwright):
    """Headless Debian Chromium, as the browser tests run it."""
    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("Debian's chromium is not installed")
    return playwright.chromium.launch(
        executable_path=executable,
        headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    )


def rows_for(results):
    """The Markdown table of the results."""
    rows = [
        "| page | variant | cold kB | cold requests | cold FCP ms | cold load ms "
        "| warm kB | warm requests | warm FCP ms | warm load ms |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, variants in results["pages"].items():
        for variant, found in variants.items():
            cold, warm = found["cold"], found["warm"]
            rows.append(
                f"| {name} | {variant} | {cold['bytes'] / 1000:.0f} | {cold['requests']:.0f} "
                f"| {cold['fcp_ms']:.0f} | {cold['load_ms']:.0f} | {warm['bytes'] / 1000:.0f} "
                f"| {warm['requests']:.0f} | {warm['fcp_ms']:.0f} | {warm['load_ms']:.0f} |"
            )
        if "baseline" in variants:
            base, msi = variants["baseline"]["cold"], variants["msi"]["cold"]
            rows.append(
                f"| {name} | ratio msi/baseline | {msi['bytes'] / base['bytes']:.2f} "
                f"| | {msi['fcp_ms'] / base['fcp_ms']:.2f} "
                f"| {msi['load_ms'] / base['load_ms']:.2f} | | | | |"
            )
    front = results["pages"].get("front", {}).get("msi")
    if front:
        rows.append(
            f"| front | target | ≤ {TARGETS['front_cold_bytes'] / 1000:.0f} | | "
            f"≤ {TARGETS['fcp_ms']} | | | ≤ {TARGETS['front_warm_requests']} | | |"
        )
    return rows


def main():
    """Measure the pages with the configured delivery and, given a baseline, without it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="the site as configured (default: start one, --serve)")
    parser.add_argument("--baseline-url", help="the same site with msi_rdm.delivery off")
    parser.add_argument("--serve", action="store_true", help="start both servers here")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", default="front,search,landing")
    args = parser.parse_args()
    if not args.url and not args.serve:
        parser.error("give --url or --serve")
    from playwright.sync_api import sync_playwright

    servers = []
    log_path = state_folder() / "log" / "bench-browser-web.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w") as log:
        try:
            variants = {}
            if args.serve:
                process, variants["baseline"] = serve(BASELINE_ENV, log)
                servers.append(process)
                process, variants["msi"] = serve({}, log)
                servers.append(process)
            else:
                if args.baseline_url:
                    variants["baseline"] = args.baseline_url
                variants["msi"] = args.url
            paths = page_paths(variants["msi"], args.pages.split(","))
            results = {"network": NETWORK, "repeat": args.repeat, "pages": {}}
            with sync_playwright() as playwright:
                browser = launch(playwright)
                for name, path in paths.items():
                    results["pages"][name] = {
                        variant: measure(browser, base + path, args.repeat)
                        for variant, base in variants.items()
                    }
                browser.close()
        finally:
            for process in servers:
                process.terminate()
                process.wait(timeout=30)
    report("browser", results, rows_for(results))


if __name__ == "__main__":
    main()
