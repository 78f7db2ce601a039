"""Runs a check end to end: sources -> `check.check_item` -> reporter, counting everything on the way.

The CLI commands (`check`, `audit`) share this; `audit` swaps the serial `check_items` for a pool of
worker processes (`checker.audit`) but feeds the same `Session`.
"""

from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import __version__
from .check import FALLBACK_MARKETS, check_item
from .model import Document, InputError, UsageError
from .reporters._common import printable
from .reporters.base import Reporter, at_or_above
from .rules import RuleSet
from .vocabulary import SEVERITIES

_FALLBACK_LIST = list(FALLBACK_MARKETS)


@dataclass
class Summary:
    documents: int = 0
    documents_with_findings: int = 0
    findings: int = 0
    by_severity: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    by_market: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    records_read: int = 0
    records_checked: int = 0
    records_skipped: int = 0
    records_failed: int = 0
    errors: int = 0
    not_selling: int = 0  # documents whose wording read as selling nothing (nothing declared)
    worst: int = 0  # highest severity rank seen
    oldest_review: str | None = None  # the oldest `reviewed` date among the rules that fired
    oldest_rules: set = field(default_factory=set)  # the rules (outcomes) that carry it

    def add_document(self, doc: dict, n: int = 1) -> None:
        """Count a document, or `n` documents like it (only when it has no findings)."""
        self.documents += n
        self.records_read += n
        if doc.get("checked", True):
            self.records_checked += n
        else:
            self.records_skipped += n
        commerce = doc.get("commerce")
        if commerce and commerce.get("by") == "signals" and not commerce.get("commercial"):
            self.not_selling += n
        findings = doc["findings"]
        if not findings:
            return
        self.documents_with_findings += 1
        for f in findings:
            self.findings += 1
            self.by_severity[f["severity"]] += 1
            self.by_category[f["category"]] += 1
            self.by_rule[f["rule"]] += 1
            reviewed = f.get("reviewed")
            if reviewed and (self.oldest_review is None or reviewed < self.oldest_review):
                self.oldest_review, self.oldest_rules = reviewed, {f["rule"]}
            elif reviewed and reviewed == self.oldest_review:
                self.oldest_rules.add(f["rule"])
            for m in f["markets"]:
                self.by_market[m] += 1

    def add_error(self, err: InputError, fatal: bool) -> None:
        self.errors += 1
        if fatal:
            self.records_read += 1
            self.records_failed += 1

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "documents_with_findings": self.documents_with_findings,
            "findings": self.findings,
            "by_severity": {s: self.by_severity.get(s, 0) for s in SEVERITIES},
            "by_category": dict(sorted(self.by_category.items())),
            "by_market": dict(sorted(self.by_market.items())),
            "by_rule": dict(sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))),
            "records_read": self.records_read,
            "records_checked": self.records_checked,
            "records_skipped": self.records_skipped,
            "records_failed": self.records_failed,
            "errors": self.errors,
            "not_selling": self.not_selling,
            "oldest_review": (
                {"date": self.oldest_review, "rules": sorted(self.oldest_rules)} if self.oldest_review else None
            ),
        }


def header(ruleset: RuleSet, markets: Iterable[str]) -> dict:
    markets = sorted(set(markets))
    head = {
        "schema_version": "1.0",
        "tool": {"name": "reelcheck", "version": __version__},
        "markets": markets,
        "packs": ruleset.packs_used([m for m in markets if m in ruleset.markets]),
    }
    if getattr(ruleset, "replaced", None):  # rules a team pack replaced: said in every report
        head["overridden"] = [dict(item) for item in ruleset.replaced]
    return head


