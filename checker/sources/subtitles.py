"""SubRip (.srt) and WebVTT (.vtt) subtitles: one `Document` per file, one `spoken` segment per cue.

A cue's lines are joined with their newline (kept in `pieces`, so a phrase broken over two lines is
still one phrase). Styling is left out of the text through `pieces`: ``<i>``, ``<b>``, ``<u>``,
``<font ...>``, ``{\\an8}`` and other ``{\\...}`` overrides, WebVTT ``<c.x>``, ``<lang xx>``, ``<ruby>``,
inline timestamps and ``<v Speaker>`` (which also sets `Segment.speaker`). A malformed cue is a
`PartialInputError` with its line number; the cue is skipped and the rest of the file is read.
"""

from __future__ import annotations

import regex

from ..model import Document, InputError, Meta, Segment, format_time
from ._segments import Range, bounded, build
from .errors import PartialInputError
from .text import split_lines

_TS = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
SRT_TIMING_RE = regex.compile(rf"[ \t]*{_TS}[ \t]*-->[ \t]*{_TS}(?:[ \t].*)?$")
VTT_TIMING_RE = regex.compile(rf"[ \t]*{_TS}[ \t]+-->[ \t]+{_TS}(?:[ \t].*)?$")
# a line meant as a timing line, however broken its arrow ("->", "- ->", "==>", none): two timestamps
LOOSE_TIMING_RE = regex.compile(r"[ \t]*(?:\d+:)?\d{1,2}:\d{1,2}(?:[,.:]\d{1,3})?\b.*?\d{1,2}:\d{1,2}|.*-->")


def _out_of_range(match) -> str | None:
    """The timestamp of a timing line whose minutes or seconds are over 59, or None."""
    g = match.groups()
    for k in (0, 4):
        _, minutes, secs, _ = g[k:k + 4]
        if int(minutes) > 59 or int(secs) > 59:
            return _stamp(g[k:k + 4])
    return None


def _stamp(groups) -> str:
    hours, minutes, secs, frac = groups
    return f"{hours + ':' if hours is not None else ''}{minutes}:{secs}.{frac}"
TAG_RE = regex.compile(
    r"</?(?:i|b|u|s|em|strong|font|span|c|v|lang|ruby|rt|rp)(?:[.\s][^<>]*)?>|<\d{1,2}:\d{2}(?::\d{2})?\.\d{3}>"
    r"|\{\\[^{}]*\}",
    regex.IGNORECASE,
)
VOICE_RE = regex.compile(r"<v(?:\.[^\s>]+)*\s+([^>]+)>", regex.IGNORECASE)


def _seconds(groups) -> float:
    hours, minutes, secs, frac = groups
    frac = (frac + "00")[:3]
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs) + int(frac) / 1000


def _timing(match) -> tuple[float, float]:
    g = match.groups()
    return _seconds(g[0:4]), _seconds(g[4:8])


def _cue_segment(text: str, lines, kind: str = "spoken", **kw) -> Segment | None:
    """A segment over the payload lines, markup left out; `<v Name>` sets the speaker."""
    ranges: list[Range] = []
    speaker = None
    for n, line in enumerate(lines):
        if n and lines[n - 1].newline is not None:
            nl = lines[n - 1].newline
            ranges.append((nl, nl + 1))
        pos = line.start
        for m in TAG_RE.finditer(text, line.start, line.end):
            voice = VOICE_RE.fullmatch(m.group())
            if voice and speaker is None:
                speaker = voice.group(1).strip()
            ranges.append((pos, m.start()))
            pos = m.end()
        ranges.append((pos, line.end))
    return build(text, ranges, kind, speaker=speaker, **kw)


def _blocks(text: str, lines):
    """Groups of consecutive non-blank lines."""
    block = []
    for line in lines:
        if text[line.start:line.end].strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _split_glued(text: str, block, timing_re):
    """Split a block where a new cue starts without a blank line before it (number + timing line, even
    a broken one: that cue is then reported, not read as lines of the cue before it)."""
    start = 0
    for k in range(2, len(block) - 1):
        if text[block[k].start:block[k].end].strip().isdecimal() and (
                timing_re.match(text, block[k + 1].start, block[k + 1].end)
                or LOOSE_TIMING_RE.match(text, block[k + 1].start, block[k + 1].end)):
            yield block[start:k]
            start = k
    yield block[start:]


