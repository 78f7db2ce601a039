"""`reelcheck baseline`: the run's findings as a baseline file (`checker.baseline`), paths relative to the
folder the baseline is written in."""

from __future__ import annotations

import os

from .. import baseline
from .base import Reporter


class BaselineReporter(Reporter):
    name = "baseline"
    needs_text = True  # the line around a finding is part of its fingerprint

    def begin(self, header: dict) -> None:
        super().begin(header)
        self.entries: list[dict] = []
        self.base = os.path.dirname(os.path.abspath(self.options.output)) if self.options.output else None

    def document(self, doc: dict) -> None:
        for f in doc.get("findings") or ():
            self.entries.append(baseline.entry(doc, f, self.base))

    def end(self, summary: dict) -> None:
        self.out.write(baseline.dumps(self.entries))
