"""The reporter interface: every output format streams a run through the same four calls.

    reporter.begin(header)        # once: schema_version, tool, markets, packs
    reporter.document(doc)        # per document, in input order (a dict as in docs/report-format.md,
                                  # with "text" = the original text and "findings" = finding dicts)
    reporter.error(err)           # per input error, when it happens ({"path", "message", "line"?, ...})
    reporter.end(summary)         # once: the summary dict of docs/report-format.md

Reporters write text to `out`. A format that needs the whole run (HTML, SARIF) keeps what it needs
and writes in `end`; a streaming format (jsonl, github) writes as it goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO

from ..vocabulary import SEVERITY_RANK


@dataclass(slots=True)
class ReportOptions:
    color: bool = False
    fail_on: str = "error"  # error | warning | info | never
    include_text: bool = False  # json: include each document's original text
    show_source: bool = True  # text: print source references
    docs_url: str = "https://github.com/reelcheck/reelcheck/blob/main/docs/rules/"
    html_max_documents: int = 2000  # html: documents rendered in full (those with findings first)
    title: str = "reelcheck report"
    output: str | None = None  # the file the report is written to (None: stdout)


def at_or_above(severity: str, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[fail_on]


class Reporter:
    name = "base"
    #: whether the reporter needs each document's original text
    needs_text = False

    def __init__(self, out: TextIO, options: ReportOptions | None = None):
        self.out = out
        self.options = options or ReportOptions()

    def begin(self, header: dict) -> None:
        self.header = header

    def document(self, doc: dict) -> None:  # every format overrides this
        pass

    def error(self, err: dict) -> None:
        pass

    def end(self, summary: dict) -> None:
        pass
