"""Stage 3: segment text -> normalized text, with a map back to the segment's offsets.

What is folded, so that rules match what readers see rather than how it was typed:
- compatibility forms (NFKC): full-width letters, digits and punctuation (`ＷｈａｔｓＡｐｐ`, `１００％`,
  `，`), ligatures, circled and super-script digits, "fancy font" letters (`𝐛𝐞𝐬𝐭`);
- combining accents composed with their base (NFC): Vietnamese tone marks typed separately;
- Thai: `ํ` + `า` typed separately become `ำ` (and `ำ` itself is kept, where NFKC would split it);
- typographic quotes and dashes to ASCII (`don’t` matches `don't`);
- invisible characters removed (zero-width space, BOM, soft hyphen, word joiner).

Case is not folded here: rules match on spaCy's `LOWER` attribute, so `exact` rules still can.
Only the characters that change are touched: the text between them is copied as it is, and the map
back is a short list of runs rather than an offset per character.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import regex

_TRANSLATE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u200b": "", "\ufeff": "", "\u00ad": "", "\u2060": "",
}
_SARA_AM = "\u0e33"


def _class(chars) -> str:
    """A regex character class (ranges) of `chars`."""
    ranges: list[list[int]] = []
    for cp in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


def _changing() -> list[str]:
    """Every character NFKC changes on its own (BMP and the math letters), but Thai ำ and combining marks."""
    return [
        chr(cp)
        for cp in list(range(0xA0, 0x10000)) + list(range(0x1D400, 0x1D800))
        if not (0xD800 <= cp <= 0xDFFF or cp == 0x0E33)
        and unicodedata.normalize("NFKC", chr(cp)) != chr(cp) and not unicodedata.combining(chr(cp))
    ]


# A character to fold, or a base letter with combining accents to compose, or Thai ํ + า.
_CHANGE = regex.compile(
    rf"[{_class(_changing() + list(_TRANSLATE))}]|.[\u0300-\u036f\u0e4d]+\u0e32?|\u0e4d\u0e32", regex.S
)

# The one-for-one folds seen in practice: full-width forms, the ideographic space, typographic quotes
# and dashes. Replaced in one pass, the text keeps its length, so offsets need no map. (A class of every
# one-for-one fold costs more than the rest of normalising; the others take the per-cluster path.)
_ONE_TO_ONE = {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in [*range(0xFF01, 0xFF5F), 0x3000]}
_ONE_TO_ONE |= {c: folded for c, folded in _TRANSLATE.items() if len(folded) == 1}
_ONE = re.compile(f"[{_class(_ONE_TO_ONE)}]")


def _one_to_one(m) -> str:
    return _ONE_TO_ONE[m.group()]


@dataclass(slots=True)
class Normalized:
    text: str
    # Runs of the normalized text: (normalized start, original start, original end, same) where `same`
    # runs are copied unchanged and the others are one folded cluster. Empty for the identity.
    runs: list[tuple[int, int, int, bool]]

    def _at(self, offset: int) -> int:
        runs = self.runs
        i = bisect_right(runs, (offset, sys.maxsize)) - 1
        if i < 0:
            return 0
        nstart, ostart, oend, same = runs[i]
        if same:
            return min(ostart + (offset - nstart), oend)
        return ostart

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized [start, end) span to a segment span."""
        if not self.runs:
            return start, end
        if end <= start:
            pos = self._at(start)
            return pos, pos
        return self._at(start), self._end(end)

    def _end(self, end: int) -> int:
        # the original end of normalized char end-1: inside a folded cluster, the cluster's end
        runs = self.runs
        i = bisect_right(runs, (end - 1, sys.maxsize)) - 1
        nstart, ostart, oend, same = runs[i]
        return ostart + (end - nstart) if same else oend

    def char(self, offset: int) -> int:
        return offset if not self.runs else self._at(offset)


def _fold(cluster: str) -> str:
    folded = "".join(_TRANSLATE.get(c, c) for c in cluster)
    if not folded:
        return folded
    folded = unicodedata.normalize("NFKC", folded)
    return folded.replace("\u0e4d\u0e32", _SARA_AM)


_TRANSLATED = re.compile("[" + "".join(_TRANSLATE) + "]")  # (re: a third of regex's time here)


def _stable(text: str) -> bool:
    return (unicodedata.is_normalized("NFKC", text.replace(_SARA_AM, ""))
            and _TRANSLATED.search(text) is None and "\u0e4d" not in text)


def normalize(text: str) -> Normalized:
    if text.isascii() or _stable(text):
        return Normalized(text, [])
    # common one-for-one folds first (Chinese full-width punctuation, typographic quotes): the text keeps
    # its length, so offsets need no map
    text = _ONE.sub(_one_to_one, text)
    if _stable(text):
        return Normalized(text, [])
    out: list[str] = []
    runs: list[tuple[int, int, int, bool]] = []
    pos = npos = 0
    for m in _CHANGE.finditer(text):
        s, e = m.span()
        cluster = text[s:e]
        folded = _fold(cluster)
        if folded == cluster:
            continue
        if s > pos:
            out.append(text[pos:s])
            runs.append((npos, pos, s, True))
            npos += s - pos
        out.append(folded)
        runs.append((npos, s, e, False))
        npos += len(folded)
        pos = e
    if not runs:
        return Normalized(text, [])
    if pos < len(text):
        out.append(text[pos:])
        runs.append((npos, pos, len(text), True))
    return Normalized("".join(out), runs)
