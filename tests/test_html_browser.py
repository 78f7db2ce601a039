"""The HTML report in a real browser: Debian's /usr/bin/chromium driven by Playwright (no download).

CI installs `chromium fonts-noto-cjk fonts-thai-tlwg` (apt) and `playwright` (pip). These tests are
skipped, with the reason, only when that browser or the Playwright package is missing.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from reporter_samples import XSS_CAPTION, run, sample_documents, sample_report

from checker.reporters.html import HtmlReporter

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

if not os.path.exists(CHROMIUM):
    pytest.skip(f"no browser at {CHROMIUM} (apt-get install chromium fonts-noto-cjk fonts-thai-tlwg)",
                allow_module_level=True)
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    pytest.skip("the playwright Python package is not installed (pip install playwright; no browser download "
                "needed)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(run(HtmlReporter), encoding="utf-8")
    return path


class Opened:
    def __init__(self, page, problems, dialogs):
        self.page, self.problems, self.dialogs = page, problems, dialogs


@pytest.fixture
def open_page(browser):
    pages = []

    def _open(path: Path, hash_: str = "", width: int = 1280) -> Opened:
        page = browser.new_page(viewport={"width": width, "height": 900})
        problems: list[str] = []
        dialogs: list[str] = []
        page.on("console", lambda m: m.type in ("error", "warning") and problems.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: problems.append(f"request: {r.url}"))

        def on_dialog(dialog):
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.resolve().as_uri() + hash_)
        page.wait_for_function("() => window.__reelcheckReady === true", timeout=30_000)
        pages.append(page)
        return Opened(page, problems, dialogs)

    yield _open
    for page in pages:
        page.close()


def test_page_loads_without_console_errors(open_page, report_file):
    opened = open_page(report_file)
    page = opened.page
    assert page.title() == "reelcheck report"
    assert page.locator("article.doc").count() == 9
    assert "Showing 9 documents with 12 findings" in page.locator("#rc-status").inner_text()
    page.wait_for_timeout(200)
    assert opened.problems == []


def test_highlights_sit_on_the_right_words(open_page, report_file):
    page = open_page(report_file).page
    got = page.evaluate("""() => {
        const out = {};
        document.querySelectorAll('article.doc').forEach(card => {
            const n = card.dataset.n;
            card.querySelectorAll('li.finding').forEach(li => {
                const i = li.dataset.i;
                const marks = [...card.querySelectorAll('mark.hl')]
                    .filter(m => m.dataset.f.split(' ').includes(i));
                out[n + '/' + i] = marks.map(m => m.textContent).join('');
            });
        });
        return out;
    }""")
    expected = {f"{n}/{i}": f["text"] for n, d in enumerate(sample_documents()) for i, f in enumerate(d["findings"])}
    assert got == expected
    # and they are drawn: a highlighted word has a box on screen with the severity colour
    box = page.locator("#doc-1 mark.hl", has_text="最好").bounding_box()
    assert box and box["width"] > 10 and box["height"] > 10


def test_a_filter_click_hides_the_other_categories(open_page, report_file):
    page = open_page(report_file).page
    page.click(".chip[data-facet=cat][data-value=offplatform]")
    visible = page.evaluate("""() => [...document.querySelectorAll('li.finding')]
        .filter(li => li.offsetParent !== null).map(li => li.dataset.cat)""")
    assert visible == ["offplatform", "offplatform"]
    assert page.locator("article.doc:visible").count() == 2  # the English script and the Chinese caption
    assert page.locator("#doc-0 mark.hl:not(.off)").all_inner_texts() == ["WhatsApp"]
    assert page.get_attribute(".chip[data-facet=cat][data-value=offplatform]", "aria-pressed") == "true"
    assert "cat=offplatform" in page.evaluate("location.hash")


def test_the_url_hash_restores_filters(open_page, report_file):
    page = open_page(report_file, "#sev=error&market=th").page
    assert page.get_attribute(".chip[data-facet=sev][data-value=error]", "aria-pressed") == "true"
    visible = page.evaluate("""() => [...document.querySelectorAll('li.finding')]
        .filter(li => li.offsetParent !== null).map(li => li.dataset.rule)""")
    assert visible == ["th.claims.cure"]
    page.fill("#rc-q", "")
    page.select_option("#rc-rule", "")
    page.click("#rc-clear")
    assert page.evaluate("location.hash") == ""
    page.fill("#rc-q", "v124")
    page.wait_for_function("() => document.querySelectorAll('article.doc:not(.flt-hide)').length === 1")
    assert "q=v124" in page.evaluate("location.hash")


def test_xss_payload_is_text_and_never_runs(open_page, tmp_path):
    report = sample_report()
    report["documents"][7]["record"] = "<img src=x onerror=alert(2)>"  # a record id in the summary table
    full = tmp_path / "full.html"
    full.write_text(run(HtmlReporter, report), encoding="utf-8")
    small = tmp_path / "small.html"  # the same record listed from the embedded JSON instead
    small.write_text(run(HtmlReporter, report, html_max_documents=1), encoding="utf-8")
    for path in (full, small):
        opened = open_page(path)
        page = opened.page
        for mark in page.locator("mark.hl").all():
            mark.hover()
            mark.focus()
        page.wait_for_timeout(300)
        assert opened.dialogs == []
        assert page.locator("img").count() == 0
        assert page.locator("main script").count() == (1 if path is small else 0)  # only our JSON data
        assert opened.problems == []
    page = open_page(full).page
    assert XSS_CAPTION in page.locator("#doc-7 .text").first.text_content()
    page = open_page(small).page
    assert "<img src=x onerror=alert(2)>" in page.locator("#rc-rest-body").inner_text()


def test_focus_on_a_highlight_shows_why_and_what_to_write(open_page, report_file):
    page = open_page(report_file).page
    page.focus("#doc-0 mark.hl:has-text('cures acne')")
    tip = page.locator("#rc-tip")
    assert tip.is_visible()
    text = tip.inner_text()
    assert "Disease claim" in text and "Why:" in text and "Instead:" in text and "Source:" in text
    assert tip.locator("a[href^='https://www.ftc.gov']").count() == 1
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_side_list_jumps_to_the_highlight(open_page, report_file):
    page = open_page(report_file).page
    page.click("#f-1-1 a.jump")
    assert page.evaluate("document.activeElement.textContent") == "微信"
    assert page.evaluate("location.hash") == ""


def test_keyboard_reaches_the_highlights(open_page, report_file):
    page = open_page(report_file).page
    page.focus("#rc-clear")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    assert page.evaluate("document.activeElement.tagName") == "MARK"


def test_readable_at_phone_width(open_page, report_file):
    page = open_page(report_file, width=390).page
    assert page.evaluate("document.documentElement.scrollWidth") <= 392
    box = page.locator("#doc-2 .text").first.bounding_box()
    assert box["width"] > 300


def test_a_100000_record_report_opens_fast(open_page, tmp_path):
    sys.path.insert(0, str(Path(__file__).parent / "perf"))
    try:
        import bench_html
    finally:
        sys.path.pop(0)
    path = tmp_path / "big.html"
    figures = bench_html.write_report(path, 100_000)
    started = time.perf_counter()
    opened = open_page(path)
    wall = time.perf_counter() - started
    ready = opened.page.evaluate("performance.now()") / 1000
    print(f"\n100,000-record report ({figures['bytes'] / 1e6:.1f} MB): ready {ready:.2f} s after navigation "
          f"start, {wall:.2f} s wall (see tests/perf/bench_html.py)")
    assert opened.problems == []
    assert opened.page.locator("#rc-rest-body tr").count() == 100
    assert "(documents with findings first)" in opened.page.locator("#rc-omitted").inner_text()
    assert ready < 6.0  # the target is 3 s; the bound leaves room for a loaded CI machine


def test_print_stylesheet_hides_the_controls(open_page, report_file):
    page = open_page(report_file).page
    page.emulate_media(media="print")
    assert not page.locator("#rc-filters").is_visible()
    assert page.locator("article.doc").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('.doc-b')).gridTemplateColumns.split(' ').length") == 1
