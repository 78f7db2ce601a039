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


_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xFFA0, 0xFFDF))  # jamo compose with their neighbours


def _tables() -> tuple[str, dict[str, str]]:
    """A regex character class of every character NFKC changes (BMP and the math letters), and the
    ones among them that fold to one other character whatever stands next to them (full-width
    punctuation, letters and digits, "fancy font" letters): those are replaced in one pass, and since
    the text keeps its length, offsets need no map."""
    ranges: list[list[int]] = []
    one_to_one: dict[str, str] = {}
    for cp in list(range(0xA0, 0x10000)) + list(range(0x1D400, 0x1D800)):
        if 0xD800 <= cp <= 0xDFFF or cp == 0x0E33:
            continue
        ch = chr(cp)
        folded = unicodedata.normalize("NFKC", ch)
        if folded != ch and not unicodedata.combining(ch):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
            if (len(folded) == 1 and not unicodedata.combining(folded)
                    and not any(a <= cp <= b or a <= ord(folded) <= b for a, b in _HANGUL)):
                one_to_one[ch] = _TRANSLATE.get(folded, folded)
    for ch, folded in _TRANSLATE.items():
        if len(folded) == 1:
            one_to_one[ch] = folded
    parts = [f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges]
    return "".join(parts) + "".join(f"\\U{ord(c):08x}" for c in _TRANSLATE), one_to_one


_CHANGING, _ONE_TO_ONE = _tables()
# A character to fold, or a base letter with combining accents to compose, or Thai ํ + า.
_CHANGE = regex.compile(rf"[{_CHANGING}]|.[\u0300-\u036f\u0e4d]+\u0e32?|\u0e4d\u0e32", regex.S)
def _class(chars) -> str:
    ranges: list[list[int]] = []
    for cp in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


# The one-for-one folds seen in practice, in a class small enough to be fast (a class of all of them
# costs more than the rest of normalising): full-width forms, the ideographic space, quotes, dashes.
_COMMON = [c for c in _ONE_TO_ONE if 0xFF01 <= ord(c) <= 0xFF5E or c == "\u3000" or c in _TRANSLATE]
_ONE = re.compile(f"[{_class(_COMMON)}]")


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


_TRANSLATED = regex.compile("[" + "".join(_TRANSLATE) + "]")


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
