"""`reelcheck audit` in the terminal: tables of findings by market, category and rule, and the worst
records, instead of one block per finding (an archive has too many). Memory stays flat: only the
counts and the N worst records are kept."""

from __future__ import annotations

import heapq
from collections import Counter

from ..vocabulary import SEVERITIES, SEVERITY_RANK
from ._common import header_notes, printable
from .base import Reporter
from .text import TextReporter

WORST = 15


class AuditSummaryReporter(Reporter):
    name = "summary"

    def begin(self, header: dict) -> None:
        super().begin(header)
        self.by_market_category: Counter = Counter()
        self.rule_info: dict[str, tuple[str, str, str]] = {}
        self.worst: list[tuple] = []  # heap of (score, -order, where, counts)
        self.order = 0

    def document(self, doc: dict) -> None:
        self.order += 1
        findings = doc["findings"]
        if not findings:
            return
        counts = Counter(f["severity"] for f in findings)
        for f in findings:
            for m in f["markets"]:
                self.by_market_category[(m, f["category"])] += 1
            self.rule_info.setdefault(f["rule"], (f["category"], f["severity"], f["message"]))
        score = tuple(counts.get(s, 0) for s in SEVERITIES)
        where = printable(doc["path"] + (f"#{doc['record']}" if doc.get("record") else ""))
        # worst first, then by name (a set's order changes from one process to the next)
        rules = sorted({f["rule"] for f in findings}, key=lambda r: (-SEVERITY_RANK[self.rule_info[r][1]], r))
        item = (score, -self.order, where, rules)
        if len(self.worst) < WORST:
            heapq.heappush(self.worst, item)
        else:
            heapq.heappushpop(self.worst, item)

    def end(self, summary: dict) -> None:
        w = self.out.write
        for note in header_notes(self.header):
            w(f"{note}\n")
        w(f"Records: {summary['records_read']} read, {summary['records_checked']} checked, "
          f"{summary['records_skipped']} skipped (no text), {summary['records_failed']} failed.\n")
        if summary["findings"]:
            markets = sorted({m for m, _ in self.by_market_category})
            categories = sorted({c for _, c in self.by_market_category})
            w("\nFindings by market and category\n")
            w(f"  {'market':<8}" + "".join(f"{c:>13}" for c in categories) + f"{'total':>9}\n")
            for m in markets:
                row = [self.by_market_category.get((m, c), 0) for c in categories]
                w(f"  {m:<8}" + "".join(f"{n:>13}" for n in row) + f"{sum(row):>9}\n")
            w("\nFindings by rule\n")
            for rule, n in list(summary["by_rule"].items())[:25]:
                category, severity, message = self.rule_info.get(rule, ("", "", ""))
                w(f"  {n:>7}  {printable(rule):<42} {severity:<8} {printable(message)}\n")
            if len(summary["by_rule"]) > 25:
                w(f"  ... and {len(summary['by_rule']) - 25} more rules (see --format json)\n")
            w(f"\nWorst records (of {summary['documents_with_findings']} with findings)\n")
            for score, _, where, rules in sorted(self.worst, reverse=True):
                label = ", ".join(f"{n} {s}" for n, s in zip(score, SEVERITIES, strict=True) if n)
                w(f"  {where}  ({label}): {printable(', '.join(rules[:4]))}{' ...' if len(rules) > 4 else ''}\n")
        w("\n")
        TextReporter.end(self, summary)  # the same closing line as `check`

    def _c(self, code: str, text: str) -> str:  # used by TextReporter.end
        return f"{code}{text}\x1b[0m" if self.options.color else text
