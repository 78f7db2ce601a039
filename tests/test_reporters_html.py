"""The HTML reporter, checked on its output without a browser (see test_html_browser.py for that)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

from reporter_samples import XSS_CAPTION, run, sample_documents, sample_report

from checker.reporters.html import HtmlReporter, highlight, json_for_script


class Page(HTMLParser):
    """Collects what the tests need: marks (with their document and text), tags, text blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[dict] = []
        self.blocks: list[dict] = []
        self.doc: str | None = None
        self.stack: list[str] = []
        self._mark: dict | None = None
        self._block: dict | None = None
        self._block_depth = 0
        self.scripts: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "article" and "doc" in (a.get("class") or "").split():
            self.doc = a.get("data-n")
        if tag == "mark":
            self._mark = {"doc": self.doc, "f": (a.get("data-f") or "").split(), "text": "", "attrs": a}
            self.marks.append(self._mark)
        if tag == "div" and "text" in (a.get("class") or "").split():
            self._block = {"doc": self.doc, "text": ""}
            self.blocks.append(self._block)
            self._block_depth = 0
        elif tag == "div" and self._block is not None:
            self._block_depth += 1
        if tag == "script":
            self._script = []

    def handle_endtag(self, tag):
        if tag == "mark":
            self._mark = None
        if tag == "div" and self._block is not None:
            if self._block_depth == 0:
                self._block = None
            else:
                self._block_depth -= 1
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data):
        if self._mark is not None:
            self._mark["text"] += data
        if self._block is not None:
            self._block["text"] += data
        if self._script is not None:
            self._script.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def marked_text(page: Page, doc: int, i: int) -> str:
    return "".join(m["text"] for m in page.marks if m["doc"] == str(doc) and str(i) in m["f"])


def test_every_finding_is_highlighted_on_exactly_its_words():
    docs = sample_documents()
    page = parse(run(HtmlReporter))
    checked = 0
    for n, doc in enumerate(docs):
        for i, f in enumerate(doc["findings"]):
            assert marked_text(page, n, i) == f["text"], (doc["path"], doc.get("record"), f["rule"])
            checked += 1
    assert checked == sum(len(d["findings"]) for d in docs) == 12
    # spot checks in each script: the marks are these words and nothing around them
    texts = {m["text"] for m in page.marks}
    assert {"cures acne", "WhatsApp", "最好", "微信", "รักษาสิว", "100%", "melts fat", 'Comment "YES"',
            "cures eczema", "Guaranteed results"} <= texts


def test_text_blocks_reproduce_the_original_text_exactly():
    docs = sample_documents()
    page = parse(run(HtmlReporter))
    by_doc: dict[str, list[str]] = {}
    for block in page.blocks:
        by_doc.setdefault(block["doc"], []).append(block["text"])
    for n, doc in enumerate(docs):
        expected = list(doc["fields"].values()) if doc.get("fields") else [doc["text"]]
        assert by_doc[str(n)] == expected


def test_records_are_highlighted_per_field_and_show_their_ids():
    html = run(HtmlReporter)
    page = parse(html)
    # record v123 is document 5: its finding sits in the caption field, not in hashtags
    caption_marks = [m for m in page.marks if m["doc"] == "5"]
    assert [m["text"] for m in caption_marks] == ["cures eczema"]
    assert re.search(r'record <strong>v123</strong>', html)
    assert '<h4 class="fname">caption</h4>' in html and '<h4 class="fname">hashtags</h4>' in html


def test_subtitle_findings_show_cue_and_time():
    html = run(HtmlReporter)
    assert "cue 2 at 00:00:03,200" in html
    assert "cue 3 at 00:00:05,500" in html


def test_missing_disclosure_is_an_empty_marker_at_its_place():
    page = parse(run(HtmlReporter))
    point = [m for m in page.marks if "pt" in m["attrs"]["class"].split()]
    assert len(point) == 1 and point[0]["text"] == "" and point[0]["f"] == ["0"]
    assert point[0]["attrs"]["aria-label"].startswith("Missing here: Sponsored content")


def test_severity_has_a_text_marker_not_only_a_colour():
    html = run(HtmlReporter)
    assert re.search(r'class="badge sev-error"><span aria-hidden="true">\u2716</span> Error', html)
    assert re.search(r'class="badge sev-warning"><span aria-hidden="true">\u25b2</span> Warning', html)
    marks = parse(html).marks
    assert all(m["attrs"].get("tabindex") == "0" and m["attrs"].get("aria-describedby") for m in marks)


