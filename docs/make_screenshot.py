"""Make docs/report-screenshot.png: the HTML report of a real run, photographed in headless Chromium.

    reelcheck check examples/ --format json --include-text -o /tmp/report.json
    python docs/make_screenshot.py /tmp/report.json            # -> docs/report-screenshot.png

The JSON report is replayed through the HTML reporter (begin / document / error / end, as the CLI
does), written next to the picture as a temporary file and opened in /usr/bin/chromium with
Playwright (`pip install playwright`; no browser is downloaded). Without Playwright it falls back to
`chromium --headless --screenshot`. By default the first highlighted error is focused so the picture
shows its explanation; `--no-tooltip` leaves it out.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.reporters.base import ReportOptions  # noqa: E402
from checker.reporters.html import HtmlReporter  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
HEADER_KEYS = ("schema_version", "tool", "markets", "packs")


def render(report: dict, title: str) -> str:
    """The HTML report for a JSON report (the dict of docs/report-format.md)."""
    out = io.StringIO()
    reporter = HtmlReporter(out, ReportOptions(title=title))
    reporter.begin({k: report.get(k) for k in HEADER_KEYS})
    for doc in report.get("documents") or ():
        reporter.document(doc)
    for err in report.get("errors") or ():
        reporter.error(err)
    reporter.end(report.get("summary") or {})
    return out.getvalue()


def shoot_playwright(html: Path, png: Path, width: int, height: int, tooltip: bool, full_page: bool) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.goto(html.resolve().as_uri())
            page.wait_for_function("() => window.__reelcheckReady === true", timeout=60_000)
            if tooltip:
                page.evaluate("""() => {
                    const m = document.querySelector('mark.hl.sev-error:not(.pt)') || document.querySelector('mark.hl');
                    if (m && m.getBoundingClientRect().bottom < window.innerHeight - 240) m.focus({preventScroll: true});
                }""")
                page.wait_for_timeout(150)
            page.screenshot(path=str(png), full_page=full_page)
        finally:
            browser.close()


def shoot_cli(html: Path, png: Path, width: int, height: int) -> None:
    subprocess.run([CHROMIUM, *ARGS, "--hide-scrollbars", f"--window-size={width},{height}",
                    f"--screenshot={png}", html.resolve().as_uri()], check=True, capture_output=True, timeout=120)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Screenshot the HTML report of a JSON report.")
    parser.add_argument("report", type=Path, help="a JSON report (reelcheck ... --format json --include-text)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "report-screenshot.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1500)
    parser.add_argument("--title", default="reelcheck report")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not just the first screen")
    parser.add_argument("--no-tooltip", action="store_true", help="do not focus the first highlight")
    parser.add_argument("--keep-html", type=Path, help="also keep the HTML report at this path")
    args = parser.parse_args(argv)

    report = json.loads(args.report.read_text(encoding="utf-8"))
    if not any(d.get("text") or d.get("fields") for d in report.get("documents") or ()):
        print("warning: the JSON report has no document text; write it with --include-text", file=sys.stderr)
    html_text = render(report, args.title)
    if not os.path.exists(CHROMIUM):
        print(f"error: no browser at {CHROMIUM} (apt-get install chromium fonts-noto-cjk fonts-thai-tlwg)",
              file=sys.stderr)
        return 2
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = args.keep_html or Path(tmp) / "report.html"
        html.write_text(html_text, encoding="utf-8")
        try:
            shoot_playwright(html, args.output, args.width, args.height, not args.no_tooltip, args.full_page)
        except ImportError:
            shoot_cli(html, args.output, args.width, args.height)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
