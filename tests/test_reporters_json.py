"""The JSON report's own encoder: the text `json.dumps(sort_keys=True, indent=2)` gives, indented in
place (it writes thousands of documents a run), and valid JSON whatever a string holds."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner

from checker.cli import main
from checker.reporters.json_ import dumps

FINDING = {
    "rule": "us.claims.cure", "severity": "error", "category": "claim", "line": 1, "column": 12, "start": 11,
    "end": 24, "text": "cured my acne", "markets": ["us"], "related": [], "fix_safe": True, "fix": None,
    "message": "Disease claim for a product that is not a licensed drug",
    "suggestion": "Describe the cosmetic effect (\"calms the look of redness\"), not a disease outcome.",
}
DOCUMENT = {
    "path": "captions/café-\u2028launch\x85.txt", "format": "text", "record": None, "record_line": None,
    "language": "en", "languages": ["en"], "markets": ["us"], "meta": {"type": "caption"}, "checked": True,
    "commerce": {"commercial": True, "by": "signals", "signals": ["call to buy"]},
    "findings": [FINDING, {**FINDING, "rule": "th.claims.cure", "text": "รักษาสิว\u2029หาย", "score": 0.75}],
    "fields": {}, "cues": [{"cue": 1, "start": 0, "start_time": "00:00:01,000", "end_time": None}],
    "tags": ("a", "b"), "counts": Counter({"error": 2}), "empty": [],
}


@pytest.mark.parametrize("value", [DOCUMENT, {"by_rule": {"us.claims.cure": 3}, "by_market": {}}, [], "x", 3, None])
def test_the_text_is_what_json_dumps_gives(value):
    expected = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)
    assert dumps(value) == expected
    assert dumps(value, "    ") == expected.replace("\n", "\n    ")  # (json escapes every newline in a string)


def test_a_line_separator_in_a_file_name_keeps_the_report_valid_json(tmp_path):
    (tmp_path / "launch\u2028day.txt").write_text("This serum cured my acne in a week! Link in bio to shop\n",
                                                   encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--market", "us", "-f", "json", "--config", "none"])
    report = json.loads(result.stdout)  # (U+2028 was taken for a line break and the report broken)
    [doc] = report["documents"]
    assert doc["path"].endswith("launch\u2028day.txt")
    assert "us.claims.cure" in [f["rule"] for f in doc["findings"]]
