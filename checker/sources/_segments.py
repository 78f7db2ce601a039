"""Building `Segment`s from runs of their original text."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..language import language_code
from ..model import Meta, Segment

Range = tuple[int, int]  # [start, end) in the origin


def trim(origin: str, ranges: list[Range]) -> list[Range]:
    """Drop empty ranges and leading/trailing whitespace of the whole run list."""
    out = [(s, e) for s, e in ranges if e > s]
    while out:
        s, e = out[0]
        while s < e and origin[s].isspace():
            s += 1
        if s < e:
            out[0] = (s, e)
            break
        out.pop(0)
    while out:
        s, e = out[-1]
        while e > s and origin[e - 1].isspace():
            e -= 1
        if e > s:
            out[-1] = (s, e)
            break
        out.pop()
    return out


def build(origin: str, ranges: list[Range], kind: str, **kw) -> Segment | None:
    """A segment whose text is the concatenation of `origin[s:e]` for the ranges (trimmed), or None if empty."""
    if len(ranges) == 1:  # the common case (an archive field is always one range)
        text, start = strip_slice(origin, *ranges[0])
        if not text:
            return None
        return Segment(text=text, kind=kind, origin=origin, pieces=((0, start, len(text)),), **kw)
    ranges = trim(origin, ranges)
    if not ranges:
        return None
    merged: list[list[int]] = []
    for s, e in ranges:
        if merged and merged[-1][1] == s:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    pieces = []
    parts = []
    pos = 0
    for s, e in merged:
        pieces.append((pos, s, e - s))
        parts.append(origin[s:e])
        pos += e - s
    return Segment(text="".join(parts), kind=kind, origin=origin, pieces=tuple(pieces), **kw)


# Longest segment text handed on. spaCy refuses a text over 1,000,000 characters (E088), and NFKC
# normalization can make one character 18 (U+FDFA): 50,000 stays under that limit after any folding.
MAX_SEGMENT_CHARS = 50_000
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’)\]」』]*\s|[。！？]")


def bounded(segments: list[Segment], limit: int = MAX_SEGMENT_CHARS) -> list[Segment]:
    """`segments`, each one longer than `limit` cut into consecutive segments of at most `limit` characters:
    at the last line break in the second half of each window, else the last sentence end, else the last
    whitespace, else at `limit`. The parts keep everything else of their segment (kind, field, cue...),
    and their `pieces` still map every character into the same origin. Segments are renumbered when any
    is cut."""
    if all(len(seg.text) <= limit for seg in segments):
        return segments
    out: list[Segment] = []
    for seg in segments:
        if len(seg.text) <= limit:
            out.append(seg)
            continue
        for a, b in _cuts(seg.text, limit):
            out.append(_part(seg, a, b))
    for i, seg in enumerate(out):
        seg.index = i
    return out


def _cuts(text: str, limit: int) -> list[Range]:
    """[start, end) of each part of `text` (whitespace at the cuts left out; no part empty or over `limit`)."""
    parts: list[Range] = []
    n = len(text)
    pos = 0
    while pos < n:
        while pos < n and text[pos].isspace():
            pos += 1
        if pos >= n:
            break
        end = pos + limit
        if end >= n:
            cut = n
        else:
            half = pos + limit // 2
            cut = text.rfind("\n", half, end) + 1
            if cut <= 0:
                cut = 0
                for m in _SENTENCE_END.finditer(text, half, end):
                    cut = m.end()
            if cut <= 0:
                cut = max(text.rfind(" ", half, end), text.rfind("\t", half, end),
                          text.rfind("\u3000", half, end)) + 1
            if cut <= 0:
                cut = end
        stop = cut
        while stop > pos and text[stop - 1].isspace():
            stop -= 1
        if stop > pos:
            parts.append((pos, stop))
        pos = cut
    return parts


def _part(seg: Segment, a: int, b: int) -> Segment:
    """The segment of `seg.text[a:b]`, its pieces cut to that span."""
    pieces = []
    for seg_off, orig_off, length in seg.pieces[max(bisect_right(seg.pieces, (a, 1 << 62, 0)) - 1, 0):]:
        if seg_off >= b:
            break
        start = max(seg_off, a)
        stop = min(seg_off + length, b)
        if stop > start:
            pieces.append((start - a, orig_off + start - seg_off, stop - start))
    return Segment(seg.text[a:b], seg.kind, seg.origin, tuple(pieces), seg.index, seg.cue, seg.start_time,
                   seg.end_time, seg.field, seg.speaker, seg.line_offset)


def strip_slice(origin: str, start: int, end: int) -> tuple[str, int]:
    """`origin[start:end]` without its leading and trailing whitespace, and where that starts in `origin`
    (the text is empty when there is nothing else). What `trim` does to a single range, but by
    `str.lstrip`/`rstrip`, which strip exactly the characters `str.isspace` is true of, instead of a
    character at a time."""
    text = origin[start:end].lstrip()
    start = end - len(text)
    return text.rstrip(), start


def reindex(segments: list[Segment]) -> list[Segment]:
    """Sort segments by where they start in their origin and number them 0, 1, 2..."""
    segments.sort(key=lambda seg: (seg.pieces[0][1], seg.field or ""))
    for i, seg in enumerate(segments):
        seg.index = i
    return segments


TRUE_WORDS = {"true", "yes", "y", "1", "on", "t"}
FALSE_WORDS = {"false", "no", "n", "0", "off", "f"}


def parse_bool(value) -> bool | None:
    """true/false/yes/no/y/n/1/0 (any case) -> bool; empty -> None; raises ValueError otherwise."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if not text:
        return None
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError(f"cannot read {value!r} as true/false (use true/false, yes/no or 1/0)")


def parse_markets(value) -> tuple[str, ...]:
    """"us", "us,uk", "US; UK", ["us", "uk"] -> ("us", "uk")."""
    if value is None:
        return ()
    items = value if isinstance(value, list | tuple) else [value]
    out: list[str] = []
    for item in items:
        for part in str(item).replace(";", ",").replace("/", ",").replace("|", ",").split(","):
            for word in part.split():
                word = word.strip().lower()
                if word and word not in out:
                    out.append(word)
    return tuple(out)


def _word(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text.lower() or None


META_KEYS = {
    "market": "markets", "markets": "markets",
    "language": "language", "lang": "language",
    "sponsored": "sponsored",
    "commercial": "commercial",
    "product": "product",
    "platform": "platform",
    "account": "account",
    "type": "type",
}


class MetaValueError(ValueError):
    """A declared value that cannot be read; `key` is its Meta key ("sponsored", "language")."""

    def __init__(self, key: str, message: str):
        super().__init__(f"{key}: {message}")
        self.key = key


def meta_from_values(values: dict) -> Meta:
    """A Meta from {"markets"|"language"|"sponsored"|...: raw value}; raises MetaValueError naming the key.
    A language is mapped to its code (`language.language_code`: en-US -> en) or refused."""
    meta = Meta()
    for key, value in values.items():
        if key == "markets":
            meta.markets = parse_markets(value)
        elif key in ("sponsored", "commercial"):
            try:
                setattr(meta, key, parse_bool(value))
            except ValueError as exc:
                raise MetaValueError(key, str(exc)) from None
        elif key == "language":
            if _word(value) is not None:
                try:
                    meta.language = language_code(value)
                except ValueError as exc:
                    raise MetaValueError(key, str(exc)) from None
        elif key in ("product", "platform", "account", "type"):
            setattr(meta, key, _word(value))
    return meta
