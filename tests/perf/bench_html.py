"""Benchmark: how fast a 100,000-record audit's HTML report is written and opens in headless Chromium.

    python tests/perf/bench_html.py                 # 100,000 records, prints the figures
    python tests/perf/bench_html.py --records 20000 --runs 3

Builds a synthetic caption archive audit (60% of records with one to three findings, in English,
Chinese and Thai), streams it through HtmlReporter into tests/perf/_data/, then opens the file in
/usr/bin/chromium through Playwright and measures the time from navigation start until the report's
script has finished (filters applied, first page shown). Needs `pip install playwright` and the
Debian `chromium` package; no browser is downloaded.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.reporters.base import ReportOptions  # noqa: E402
from checker.reporters.html import HtmlReporter  # noqa: E402

DATA = Path(__file__).resolve().parent / "_data"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

CAPTIONS = [
    ("en", "New drop! This serum cures acne in a week, DM me on WhatsApp for the price #skincare",
     [("cures acne", "us.claims.cure", "claim", "error"), ("WhatsApp", "global.offplatform.messaging-app",
                                                            "offplatform", "warning")]),
    ("en", "Guaranteed results or your money back. Comment YES for the link!",
     [("Guaranteed results", "global.claims.guaranteed", "claim", "warning"),
      ("Comment YES", "global.engagement.bait", "engagement", "info")]),
    ("zh", "这款面霜是全网最好的，加微信领优惠 #护肤",
     [("最好", "cn.absolute.zui", "claim", "error"), ("微信", "cn.offplatform.wechat", "offplatform", "warning")]),
    ("th", "ครีมนี้รักษาสิวได้ 100% ใช้แล้วหายขาด สั่งเลย",
     [("รักษาสิว", "th.claims.cure", "claim", "error")]),
    ("en", "Sunset walk with the dog, nothing to sell today", []),
]
MARKETS = {"en": ["us", "uk"], "zh": ["cn"], "th": ["th"]}


def synthetic_documents(records: int, with_findings: float = 0.6):
    """Yield `records` archive-record documents; about `with_findings` of them have findings."""
    period = 10
    flagged = round(with_findings * period)
    for i in range(records):
        lang, caption, specs = CAPTIONS[i % 4] if i % period < flagged else CAPTIONS[4]
        caption = f"{caption} #{i}"
        findings = []
        for needle, rule, category, severity in specs[: 1 + i % 3]:
            start = caption.index(needle)
            findings.append({
                "rule": rule, "category": category, "severity": severity,
                "message": f"Synthetic finding for {rule}", "rationale": "Why this matters in the market.",
                "suggestion": "A lawful wording.", "source": "Synthetic source https://example.org/rules",
                "text": needle, "start": start, "end": start + len(needle), "line": 1, "column": start + 1,
                "end_line": 1, "end_column": start + len(needle), "markets": MARKETS[lang], "segment": "caption",
                "language": lang, "record": f"r{i:06d}", "field": "caption",
            })
        yield {
            "path": "audit/captions.csv", "format": "csv", "record": f"r{i:06d}", "record_line": i + 2,
            "language": lang, "languages": [lang], "markets": MARKETS[lang], "meta": {},
            "fields": {"caption": caption}, "text": None, "findings": findings,
        }


def write_report(path: Path, records: int, max_documents: int = 2000) -> dict:
    """Stream a synthetic audit into an HTML file; return timing and size figures."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = {"schema_version": "1.0", "tool": {"name": "reelcheck", "version": "0.1.0"},
              "markets": ["cn", "th", "uk", "us"],
              "packs": [{"market": m, "name": m.upper(), "version": "2026.11.1", "rules": 20}
                        for m in ("global", "us", "uk", "cn", "th")]}
    buf = io.StringIO()
    reporter = HtmlReporter(buf, ReportOptions(html_max_documents=max_documents))
    started = time.perf_counter()
    reporter.begin(header)
    sev, cat, market, rule = Counter(), Counter(), Counter(), Counter()
    docs_with = findings = 0
    for doc in synthetic_documents(records):
        for f in doc["findings"]:
            sev[f["severity"]] += 1
            cat[f["category"]] += 1
            rule[f["rule"]] += 1
            market.update(f["markets"])
        findings += len(doc["findings"])
        docs_with += bool(doc["findings"])
        reporter.document(doc)
    reporter.end({
        "documents": records, "documents_with_findings": docs_with, "findings": findings,
        "by_severity": {s: sev[s] for s in ("error", "warning", "info")}, "by_category": dict(cat),
        "by_market": dict(market), "by_rule": dict(rule), "records_read": records,
        "records_checked": records, "records_skipped": 0, "records_failed": 0, "errors": 0,
    })
    elapsed = time.perf_counter() - started
    path.write_text(buf.getvalue(), encoding="utf-8")
    return {"records": records, "findings": findings, "write_seconds": elapsed,
            "bytes": path.stat().st_size}


def open_in_chromium(path: Path, runs: int = 1) -> list[dict]:
    """Open the report `runs` times in a fresh page; return the timings of each run (seconds)."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                errors: list[str] = []
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
                started = time.perf_counter()
                page.goto(path.resolve().as_uri(), wait_until="load", timeout=60_000)
                page.wait_for_function("() => window.__reelcheckReady === true", timeout=60_000)
                wall = time.perf_counter() - started
                in_page = page.evaluate(
                    "() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return {ready: performance.now(), load: n ? n.loadEventEnd : null,"
                    " dcl: n ? n.domContentLoadedEventEnd : null}; }")
                rows = page.locator("#rc-rest-body tr").count()
                results.append({"wall_seconds": wall, "ready_ms": in_page["ready"], "load_ms": in_page["load"],
                                 "dom_content_loaded_ms": in_page["dcl"], "rest_rows_drawn": rows,
                                 "errors": errors})
                page.close()
        finally:
            browser.close()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-documents", type=int, default=2000)
    args = parser.parse_args(argv)
    target = DATA / f"bench_{args.records}.html"
    figures = write_report(target, args.records, args.max_documents)
    print(f"records: {figures['records']:,}  findings: {figures['findings']:,}")
    print(f"HtmlReporter wrote {figures['bytes'] / 1e6:.1f} MB in {figures['write_seconds']:.2f} s -> {target}")
    if not os.path.exists(CHROMIUM):
        print(f"no browser at {CHROMIUM}: apt-get install chromium to measure the open time")
        return 0
    for i, r in enumerate(open_in_chromium(target, args.runs), 1):
        print(f"open #{i}: ready {r['ready_ms'] / 1000:.2f} s after navigation start "
              f"(DOMContentLoaded {r['dom_content_loaded_ms'] / 1000:.2f} s), wall {r['wall_seconds']:.2f} s, "
              f"{r['rest_rows_drawn']} summary rows drawn, errors: {r['errors'] or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