def parse_srt(path: str, text: str, defaults: Meta) -> tuple[Document, list[InputError]]:
    lines = split_lines(text)
    segments: list[Segment] = []
    errors: list[InputError] = []
    last_end = 0.0
    for big in _blocks(text, lines):
        for block in _split_glued(text, big, SRT_TIMING_RE):
            first = text[block[0].start:block[0].end].strip().lstrip("\ufeff")
            number = int(first) if first.isdecimal() else None
            timing_line = block[1] if number is not None and len(block) > 1 else block[0]
            m = SRT_TIMING_RE.match(text, timing_line.start, timing_line.end)
            if number is None:
                what = "a timing line" if m else f"{first[:40]!r}"
                errors.append(PartialInputError(
                    path, f"malformed cue: expected a cue number, found {what}; cue skipped",
                    line=block[0].number))
                continue
            if m is None:
                found = text[timing_line.start:timing_line.end].strip() if len(block) > 1 else "nothing"
                errors.append(PartialInputError(
                    path, f"malformed cue {number}: expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm', found "
                          f"{found[:60]!r}; cue skipped", line=timing_line.number))
                continue
            bad = _out_of_range(m)
            if bad:
                errors.append(PartialInputError(
                    path, f"malformed cue {number}: {bad} has minutes or seconds over 59; cue skipped",
                    line=timing_line.number))
                continue
            start, end = _timing(m)
            if end < start:
                errors.append(PartialInputError(
                    path, f"malformed cue {number}: ends ({format_time(end)}) before it starts "
                          f"({format_time(start)}); cue skipped", line=timing_line.number))
                continue
            last_end = max(last_end, end)
            seg = _cue_segment(text, block[2:], cue=number, start_time=start, end_time=end)
            if seg is not None:
                segments.append(seg)
    segments = bounded(segments)
    for i, seg in enumerate(segments):
        seg.index = i
    doc = Document(path=path, segments=segments, meta=defaults.merged(Meta(type="script")) if not defaults.type
                   else defaults, text=text, format="srt")
    return doc, errors


def parse_vtt(path: str, text: str, defaults: Meta) -> tuple[Document, list[InputError]]:
    lines = split_lines(text)
    segments: list[Segment] = []
    errors: list[InputError] = []
    blocks = list(_blocks(text, lines))
    if not blocks or not text[blocks[0][0].start:blocks[0][0].end].lstrip("\ufeff").startswith("WEBVTT"):
        errors.append(PartialInputError(path, "missing 'WEBVTT' header on the first line; read anyway", line=1))
    else:
        blocks = blocks[1:]  # the header block
    ordinal = 0
    for big in blocks:
        for block in _split_glued(text, big, VTT_TIMING_RE):
            first = text[block[0].start:block[0].end]
            head = first.strip()
            if head.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in head:
                continue
            m = VTT_TIMING_RE.match(text, block[0].start, block[0].end)
            ident = None
            payload = block[1:]
            if m is None and len(block) > 1 and "-->" not in first:
                ident = head
                m = VTT_TIMING_RE.match(text, block[1].start, block[1].end)
                payload = block[2:]
            ordinal += 1
            if m is None:
                bad = block[1] if ident is not None else block[0]
                found = text[bad.start:bad.end].strip()
                errors.append(PartialInputError(
                    path, f"malformed cue: expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm', found {found[:60]!r}; "
                          "cue skipped", line=bad.number))
                continue
            bad = _out_of_range(m)
            if bad:
                errors.append(PartialInputError(
                    path, f"malformed cue: {bad} has minutes or seconds over 59; cue skipped",
                    line=(block[1] if ident is not None else block[0]).number))
                continue
            start, end = _timing(m)
            if end < start:
                errors.append(PartialInputError(
                    path, f"malformed cue: ends ({format_time(end)}) before it starts ({format_time(start)}); "
                          "cue skipped", line=block[0].number))
                continue
            number = int(ident) if ident is not None and ident.isdecimal() else ordinal
            seg = _cue_segment(text, payload, cue=number, start_time=start, end_time=end)
            if seg is not None:
                segments.append(seg)
    segments = bounded(segments)
    for i, seg in enumerate(segments):
        seg.index = i
    doc = Document(path=path, segments=segments, meta=defaults.merged(Meta(type="script")) if not defaults.type
                   else defaults, text=text, format="vtt")
    return doc, errors
