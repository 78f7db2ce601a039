"""CSV: one row per finding, with formula injection neutralised."""

from __future__ import annotations

import csv
import io

from reporter_samples import HYPERLINK_CAPTION, MINUS_CAPTION, finding, run, sample_documents, sample_report

from checker.reporters.csv_ import COLUMNS, CsvReporter, neutralise


def rows(report=None):
    text = run(CsvReporter, report)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_header_and_one_row_per_finding():
    table = rows()
    assert tuple(table[0]) == COLUMNS
    assert len(table) - 1 == sum(len(d["findings"]) for d in sample_documents()) == 12
    cure = next(r for r in table if r[7] == "us.claims.cure")
    record = dict(zip(COLUMNS, cure, strict=True))
    assert record == {
        "document": "examples/scripts/us_serum_launch.md", "record": "", "field": "", "line": "7",
        "column": "30", "cue": "", "time": "", "rule": "us.claims.cure", "category": "claim",
        "severity": "error", "markets": "us", "text": "cures acne",
        "message": "Disease claim for a product that is not a licensed medicine",
        "suggestion": 'Describe what the product does, not a disease outcome ("soothes the look of redness").',
        "fix": "",
    }
    srt = dict(zip(COLUMNS, next(r for r in table if r[7] == "us.claims.weightloss"), strict=True))
    assert (srt["cue"], srt["time"]) == ("2", "00:00:03,200")
    zh = dict(zip(COLUMNS, next(r for r in table if r[7] == "cn.absolute.zui"), strict=True))
    assert zh["text"] == "最好"
    rec = dict(zip(COLUMNS, next(r for r in table if r[1] == "v123"), strict=True))
    assert (rec["record"], rec["field"], rec["text"]) == ("v123", "caption", "cures eczema")


def test_formula_cells_are_neutralised():
    report = sample_report()
    link = finding(HYPERLINK_CAPTION, HYPERLINK_CAPTION[:43], "global.offplatform.messaging-app",
                   record="v200", field="caption")
    minus = finding(MINUS_CAPTION, "-1 day left", "global.claims.guaranteed", record="v201", field="caption")
    minus["message"] = "@everyone sees this"
    minus["suggestion"] = "+1 is fine"
    report["documents"].append({"path": "=cmd|' /C calc'!A0", "record": "v200", "findings": [link, minus]})
    table = rows(report)
    last, before = dict(zip(COLUMNS, table[-1], strict=True)), dict(zip(COLUMNS, table[-2], strict=True))
    assert before["text"] == "'" + '=HYPERLINK("http://evil.example/x","click")'
    assert before["document"] == "'=cmd|' /C calc'!A0"
    assert last["text"] == "'-1 day left"
    assert last["message"] == "'@everyone sees this" and last["suggestion"] == "'+1 is fine"


def test_neutralise():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("-1") == "'-1"
    assert neutralise("\tcmd") == "'\tcmd" and neutralise("\rcmd") == "'\rcmd"
    assert neutralise("safe = text") == "safe = text"
    assert neutralise(7) == "7" and neutralise(None) == ""


def test_empty_run_still_has_a_header():
    report = sample_report()
    report["documents"] = []
    assert rows(report) == [list(COLUMNS)]
