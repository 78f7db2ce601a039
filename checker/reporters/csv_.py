"""`--format csv`: one row per finding, safe to open in a spreadsheet.

Columns: document, record, field, line, column, cue, time, rule, category, severity, markets, text,
message, suggestion, fix (the rule's replacement for the flagged text). Any cell that a spreadsheet
would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading
apostrophe, so `=HYPERLINK(...)` in a caption stays text. The file starts with a UTF-8 byte order mark so that Excel shows Chinese and Thai
correctly; read it back with `encoding="utf-8-sig"`.
"""

from __future__ import annotations

import csv

from .base import Reporter

COLUMNS = (
    "document", "record", "field", "line", "column", "cue", "time", "rule", "category", "severity",
    "markets", "text", "message", "suggestion", "fix",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """The cell text for `value`, with a leading apostrophe if a spreadsheet could run it."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


class CsvReporter(Reporter):
    name = "csv"
    needs_text = False
    bom = True

    def __init__(self, out, options=None):
        super().__init__(out, options)
        self._writer = csv.writer(out, lineterminator="\r\n")
        self._started = False

    def _start(self) -> None:
        if not self._started:
            self._started = True
            if self.bom:
                self.out.write("\ufeff")
            self._writer.writerow(COLUMNS)

    def begin(self, header: dict) -> None:
        super().begin(header)
        self._start()

    def document(self, doc: dict) -> None:
        self._start()
        path = doc.get("path")
        for f in doc.get("findings") or ():
            record = doc.get("record") if doc.get("record") is not None else f.get("record")
            row = (
                path, record, f.get("field"), f.get("line"), f.get("column"), f.get("cue"), f.get("time"),
                f.get("rule"), f.get("category"), f.get("severity"), " ".join(f.get("markets") or ()),
                f.get("text"), f.get("message"), f.get("suggestion"), f.get("fix"),
            )
            self._writer.writerow([neutralise(v) for v in row])

    def end(self, summary: dict) -> None:
        self._start()  # an empty run still gets its header row
