"""JSON Lines: one finding per line, streamed, errors as {"error": ...} lines."""

from __future__ import annotations

import io
import json

from reporter_samples import HEADER, run, sample_documents

from checker.reporters.base import ReportOptions
from checker.reporters.jsonl import JsonlReporter


def test_one_finding_per_line_then_errors():
    lines = run(JsonlReporter).split("\n")
    assert lines[-1] == ""  # every line ends with a newline, nothing after the last
    objs = [json.loads(x) for x in lines[:-1]]
    docs = sample_documents()
    expected = [(d["path"], d.get("record"), f) for d in docs for f in d["findings"]]
    assert len(objs) == len(expected) + 1
    for obj, (path, record, f) in zip(objs, expected, strict=False):
        assert obj["path"] == path and obj["record"] == record
        assert {k: v for k, v in obj.items() if k not in ("path", "record")} == {
            k: v for k, v in f.items() if k != "record"}
    assert objs[-1] == {"error": {"path": "examples/archives/captions.csv", "line": 41, "record": "v77",
                                  "message": "row has 5 fields, header has 4"}}


def test_lines_are_written_as_documents_arrive():
    out = io.StringIO()
    reporter = JsonlReporter(out, ReportOptions())
    reporter.begin(HEADER)
    docs = sample_documents()
    reporter.document(docs[1])
    assert [json.loads(x)["text"] for x in out.getvalue().splitlines()] == ["最好", "微信"]
    reporter.document(docs[4])  # no findings: nothing written
    assert len(out.getvalue().splitlines()) == 2
    reporter.end({})
    assert len(out.getvalue().splitlines()) == 2


def test_unicode_line_separators_stay_inside_their_line():
    doc = sample_documents()[1]
    doc["findings"][0]["message"] = "a\u2028b\u2029c\x85d"
    out = io.StringIO()
    JsonlReporter(out).document(doc)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["message"] == "a\u2028b\u2029c\x85d"
