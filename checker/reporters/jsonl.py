"""`--format jsonl`: one finding per line, written as each document arrives.

Each line is the finding dict of docs/report-format.md plus the document's `path` and `record`.
An input error is a line `{"error": {...}}`. Nothing else is written: no header, no summary.
"""

from __future__ import annotations

import json

from .base import Reporter

# json.dumps(ensure_ascii=False) leaves these as they are, but many line readers (Python's
# str.splitlines among them) treat them as line breaks: write them escaped so a line stays a line.
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _line(obj: dict) -> str:
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in _LINE_BREAKS.items():
        if raw in text:
            text = text.replace(raw, escaped)
    return text + "\n"


class JsonlReporter(Reporter):
    name = "jsonl"
    needs_text = False

    def document(self, doc: dict) -> None:
        path, record = doc.get("path"), doc.get("record")
        lines = []
        for finding in doc.get("findings") or ():
            row = dict(finding)
            row["path"] = path
            row["record"] = record if record is not None else finding.get("record")
            lines.append(_line(row))
        if lines:
            self.out.write("".join(lines))
            _flush(self.out)

    def error(self, err: dict) -> None:
        self.out.write(_line({"error": dict(err)}))
        _flush(self.out)


def _flush(out) -> None:
    flush = getattr(out, "flush", None)
    if flush is not None:
        flush()
