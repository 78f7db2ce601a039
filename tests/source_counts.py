"""Counting what the input stage yields the way a run does: through `checker.runner.Summary`."""

from __future__ import annotations

from checker.check import has_text
from checker.model import InputError
from checker.runner import Summary
from checker.sources import is_fatal

RECORD_KEYS = ("records_read", "records_checked", "records_skipped", "records_failed", "errors")


class Counts:
    """`Summary`'s record counters over a stream of `iter_documents` items (documents counted without
    findings: only the record counters are of interest)."""

    def __init__(self):
        self.summary = Summary()

    def add(self, item) -> None:
        if isinstance(item, InputError):
            self.summary.add_error(item, is_fatal(item))
        else:
            self.summary.add_document({"checked": has_text(item), "findings": []})

    def count(self, items):
        items = list(items)
        for item in items:
            self.add(item)
        return items

    def __getattr__(self, name):
        if name in RECORD_KEYS:
            return getattr(self.summary, name)
        raise AttributeError(name)

    def as_dict(self) -> dict:
        return {key: getattr(self.summary, key) for key in RECORD_KEYS}

    def balanced(self) -> bool:
        s = self.summary
        return s.records_read == s.records_checked + s.records_skipped + s.records_failed


def counted(items) -> tuple[list, Counts]:
    counts = Counts()
    return counts.count(items), counts
