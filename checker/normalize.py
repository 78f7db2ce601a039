"""Stage 3: segment text -> normalized text, with a map back to the segment's offsets.

What is folded, so that rules match what readers see rather than how it was typed:
- compatibility forms (NFKC): full-width letters and digits (`ＷｈａｔｓＡｐｐ`, `１００％`), ligatures,
  circled and super-script digits;
- combining marks composed with their base (NFC): Vietnamese tone marks and Thai vowels typed as
  separate characters;
- typographic quotes and dashes to ASCII (`don’t` matches `don't`);
- invisible characters removed (zero-width space, BOM, soft hyphen, word joiner).

Case is not folded here: rules match on spaCy's `LOWER` attribute, so `exact` rules still can.
Most text needs none of this, and takes a fast path that copies nothing.
"""

from __future__ import annotations

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
_SPECIAL = regex.compile("[" + "".join(_TRANSLATE) + "]")


@dataclass(slots=True)
class Normalized:
    text: str
    # For a changed text: `starts[i]` is the segment offset where normalized char i came from, and
    # `ends[i]` the end of that source cluster. Empty for the identity.
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized [start, end) span to a segment span."""
        if not self.starts:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def char(self, offset: int) -> int:
        if not self.starts:
            return offset
        if offset >= len(self.starts):
            return self.ends[-1] if self.ends else 0
        return self.starts[offset]

    def to_normalized(self, seg_offset: int) -> int:
        """Map a segment offset to the first normalized char at or after it."""
        if not self.starts:
            return seg_offset
        return bisect_right(self.starts, seg_offset - 1)


_SARA_AM = "\u0e33"  # Thai ำ: NFKC would split it into ํ + า; we keep (and make) the composed letter
_NIKHAHIT_AA = "\u0e4d\u0e32"


def normalize(text: str) -> Normalized:
    if text.isascii() or (
        unicodedata.is_normalized("NFKC", text.replace(_SARA_AM, ""))
        and _SPECIAL.search(text) is None
        and _NIKHAHIT_AA not in text
    ):
        return Normalized(text, [], [])
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        folded = "".join(_TRANSLATE.get(c, c) for c in cluster)
        folded = unicodedata.normalize("NFKC", folded) if folded else folded
        for ch in folded:
            if ch == "\u0e32" and out and out[-1] == "\u0e4d":
                out[-1] = _SARA_AM  # ํ + า, typed or from NFKC, is the letter ำ
                ends[-1] = j
                continue
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return Normalized("".join(out), starts, ends)
