"""Check one item: the decisions every front end (`reelcheck check`, the audit's workers, the Python
API, the rules' self-test) takes the same way for one document.

    check_item(checker, document, default_markets) -> ItemResult

- markets: the document's own, else the run's (`--market`), else only the global platform rules;
- a document without text is not checked (it is counted as skipped);
- a rule that could not finish on the document (`Outcome.problems`) is a partial error of that
  document: reported and counted (exit 2), the document checked with every other rule;
- a check that fails (a market the rules do not know, a rule that raises) is an error of this item
  only, never of the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Document, Finding, InputError, Meta, UsageError

#: the markets of a document that names none, in a run that names none: the global platform rules
FALLBACK_MARKETS = ("global",)
_DECLARED = ("sponsored", "commercial", "product", "platform", "account", "type")


def has_text(document: Document) -> bool:
    """Whether the document has any text to check (one without is counted as skipped)."""
    return any(s.has_text for s in document.segments)


def item_markets(document: Document, default_markets: tuple[str, ...]) -> tuple[str, ...]:
    """The markets a document is checked for, sorted."""
    return tuple(sorted(set(document.meta.markets or default_markets or FALLBACK_MARKETS)))


def declared_meta(meta: Meta) -> dict:
    """What the user declared about the document, as reported (undeclared values left out)."""
    return {k: getattr(meta, k) for k in _DECLARED if getattr(meta, k) is not None}


def fields_of(document: Document) -> dict[str, str]:
    """Archive field -> its original value, for the fields the document's segments came from."""
    fields: dict[str, str] = {}
    for seg in document.segments:
        if seg.field is not None:
            fields.setdefault(seg.field, seg.origin)
    return fields


@dataclass(slots=True)
class ItemResult:
    """What checking one document gave: where it is, what it was checked for, what was found.

    `error` is set when the check failed (the item is reported as an input error, its findings empty);
    `problems` are the messages of the rules that could not finish on it (partial errors), reported at
    the line `problem_lines` gives (else at the record's)."""

    document: Document
    markets: tuple[str, ...]
    checked: bool
    findings: list[Finding] = field(default_factory=list)
    language: str | None = None
    languages: tuple[str, ...] = ()
    problems: list[str] = field(default_factory=list)
    error: str | None = None
    commercial: bool = False  # whether the post promotes or sells something (declared, or by its signals)
    commercial_signals: list[str] = field(default_factory=list)  # what made an undeclared post commercial
    problem_lines: dict[str, int] = field(default_factory=dict)  # a problem -> the line it is about

    @property
    def meta(self) -> dict:
        return declared_meta(self.document.meta)

    @property
    def clean(self) -> bool:
        """Checked (or skipped) without a finding, a problem or an error."""
        return not (self.findings or self.problems or self.error)

    def errors(self) -> list[InputError]:
        """The item's partial errors, then its error if the check failed, as reported."""
        from .sources.errors import (
            PartialInputError,  # (importing the sources is left to the runs that read files)
        )

        doc = self.document
        out: list[InputError] = [
            PartialInputError(doc.path, message, line=self.problem_lines.get(message, doc.record_line),
                              record=doc.record)
            for message in self.problems]
        if self.error is not None:
            out.append(InputError(doc.path, self.error, line=doc.record_line, record=doc.record))
        return out

    @property
    def commerce(self) -> dict | None:
        """How the post was decided to be commercial (or not): `{"commercial": bool, "by": "declared" |
        "signals", "signals": [names]}`; None for a document that was not checked."""
        if not self.checked:
            return None
        declared = self.document.meta.declared_commercial
        return {"commercial": bool(self.commercial), "by": "signals" if declared is None else "declared",
                "signals": list(self.commercial_signals)}

    def to_dict(self) -> dict:
        """The document dict of docs/report-format.md."""
        doc = self.document
        d = record_dict(doc.path, doc.format, doc.record, doc.record_line, self.language, list(self.languages),
                        list(self.markets), self.meta, self.checked, [f.to_dict() for f in self.findings],
                        self.commerce)
        if doc.text is not None:
            d["text"] = doc.text
        else:
            d["fields"] = fields_of(doc)
        if doc.format in ("srt", "vtt"):
            d["cues"] = [
                {"cue": s.cue, "start": s.pieces[0][1] if s.pieces else 0, "start_time": s.start_time,
                 "end_time": s.end_time}
                for s in doc.segments
                if s.cue is not None
            ]
        return d


def record_dict(path, fmt, record, record_line, language, languages: list, markets: list, meta: dict,
                checked: bool, findings: list[dict], commerce: dict | None = None) -> dict:
    """The keys every document dict starts with, in report order (the audit builds a cached record's
    dict from these without a Document; `ItemResult.to_dict` adds the text, fields and cues).
    `commerce`: `ItemResult.commerce` (left out when None)."""
    d = {
        "path": path,
        "format": fmt,
        "record": record,
        "record_line": record_line,
        "language": language,
        "languages": languages,
        "markets": markets,
        "meta": meta,
    }
    if commerce is not None:
        d["commerce"] = commerce
    d["checked"] = checked
    d["findings"] = findings
    return d


def check_item(checker, document: Document, default_markets: tuple[str, ...] = ()) -> ItemResult:
    """Check one document for its markets (`item_markets`). Never raises for a problem of the document:
    a failed check is the result's `error`."""
    markets = item_markets(document, default_markets)
    result = ItemResult(document, markets, has_text(document))
    if not result.checked:
        return result
    try:
        outcome = checker.run(document, markets)
    except UsageError as exc:  # e.g. a record naming a market the rules do not know
        result.error = str(exc).removeprefix(f"{document.path}: ")
        return result
    except Exception as exc:  # a rule or the tokenizer raised on this document: reported, the run goes on
        result.error = f"check failed: {type(exc).__name__}: {exc}"
        return result
    result.findings = outcome.findings
    result.language = outcome.language
    result.languages = tuple(outcome.languages)
    result.problems = list(outcome.problems)
    result.problem_lines = dict(outcome.problem_lines)
    result.commercial = outcome.commercial
    result.commercial_signals = list(outcome.commercial_signals)
    return result
