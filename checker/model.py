"""The data that flows between the stages: documents and their segments, findings, errors.

source -> **segments** -> normalized text -> spaCy Doc -> compiled rules -> **findings** -> reporter

A `Document` is one thing the user recognises as a unit: a script file, a subtitle file, or one record
of a caption archive. It is cut into `Segment`s (a spoken line, an on-screen super, a caption, a
subtitle cue, an archive field). Each segment keeps a map from its own text back into the user's
original text, so every finding can point at `original[start:end]`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from dataclasses import field as _field
from dataclasses import fields as _fields
from operator import attrgetter

from .vocabulary import SEGMENT_KINDS, SEVERITIES, SEVERITY_RANK

__all__ = [
    "SEGMENT_KINDS", "SEVERITIES", "SEVERITY_RANK", "Document", "Finding", "InputError", "Meta", "Segment",
    "UsageError", "format_time", "line_starts", "line_span",
]

#: A line break: CR LF, LF, or a CR alone (files saved on old Macs, and by some exporters). Every reader
#: splits lines this way, and every line and column reported counts them this way (offsets are always
#: into the original text, whatever its line breaks).
LINE_BREAK = re.compile(r"\r\n?|\n")
_BREAK_CHAR = re.compile(r"[\r\n]")


def line_starts(text: str) -> list[int]:
    """The offset where each line of `text` starts (the first is 0), lines ending at `LINE_BREAK`."""
    if "\r" in text:
        return [0, *(m.end() for m in LINE_BREAK.finditer(text))]
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def line_start(text: str, offset: int, lo: int = 0) -> int:
    """Where the line of `text[offset]` starts: just past the last CR or LF before `offset`, looking
    back no further than `lo` (`lo` where none stands in `text[lo:offset]`)."""
    return max(text.rfind("\n", lo, offset), text.rfind("\r", lo, offset), lo - 1) + 1


def breaks(text: str, lo: int = 0, hi: int | None = None) -> int:
    """Line breaks in `text[lo:hi]`: CR LF, LF or a lone CR (`LINE_BREAK`). A CR at `hi - 1` followed
    by an LF at `text[hi]` is not one: that break is the LF's, counted with the text after `hi`."""
    hi = len(text) if hi is None else hi
    n = text.count("\n", lo, hi)
    if text.find("\r", lo, hi) >= 0:
        n += text.count("\r", lo, hi) - text.count("\r\n", lo, hi + 1)
    return n


def line_span(text: str, offset: int) -> tuple[int, int]:
    """[start, end) of the line of `text` that holds `offset`, without its line break."""
    if 0 < offset < len(text) and text[offset] == "\n" and text[offset - 1] == "\r":
        offset -= 1  # (the LF of a CR LF belongs to the line it ends)
    start = line_start(text, offset)
    found = _BREAK_CHAR.search(text, offset)
    return start, len(text) if found is None else found.start()


def format_time(seconds: float | None) -> str | None:
    """3.2 -> "00:00:03,200" (SubRip style, milliseconds rounded): how cue times are shown everywhere."""
    if seconds is None:
        return None
    ms = int(round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d},{ms:03d}"


@dataclass(slots=True)
class Meta:
    """What the user declares about a document (CLI flags, front matter, archive fields)."""

    markets: tuple[str, ...] = ()
    language: str | None = None
    sponsored: bool | None = None
    product: str | None = None
    platform: str | None = None
    account: str | None = None
    type: str | None = None  # script | caption
    commercial: bool | None = None  # whether the post promotes or sells something (None: inferred)

    @property
    def declared_commercial(self) -> bool | None:
        """Commercial as declared: said outright, or implied by a sponsorship, a product or a business
        account; None when nothing was declared (the document's signals decide)."""
        if self.commercial is not None:
            return self.commercial
        if self.sponsored or self.product or (self.account or "").lower() == "business":
            return True
        return None

    def merged(self, other: Meta) -> Meta:
        """`other`'s declared values win over ours."""
        return Meta(
            markets=other.markets or self.markets,
            language=other.language or self.language,
            sponsored=other.sponsored if other.sponsored is not None else self.sponsored,
            product=other.product or self.product,
            platform=other.platform or self.platform,
            account=other.account or self.account,
            type=other.type or self.type,
            commercial=other.commercial if other.commercial is not None else self.commercial,
        )


#: a Meta's values in field order (`Meta(*values)` builds it again)
meta_values = attrgetter(*(f.name for f in _fields(Meta)))


