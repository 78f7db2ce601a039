"""A rule's `replacements` reach every report as the finding's `fix`: text, JSON, CSV, JSON Lines, HTML
and SARIF (a proposed change to the file)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from click.testing import CliRunner
from reporter_samples import HEADER, RULES, run, summarize

from checker.check import ItemResult
from checker.cli import main
from checker.model import Document, Finding, Meta, Segment
from checker.reporters.csv_ import CsvReporter
from checker.reporters.github import GithubReporter
from checker.reporters.html import HtmlReporter
from checker.reporters.json_ import JsonReporter
from checker.reporters.jsonl import JsonlReporter
from checker.reporters.junit import JunitReporter
from checker.reporters.sarif import SarifReporter
from checker.reporters.text import TextReporter

ROOT = Path(__file__).resolve().parents[1]
REPORT_SCHEMA = json.loads((ROOT / "checker" / "reporters" / "report.schema.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8"))

SCRIPT = ("# Serum launch\n\n"
          "VO: My skin was a mess all winter.\n"
          "VO: This serum literally cures acne, I use it every night.\n")
FLAGGED, FIX = "cures acne", "soothes the look of acne"


def _finding(text: str, needle: str, fix: str | None) -> Finding:
    start = text.index(needle)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Finding(rule="us.claims.cure", **RULES["us.claims.cure"], text=needle, start=start,
                   end=start + len(needle), line=line, column=column, end_line=line,
                   end_column=column + len(needle) - 1, markets=["us"], segment="spoken", language="en", fix=fix)


def report(fix: str | None = FIX) -> dict:
    """One script with the US cure finding, as `reelcheck check` hands it to the reporters."""
    doc = Document("launch.md", [Segment.whole(SCRIPT, kind="spoken")], Meta(markets=("us",)), text=SCRIPT,
                   format="markdown")
    d = ItemResult(doc, ("us",), True, [_finding(SCRIPT, FLAGGED, fix)], "en", ("en",)).to_dict()
    return {**HEADER, "summary": summarize([d]), "documents": [d], "errors": []}


def test_text_shows_the_fix_next_to_the_suggestion():
    out = run(TextReporter, report())
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("try:"))
    assert lines[at + 1] == "  try: \u201ccures acne\u201d -> \u201csoothes the look of acne\u201d"
    assert "\u201ccures acne\u201d ->" not in run(TextReporter, report(fix=None))


def test_json_carries_the_fix_and_validates():
    data = json.loads(run(JsonReporter, report()))
    jsonschema.validate(data, REPORT_SCHEMA)
    [f] = data["documents"][0]["findings"]
    assert f["fix"] == FIX and SCRIPT[f["start"]:f["end"]] == f["text"] == FLAGGED
    without = json.loads(run(JsonReporter, report(fix=None)))
    assert "fix" not in without["documents"][0]["findings"][0]


def test_csv_and_jsonl_have_a_fix_column():
    rows = list(csv.DictReader(io.StringIO(run(CsvReporter, report()).lstrip("\ufeff"))))
    assert [(r["text"], r["fix"]) for r in rows] == [(FLAGGED, FIX)]
    blank = list(csv.DictReader(io.StringIO(run(CsvReporter, report(fix=None)).lstrip("\ufeff"))))
    assert blank[0]["fix"] == ""
    [line] = run(JsonlReporter, report()).splitlines()
    assert json.loads(line)["fix"] == FIX


def test_html_shows_the_fix():
    html = run(HtmlReporter, report())
    assert "<span class=\"lbl\">Try:</span> &ldquo;cures acne&rdquo; &rarr; <ins lang=\"en\">&ldquo;soothes the look of acne&rdquo;</ins>" in html
    assert "<span class=\"lbl\">Try:</span>" not in run(HtmlReporter, report(fix=None))


def test_github_annotations_and_junit_name_the_fix():
    [annotation] = [line for line in run(GithubReporter, report()).splitlines() if line.startswith("::error")]
    assert "%0AFix: \u201ccures acne\u201d -> \u201csoothes the look of acne\u201d" in annotation
    [failure] = ElementTree.fromstring(run(JunitReporter, report())).iter("failure")
    assert "Fix: \u201ccures acne\u201d -> \u201csoothes the look of acne\u201d" in failure.text.splitlines()
    assert "Fix:" not in run(JunitReporter, report(fix=None))


def apply_sarif_fix(text: str, fix: dict) -> str:
    """Apply a SARIF fix's one replacement by its line and columns (endColumn: the column after)."""
    [change] = fix["artifactChanges"]
    [rep] = change["replacements"]
    region = rep["deletedRegion"]
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: region["startLine"] - 1]) + region["startColumn"] - 1
    end = sum(len(line) + 1 for line in lines[: region["endLine"] - 1]) + region["endColumn"] - 1
    assert (start, end - start) == (region["charOffset"], region["charLength"])
    return text[:start] + rep["insertedContent"]["text"] + text[end:]


def test_sarif_proposes_the_fix_as_a_change_to_the_file():
    log = json.loads(run(SarifReporter, report()))
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    [result] = log["runs"][0]["results"]
    [fix] = result["fixes"]
    assert fix["artifactChanges"][0]["artifactLocation"]["uri"] == "launch.md"
    assert fix["description"]["text"] == "Replace: \u201ccures acne\u201d -> \u201csoothes the look of acne\u201d"
    assert apply_sarif_fix(SCRIPT, fix).splitlines()[3] == "VO: This serum literally soothes the look of acne, I use it every night."
    assert "fixes" not in json.loads(run(SarifReporter, report(fix=None)))["runs"][0]["results"][0]


def test_sarif_gives_no_fix_for_an_archive_record():
    """A record's region is its line in the archive, not the words: no change is proposed."""
    rep = report()
    d = rep["documents"][0]
    d.update(path="captions.csv", format="csv", record="v9", record_line=4, text=None)
    d["findings"][0].update(record="v9", field="caption")
    [result] = json.loads(run(SarifReporter, rep))["runs"][0]["results"]
    assert "fixes" not in result and result["properties"]["record"] == "v9"


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_end_to_end_the_us_cure_rule_suggests_its_replacement(tmp_path, monkeypatch, fmt):
    """The shipped US pack: `cures` -> `soothes the look of` (needs the engine to set Finding.fix)."""
    monkeypatch.delenv("REELCHECK_RULES", raising=False)
    script = tmp_path / "launch.md"
    script.write_text(SCRIPT, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(script), "--market", "us", "--product", "cosmetic", "-f", fmt,
                                       "--config", "none"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    if fmt == "json":
        [f] = [f for f in data["documents"][0]["findings"] if f["rule"] == "us.claims.cure"]
        assert (f["text"], f.get("fix")) == (FLAGGED, FIX)
    else:
        [r] = [r for r in data["runs"][0]["results"] if r["ruleId"] == "us.claims.cure"]
        assert "fixes" in r, "the engine does not set Finding.fix yet"
        fixed = apply_sarif_fix(SCRIPT, r["fixes"][0])
        assert "VO: This serum literally soothes the look of acne, I use it every night." in fixed