def test_script_and_img_in_a_caption_are_escaped():
    html = run(HtmlReporter)
    page = parse(html)
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert [t for t, _ in page.tags if t == "img"] == []
    assert [t for t, _ in page.tags if t == "b"] == []
    assert len([t for t, _ in page.tags if t == "script"]) == 1  # ours only
    # and the payload comes out as the very text of the caption
    assert XSS_CAPTION in [b["text"] for b in page.blocks]


def test_script_is_allowed_by_hash_only():
    html = run(HtmlReporter)
    page = parse(html)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    digest = base64.b64encode(hashlib.sha256(page.scripts[-1].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert "http://" not in re.sub(r'href="[^"]*"|https?://[^\s<"]+', "", html.split("<body>")[0])


def test_summary_and_what_was_checked():
    html = run(HtmlReporter)
    for needle in ("What was checked", "Global platform rules", "2026.11.2", "Most frequent rules",
                   "By severity", "By category", "By market", "Off-platform", "Records read",
                   "row has 5 fields, header has 4", "6 errors must be fixed before posting"):
        assert needle in html, needle
    assert 'href="https://github.com/reelcheck/reelcheck/blob/main/docs/rules/us.md#us.claims.cure"' in html
    assert 'href="https://www.ftc.gov/business-guidance/resources/health-products-compliance-guidance"' in html


def test_large_reports_show_documents_with_findings_first_and_point_to_the_json():
    report = sample_report()
    page_html = run(HtmlReporter, report, html_max_documents=3)
    page = parse(page_html)
    shown = [a["data-n"] for t, a in page.tags if t == "article"]
    assert shown == ["0", "1", "2"]  # the first three documents with findings, in input order
    assert "The JSON report (<code>--format json</code>) has the full data" in page_html
    data = json.loads(page.scripts[0])
    labels = [row[0] for row in data["rows"]]
    assert labels == ["examples/subtitles/tea.srt", "examples/archives/captions.csv#v123",
                      "examples/archives/captions.csv#v124", "examples/archives/captions.csv#v125"]
    assert sum(len(row) - 1 for row in data["rows"]) == 5
    assert "2 documents without findings are not listed" in page_html


def test_documents_without_findings_fill_the_room_left():
    report = sample_report()
    page = parse(run(HtmlReporter, report, html_max_documents=9))
    shown = [a["data-n"] for t, a in page.tags if t == "article"]
    assert shown == ["0", "1", "2", "3", "5", "6", "7", "4", "8"]


def test_embedded_json_cannot_close_its_script_element():
    payload = {"rows": [["</script><script>alert(1)</script>", "<!--", "a & b", "\u2028"]]}
    text = str(json_for_script(payload))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == payload
    report = sample_report()
    report["documents"][7]["record"] = "</script><img src=x onerror=alert(1)>"
    html = run(HtmlReporter, report, html_max_documents=1)
    assert "<img src=x" not in html and html.count("</script>") == 2


def test_overlapping_findings_are_split_into_marks_naming_both():
    counter, first = [0], {}
    html = str(highlight("a cures acne fast", [(0, 2, 12, "warning", "m0"), (1, 8, 17, "error", "m1")],
                         7, counter, first))
    page = parse(f'<article class="doc" data-n="7"><div class="text">{html}</div></article>')
    assert [(m["text"], m["f"]) for m in page.marks] == [("cures ", ["0"]), ("acne", ["0", "1"]), (" fast", ["1"])]
    assert "sev-error" in page.marks[1]["attrs"]["class"]
    assert first == {0: "m-7-0", 1: "m-7-1"}
    assert page.blocks[0]["text"] == "a cures acne fast"


def test_a_finding_whose_offsets_do_not_fit_is_listed_not_misplaced():
    report = sample_report()
    report["documents"][1]["findings"][0]["start"] += 1  # no longer on "最好"
    report["documents"][1]["findings"][0]["end"] += 1
    html = run(HtmlReporter, report)
    page = parse(html)
    assert marked_text(page, 1, 0) == ""
    assert "could not be shown in the text" in html


def test_a_report_without_text_still_lists_findings():
    report = sample_report()
    for doc in report["documents"]:
        doc["text"] = None
        doc.pop("fields", None)
    html = run(HtmlReporter, report)
    assert "The original text is not in this report" in html
    assert "Disease claim for a product" in html


def test_output_is_deterministic():
    assert run(HtmlReporter) == run(HtmlReporter)