@dataclass(slots=True)
class Segment:
    """A piece of text checked as one unit, with a map back into its original text.

    `pieces` are `(segment_offset, original_offset, length)` runs, sorted, covering every character of
    `text`: the segment text is the concatenation of those runs of `origin` (markup such as `<i>` or
    `**` between runs is left out). A segment that is one contiguous slice has a single piece.
    """

    text: str
    kind: str
    origin: str  # the original text the pieces point into (the file's text, or an archive field value)
    pieces: tuple[tuple[int, int, int], ...]
    index: int = 0  # position of the segment in its document
    cue: int | None = None  # subtitle cue number
    start_time: float | None = None  # seconds from the start of the video
    end_time: float | None = None
    field: str | None = None  # archive field this text came from
    speaker: str | None = None
    line_offset: int = 0  # lines of the file before `origin` starts (archives: the record's line - 1)

    @classmethod
    def whole(cls, origin: str, kind: str = "caption", start: int = 0, end: int | None = None, **kw) -> Segment:
        end = len(origin) if end is None else end
        return cls(text=origin[start:end], kind=kind, origin=origin, pieces=((0, start, end - start),), **kw)

    @property
    def has_text(self) -> bool:
        """Whether the segment has anything but white space to check."""
        return bool(self.text) and not self.text.isspace()

    def to_original(self, offset: int) -> int:
        """Map an offset in `text` to an offset in `origin` (an end offset maps to just past its char)."""
        pieces = self.pieces
        if len(pieces) == 1:
            return pieces[0][1] + offset
        i = bisect_right(pieces, (offset, 1 << 62, 0)) - 1
        seg_off, orig_off, length = pieces[max(i, 0)]
        return orig_off + min(offset - seg_off, length)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


@dataclass(slots=True)
class Document:
    path: str  # as the user gave it ("-" for stdin)
    segments: list[Segment]
    meta: Meta = _field(default_factory=Meta)
    text: str | None = None  # whole original text of a file document (None for archive records)
    format: str = "text"  # text | markdown | srt | vtt | csv | jsonl | json
    record: str | None = None  # archive record id
    record_line: int | None = None  # line of the record in its archive file


@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    severity: str
    message: str
    rationale: str
    suggestion: str | None
    source: str
    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    markets: list[str]
    segment: str  # segment kind
    language: str
    cue: int | None = None
    time: str | None = None
    field: str | None = None
    record: str | None = None
    related: list[str] = _field(default_factory=list)  # other rules that flagged the same words
    signals: list[str] = _field(default_factory=list)  # for inferred findings: what was found
    fix: str | None = None  # the rule's suggested replacement for `text` (from its `replacements`)
    reviewed: str | None = None  # when the rule was last checked against its source (YYYY-MM-DD)
    fix_safe: bool = False  # the pack marks that replacement safe: `check --fix` may write it
    # the words were written to get past a filter: {"read_as": what they read as, "how": [classes]}
    obfuscation: dict | None = None
    # (rule, start, end) of this finding's own words and of each finding merged into it
    # (`engine.merge_findings`); not reported: see `rule_spans`
    merged: list[tuple[str, int, int]] = _field(default_factory=list, repr=False, compare=False)

    def rule_spans(self) -> list[tuple[str, int, int]]:
        """(rule, start, end) of what each rule this finding stands for found: its own and those merged
        into it (`engine.merge_findings`), each at the words that rule matched."""
        return self.merged or [(self.rule, self.start, self.end)]

    def sort_key(self) -> tuple:
        return (self.field or "", self.start, self.end, -SEVERITY_RANK[self.severity], self.rule)

    def to_dict(self) -> dict:
        d = {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "rationale": self.rationale,
            "suggestion": self.suggestion,
            "source": self.source,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "markets": list(self.markets),
            "segment": self.segment,
            "language": self.language,
        }
        for key in ("cue", "time", "field", "record"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        if self.related:
            d["related"] = list(self.related)
        if self.signals:
            d["signals"] = list(self.signals)
        if self.fix is not None:
            d["fix"] = self.fix
            if self.fix_safe:
                d["fix_safe"] = True
        if self.reviewed is not None:
            d["reviewed"] = self.reviewed
        if self.obfuscation is not None:
            d["obfuscation"] = {"read_as": self.obfuscation["read_as"], "how": list(self.obfuscation["how"])}
        return d


@dataclass(slots=True)
class InputError:
    """A problem with the input that stops one file or record from being checked (never the run)."""

    path: str
    message: str
    line: int | None = None
    record: str | None = None
    offset: int | None = None  # byte offset, for decoding errors
    column: int | None = None  # on `line`, 1-based, where the place in the line is known (one-line JSON)

    def where(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.record is not None:
            where += f" (record {self.record})"
        if self.offset is not None:
            where += f" (byte {self.offset})"
        return where

    def to_dict(self) -> dict:
        d = {"path": self.path, "message": self.message}
        for key in ("line", "column", "record", "offset"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        return d

    def __str__(self) -> str:
        return f"{self.where()}: {self.message}"


class UsageError(Exception):
    """A problem the user must fix before anything can run (unknown market, broken pack...)."""