class Localizer:
    """Shows each finding's message and suggestion in the language the report asks for (`--lang-out`):
    `market` (the default) shows a market pack's rules in that market's first language, and the global
    rules in English; `en` shows English; another code shows that language where the packs' `messages:`
    catalogues have it. A rule's own text stands wherever no catalogue text exists, and so does a
    message a market's `overrides` or a require rule's outcome `messages` changed.

    The languages are open: a team pack's catalogue may add one. A code that no catalogue of the packs
    loaded has (`unknown`: a typo, or a language nobody wrote messages in) shows English, as `en` does,
    rather than each rule's own text (a Thai rule's own suggestion is Thai)."""

    def __init__(self, ruleset: RuleSet, lang_out: str = "market"):
        self.ruleset = ruleset
        self.lang_out = lang_out or "market"
        self.unknown: str | None = None  # the language asked for, when no catalogue has it
        if self.lang_out not in ("market", "en") and not any(
                self.lang_out in rule.texts for rule in ruleset.rules.values()):
            self.unknown, self.lang_out = self.lang_out, "en"
        self._rules: dict[str, object] = {}

    def _rule(self, finding_id: str):
        if finding_id not in self._rules:
            rule, parts = None, finding_id.split(".")
            while parts and rule is None:  # an outcome (us.disclosure.ad.missing) belongs to its rule
                rule = self.ruleset.rules.get(".".join(parts))
                parts.pop()
            self._rules[finding_id] = rule
        return self._rules[finding_id]

    def __call__(self, doc: dict) -> dict:
        findings = doc.get("findings")
        if not findings:
            return doc
        out = []
        for f in findings:
            rule = self._rule(f["rule"])
            if rule is not None and rule.texts:
                message, suggestion = self.ruleset.texts_for(rule, self.ruleset.text_language(rule, self.lang_out))
                if message and f.get("message") == rule.message:
                    f = {**f, "message": message}
                if suggestion and f.get("suggestion") == rule.suggestion:
                    f = {**f, "suggestion": suggestion}
            out.append(f)
        return {**doc, "findings": out}


class Session:
    """Feeds documents and errors to a reporter, keeps the summary, decides the exit code."""

    def __init__(self, reporter: Reporter, fail_on: str = "error", stderr=None, quiet_errors: bool = False,
                 localize=None):
        self.localize = localize  # a Localizer (the report's message language), or None: the rules' own text
        self.reporter = reporter
        self.fail_on = fail_on
        self.summary = Summary()
        self.stderr = stderr or sys.stderr
        self.quiet_errors = quiet_errors
        self.failed = False
        self.without_market = 0  # documents checked with the global rules only
        self.findings_only = False  # audit: report only documents with findings (all are counted)
        self.filters: list = []  # doc dict -> doc dict, in order, before it is counted (baseline, per-path settings)

    def begin(self, head: dict) -> None:
        self.reporter.begin(head)

    def document(self, doc: dict) -> None:
        if self.localize is not None:
            doc = self.localize(doc)
        for f in self.filters:
            doc = f(doc)
        self.summary.add_document(doc)
        if doc["markets"] == _FALLBACK_LIST:
            self.without_market += 1
        findings = doc["findings"]
        if findings:
            if any(at_or_above(f["severity"], self.fail_on) for f in findings):
                self.failed = True
        elif self.findings_only:
            return
        self.reporter.document(doc)

    def count_clean(self, doc: dict, n: int) -> None:
        """`n` documents like `doc`, which has no findings, counted and not reported (`findings_only`:
        an audit counts runs of clean records here instead of passing each one's dict)."""
        if doc["findings"] or not self.findings_only:
            raise ValueError("count_clean: only documents without findings, and only when they are not reported")
        self.summary.add_document(doc, n)
        if doc["markets"] == _FALLBACK_LIST:
            self.without_market += n

    def error(self, err: InputError, fatal: bool = True) -> None:
        self.summary.add_error(err, fatal)
        if not self.quiet_errors:
            print(f"reelcheck: error: {printable(err)}", file=self.stderr)
        self.reporter.error(err.to_dict())

    def end(self) -> dict:
        summary = self.summary.as_dict()
        self.reporter.end(summary)
        if self.without_market and not self.quiet_errors:
            print(
                f"reelcheck: note: {self.without_market} document(s) named no market: only the global platform "
                "rules were applied (use --market, front matter or a market field)",
                file=self.stderr,
            )
        return summary

    @property
    def exit_code(self) -> int:
        if self.summary.errors:
            return 2
        return 1 if self.failed else 0


def check_items(
    checker, items: Iterable[Document | InputError], default_markets: tuple[str, ...]
) -> Iterator[dict | InputError]:
    """`check_item` over what the sources yield: their InputErrors as they are, per document its
    partial and failed-check errors, then its document dict (none when its check failed)."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        result = check_item(checker, item, default_markets)
        yield from result.errors()
        if result.error is None:
            yield result.to_dict()


class OutputError(UsageError):
    """The report cannot be written where `-o` says (a folder that is missing or read-only, a full disk)."""


def overwritten_input(output: str | None, paths: Iterable[str]) -> str | None:
    """The input that a report written to `output` would replace, or None: a file given to check (or
    the file a link given points to), or a file of a kind a folder's walk reads, inside a folder given,
    that is not a report reelcheck wrote (running again with the same `-o` replaces the last report;
    the walk leaves the file being written out, so a caption there would be lost unchecked)."""
    if output is None:
        return None
    try:
        out = os.stat(output)
    except OSError:
        return None  # (a new file replaces nothing)
    if not stat.S_ISREG(out.st_mode):
        return None  # (a FIFO or a device is written through, never replaced)
    real = os.path.realpath(output)
    for path in paths:
        if path == "-":
            continue
        try:
            given = os.stat(path)
        except OSError:
            continue
        if stat.S_ISREG(given.st_mode) and os.path.samestat(out, given):
            return path
        if stat.S_ISDIR(given.st_mode):
            from .discovery import looks_like_report
            from .sources import EXTENSIONS

            folder = os.path.join(os.path.realpath(path), "")
            if (real.startswith(folder) and os.path.splitext(real)[1].lower() in EXTENSIONS
                    and not looks_like_report(output)):
                return f"{output} (in the folder {path})"
    return None


class AtomicOutput:
    """Where the report goes.

    - stdout when no path is given;
    - a new path or a regular file (or a link to one): written to `<file>.partial` next to it, renamed over
      it only when the run completes (with the mode of the file it replaces), so a report is never half
      written; the link stays a link;
    - anything else (a FIFO, a device such as /dev/null or /dev/full, /dev/stdout): written through, never
      replaced.

    A write that fails (no such folder, permission denied, no space left) is an `OutputError`: one line
    naming the path, exit 2."""

    def __init__(self, path: str | None):
        self.path = path
        self.tmp: str | None = None  # the .partial file, when writing atomically
        self.target: str | None = None  # what it is renamed to
        self.mode: int | None = None
        self.fh = None

    def __enter__(self):
        if self.path is None:
            self.fh = _Writer(sys.stdout, "standard output", own=False)
            return self.fh
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            st = None  # a new path (or a link to one: created through the link)
        except OSError as exc:
            raise self._error(exc) from None
        if os.path.islink(self.path) and st is None:
            atomic = False
        else:
            atomic = st is None or stat.S_ISREG(st.st_mode)
        try:
            if atomic:
                self.target = os.path.realpath(self.path)
                self.tmp = f"{self.target}.partial"
                self.mode = stat.S_IMODE(st.st_mode) if st is not None else None
                fh = open(self.tmp, "w", encoding="utf-8", newline="\n")
                if self.mode is not None:
                    os.chmod(self.tmp, self.mode)
            else:
                fh = open(self.path, "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise self._error(exc) from None
        self.fh = _Writer(fh, self.path)
        return self.fh

    def _error(self, exc: OSError) -> OutputError:
        return OutputError(f"{self.path}: cannot write the report: {exc.strerror or exc}")

    def __exit__(self, exc_type, exc, tb):
        fh, self.fh = self.fh, None
        try:
            fh.close()
        except OutputError:
            if exc_type is None:
                self._discard()
                raise
        if self.tmp is None:
            return False
        if exc_type is None:
            try:
                os.replace(self.tmp, self.target)
            except OSError as err:
                self._discard()
                raise self._error(err) from None
        elif exc_type is not KeyboardInterrupt:  # (after Ctrl-C the .partial file is kept: it says what it is)
            self._discard()
        return False

    def _discard(self) -> None:
        if self.tmp is not None:
            try:
                os.remove(self.tmp)
            except OSError:
                pass


class _Writer:
    """The report's stream: a write that fails is an `OutputError` naming where (a closed pipe stays a
    BrokenPipeError: the reader went away, which is not an error of ours)."""

    __slots__ = ("_fh", "_name", "_own")

    def __init__(self, fh, name: str, own: bool = True):
        self._fh = fh
        self._name = name
        self._own = own

    def write(self, text: str) -> int:
        try:
            return self._fh.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"{self._name}: cannot write the report: {exc.strerror or exc}") from None

    def flush(self) -> None:
        try:
            self._fh.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(f"{self._name}: cannot write the report: {exc.strerror or exc}") from None

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._own:
                try:
                    self._fh.close()
                except OSError:
                    pass  # (what flush said)

    def __getattr__(self, name):
        return getattr(self._fh, name)
