"""Stage 3: segment text -> normalized text, with a map back to the segment's offsets.

What is folded, so that rules match what readers see rather than how it was typed:
- compatibility forms (NFKC): full-width letters, digits and punctuation (`ＷｈａｔｓＡｐｐ`, `１００％`,
  `，`), ligatures, circled and super-script digits, "fancy font" letters (`𝐛𝐞𝐬𝐭`);
- combining accents composed with their base (NFC): Vietnamese tone marks typed separately;
- Thai: `ํ` + `า` typed separately become `ำ` (and `ำ` itself is kept, where NFKC would split it);
- typographic quotes and dashes to ASCII (`don’t` matches `don't`);
- Thai tone marks typed before an upper vowel (`ท่ี`) put after it, a doubled tone mark kept once;
  Vietnamese tone marks on `oa`, `oe`, `uy` at a syllable's end put on the second vowel (`hòa` is
  read as `hoà`: both spellings are in use);
- invisible characters removed: the whole Unicode class of default-ignorable code points and format
  characters (zero-width space, joiner and non-joiner, word joiner, bidi marks and overrides, the
  combining grapheme joiner, the Mongolian vowel separator, the Arabic letter mark, soft hyphens,
  variation selectors, tag characters), and control characters other than white space;
- look-alike letters of another script inside a Latin word (a Cyrillic `а` in `Whаtsapp`) folded to
  the Latin letter they imitate, from Unicode's confusables data (UTS #39), when every non-Latin
  letter of the word has one: real Cyrillic, Greek or Thai words are left as they are.

Invisible characters inside a word and look-alike letters are *marks* of the result (`Normalized.marks`):
a finding whose words hold one says it was obfuscated (`checker/evasion.py` adds the readings that
depend on a language's listed terms: leetspeak, separators, spaced letters...).

Case is not folded here: rules match on spaCy's `LOWER` attribute, so `exact` rules still can.
Only the characters that change are touched: the text between them is copied as it is, and the map
back is a short list of runs rather than an offset per character.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

import regex

from . import diskcache

_TRANSLATE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u200b": "", "\ufeff": "", "\u00ad": "", "\u2060": "",
}
_SARA_AM = "\u0e33"


_THAI_TONE = "\u0e48-\u0e4b"
_THAI_UPPER = "\u0e31\u0e34-\u0e37\u0e47"
# Vietnamese oa/oe/uy with the tone on the first vowel at the end of a syllable (hòa, thúy)
_VI_FIRST = frozenset("òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ")
_VI_OLD_TONE = "(?i:[òóỏõọ][ae]|[ùúủũụ]y)(?![\\w\u0300-\u036f])"


def _class(chars) -> str:
    """A regex character class (ranges) of `chars`."""
    ranges: list[list[int]] = []
    for cp in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


# Letters of a script other than Latin, Han, Thai, Hangul or kana: where a look-alike may come from.
_OTHER = r"[^\P{L}\p{Latin}\p{Han}\p{Thai}\p{Hangul}\p{Hiragana}\p{Katakana}]"


# Unicode's default-ignorable code points and format characters, and the control characters that
# are not white space. (The Hangul fillers are letters that show as nothing: read as nothing too.)
_IGNORABLE_CLASS = r"\p{Default_Ignorable_Code_Point}\p{Cf}\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"


def _classes() -> tuple[list[str], str]:
    """The ignorable characters and the letters of `_OTHER` as plain character classes, read from the
    `regex` module's property tables once (a plain `re` class is checked at C speed). The letters are
    those of plane 0 only: thousands of ranges above it make an `re` class slow."""
    chars = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x20000), *range(0xE0000, 0xE1000)]))
    ignorable = regex.findall(f"[{_IGNORABLE_CLASS}]", chars)
    return ignorable, _class(regex.findall(_OTHER, chars[:0xF800]))


def _changing() -> list[str]:
    """Every character NFKC changes on its own (BMP and the math letters), but Thai ำ and combining marks."""
    return [
        chr(cp)
        for cp in list(range(0xA0, 0x10000)) + list(range(0x1D400, 0x1D800))
        if not (0xD800 <= cp <= 0xDFFF or cp == 0x0E33)
        and unicodedata.normalize("NFKC", chr(cp)) != chr(cp) and not unicodedata.combining(chr(cp))
    ]


def _tables() -> tuple[list[str], str, list[str]]:
    """`_classes()` and `_changing()`: a scan of every code point (tenths of a second at each start),
    kept in reelcheck's cache folder under the versions of what they are read from."""
    key = f"py{sys.version_info[0]}.{sys.version_info[1]}-unicode{unicodedata.unidata_version}-regex{regex.__version__}"
    if diskcache.enabled():
        found = diskcache.load(TABLES_LAYOUT, key)
        if isinstance(found, tuple) and len(found) == 3:
            return found
    made = (*_classes(), _changing())
    if diskcache.enabled():
        diskcache.store(TABLES_LAYOUT, key, made)
    return made


TABLES_LAYOUT = "unicode-v1"
_IGNORABLE_CHAR_LIST, _OTHER_CHARS, _CHANGING = _tables()
_IGNORABLE_CHARS = _class(_IGNORABLE_CHAR_LIST)
IGNORABLE = re.compile(f"[{_IGNORABLE_CHARS}]+")  # (a run of them: the same as the class above, in `re`)
_OTHER_LETTER = re.compile(f"[{_OTHER_CHARS}]")


# A character to fold, or a base letter with combining accents to compose, or Thai ํ + า, or Thai
# tone marks before an upper vowel or doubled, or a Vietnamese tone mark on the first vowel of oa/oe/uy.
# (Plain `re` with the ignorable characters listed: the same matches as `regex` with the properties,
# checked over every code point, and a fifth of the time.)
_CHANGE = re.compile(
    rf"[{_class(_CHANGING + list(_TRANSLATE))}]|[{_THAI_TONE}]+[{_THAI_UPPER}]|([{_THAI_TONE}])\1+"
    rf"|{_VI_OLD_TONE}|.[\u0300-\u036f\u0e4d]+\u0e32?|\u0e4d\u0e32|[{_IGNORABLE_CHARS}]+",
    re.S,
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
    # What was folded that a reader does not see or takes for something else: (normalized start,
    # normalized end, what) with `what` one of `evasion.CLASSES` (an invisible character removed
    # inside a word is an empty span at its place)
    marks: list[tuple[int, int, str]] = field(default_factory=list)

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


_THAI_MARKS = regex.compile(rf"([{_THAI_TONE}])+([{_THAI_UPPER}])|([{_THAI_TONE}])\3+")


def _thai(m) -> str:
    return m.group(2) + m.group(1) if m.group(2) else m.group(3)


def _vi_tone(pair: str) -> str:
    """hòa -> hoà: the tone mark of the first vowel on the second one."""
    first = unicodedata.normalize("NFD", pair[0])
    base, marks = first[0], first[1:]
    return unicodedata.normalize("NFC", base + pair[1] + marks)


def _fold(cluster: str) -> str:
    folded = "".join(_TRANSLATE.get(c, c) for c in IGNORABLE.sub("", cluster))
    if not folded:
        return folded
    if len(folded) == 2 and folded[0] in _VI_FIRST:
        return _vi_tone(unicodedata.normalize("NFC", folded))
    folded = unicodedata.normalize("NFKC", folded)
    if "\u0e48" <= folded[0] <= "\u0e4b":
        folded = _THAI_MARKS.sub(_thai, folded)
    return folded.replace("\u0e4d\u0e32", _SARA_AM)


# What `is_normalized` does not see: typographic quotes and dashes, invisible characters, Thai and
# Vietnamese tone-mark variants (re: a third of regex's time here)
_UNSTABLE = re.compile(f"[{_class(list(_TRANSLATE))}\u0e4d]")
# Thai and Vietnamese tone-mark variants (exactly the ones `_CHANGE` moves: `của` and `mùa` are no
# variant, and a text that holds only them takes the fast path): a Thai tone mark before an upper vowel
# or another tone mark, or `_VI_OLD_TONE`; written to begin with one class, which `re` skips to (an
# alternation of differently beginning patterns is tried at every character)
_VARIANTS = re.compile(
    f"[{_THAI_TONE}{''.join(sorted(_VI_FIRST))}](?:(?<=[{_THAI_TONE}])[{_THAI_UPPER}{_THAI_TONE}]"
    "|(?<=[òóỏõọÒÓỎÕỌ])[aeAE](?![\\w\u0300-\u036f])|(?<=[ùúủũụÙÚỦŨỤ])[yY](?![\\w\u0300-\u036f]))")
# Every character that may need more than NFKC, in one class: one search tells most texts apart
_SPECIAL = re.compile(
    f"[{_class(list(_TRANSLATE))}\u0e4d{_THAI_TONE}òóỏõọùúủũụÒÓỎÕỌÙÚỦŨỤ{_IGNORABLE_CHARS}{_OTHER_CHARS}]")
_ASCII_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f]")


_HARD = re.compile(f"[{_class(list(_TRANSLATE))}\u0e4d{_IGNORABLE_CHARS}{_OTHER_CHARS}]")


def _plain(text: str) -> bool:
    """Whether `text` needs nothing of `_stable` and `_homoglyphs`: no character of `_SPECIAL` but
    Thai or Vietnamese tone marks where they belong."""
    return _first_hard(text) is None


def _first_hard(text: str) -> int | None:
    """Where `text` first needs more than NFKC (a character of `_HARD`, or a tone-mark variant), or
    None when it is `_plain`."""
    first = _SPECIAL.search(text)
    if first is None:
        return None
    at = first.start()
    hard, variant = _HARD.search(text, at), _VARIANTS.search(text, at)
    if hard is None or variant is None:
        return None if hard is variant else (hard or variant).start()
    return min(hard.start(), variant.start())


def _stable(text: str) -> bool:
    """Whether normalizing `text` leaves it as it is (look-alike letters apart: see `_homoglyphs`)."""
    if not unicodedata.is_normalized("NFKC", text.replace(_SARA_AM, "")):
        return False
    if _SPECIAL.search(text) is None:
        return True
    return (_UNSTABLE.search(text) is None and IGNORABLE.search(text) is None
            and _VARIANTS.search(text) is None)


def normalize(text: str) -> Normalized:
    if text.isascii():
        if _ASCII_CONTROL.search(text) is None:
            return Normalized(text, [])
    elif unicodedata.is_normalized("NFKC", text):
        at = _first_hard(text)
        if at is None:
            return Normalized(text, [])  # (the common case: nothing to fold, no letter of another script)
        if IGNORABLE.match(text, at):  # (the next most common: emoji joined or styled by invisible characters)
            norm = _invisible_only(text, at)
            if norm is not None:
                return norm
    if _stable(text):
        return _homoglyphs(Normalized(text, []))
    # common one-for-one folds first (Chinese full-width punctuation, typographic quotes): the text keeps
    # its length, so offsets need no map
    folded = _ONE.sub(_one_to_one, text)
    if folded is not text and _stable(folded):  # (`sub` gives the text itself back when it changes nothing)
        return _homoglyphs(Normalized(folded, []))
    text = folded
    # invisible characters of plane 0 and nothing else (emoji sequences hold joiners and variation
    # selectors: the common case) are removed in a pass of their own
    runs = [m.span() for m in IGNORABLE.finditer(text)]
    if runs:
        stripped = _without(text, runs)
        if _stable(stripped):
            return _homoglyphs(_rebuild(text, ((s, e, "") for s, e in runs)))
    return _homoglyphs(_rebuild(text, ((m.start(), m.end(), None) for m in _CHANGE.finditer(text))))


def _invisible_only(text: str, at: int) -> Normalized | None:
    """`text` (NFKC, its first character to change an invisible one at `at`) without its invisible
    characters, when nothing else in it changes; else None."""
    runs = [m.span() for m in IGNORABLE.finditer(text, at)]
    stripped = _without(text, runs)
    if not unicodedata.is_normalized("NFKC", stripped) or not _plain(stripped):
        return None
    return _rebuild(text, ((s, e, "") for s, e in runs))


def _without(text: str, runs: list[tuple[int, int]]) -> str:
    """`text` without the characters of `runs` (spans in text order, apart)."""
    return "".join(text[e:s] for (_, e), (s, _) in zip([(0, 0), *runs], [*runs, (len(text), 0)], strict=True))


def _rebuild(text: str, changes) -> Normalized:
    """The text with `changes` (start, end, folded or None: `_fold` it) made, and its map back."""
    def edits():
        for s, e, folded in changes:
            cluster = text[s:e]
            if folded is None:
                folded = _fold(cluster)
            if folded == cluster:
                continue
            invisible = len(folded) < len(cluster) and IGNORABLE.search(cluster) and _inside_word(text, s, e)
            yield s, e, folded, ("invisible", True) if invisible else None

    return rebuilt(text, edits())


def rebuilt(text: str, edits) -> Normalized:
    """`text` with `edits` made, and its map back (what `normalize` and the evasion readings build).
    Each edit is (start, end, replacement, mark), in text order and apart; `mark` is None or (what,
    after): what the edit undid (`evasion.CLASSES`), marked over the replacement, or as an empty mark
    just after it (`after`: an invisible character removed next to what is kept)."""
    out: list[str] = []
    runs: list[tuple[int, int, int, bool]] = []
    marks: list[tuple[int, int, str]] = []
    pos = npos = 0
    for s, e, replacement, mark in edits:
        if s > pos:
            out.append(text[pos:s])
            runs.append((npos, pos, s, True))
            npos += s - pos
        out.append(replacement)
        runs.append((npos, s, e, False))
        if mark is not None:
            what, after = mark
            end = npos + len(replacement)
            marks.append((end, end, what) if after else (npos, end, what))
        npos += len(replacement)
        pos = e
    if not runs:
        return Normalized(text, [])
    if pos < len(text):
        out.append(text[pos:])
        runs.append((npos, pos, len(text), True))
    return Normalized("".join(out), runs, marks)


def _inside_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands between two letters or digits (not between emoji, say), and is
    not a zero-width space between Thai letters (where it marks a word boundary, as Thai text uses it)."""
    if not (0 < start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()):
        return False
    return not (text[start:end] == "\u200b" and "\u0e00" <= text[start - 1] <= "\u0e7f"
                and "\u0e00" <= text[end] <= "\u0e7f")


# --- look-alike letters ------------------------------------------------------------------------------

# A word with an ASCII letter and a letter of a script other than Latin, Han, Thai, Hangul or kana:
# the only words where a look-alike can be folded (the table itself is loaded on first need).
_MIXED = regex.compile(rf"[A-Za-z][\p{{L}}\p{{M}}]*{_OTHER}|{_OTHER}[\p{{L}}\p{{M}}]*[A-Za-z]")
_WORD_RUN = regex.compile(r"[\p{L}\p{M}]+")


@cache
def confusables() -> dict[str, str]:
    """Letters of other scripts that Unicode's confusables data (UTS #39, through the maintained
    `confusable_homoglyphs` package) lists as look-alikes of one ASCII letter: Cyrillic `а` -> `a`,
    Greek `Ο` -> `O`. Latin letters, digits and symbols are not in it (leetspeak is a reading of
    `checker/evasion.py`, decided by the listed terms)."""
    from confusable_homoglyphs.confusables import confusables_data

    other = regex.compile(r"[\p{Latin}\p{Common}\p{Inherited}\p{Han}\p{Thai}]")
    table = {}
    for char, looks in confusables_data.items():
        if len(char) != 1 or not char.isalpha() or other.match(char):
            continue
        for look in looks:
            c = look["c"]
            if len(c) == 1 and c.isascii() and c.isalpha():
                table[char] = c
                break
    return table


def _homoglyphs(norm: Normalized) -> Normalized:
    """Fold look-alike letters inside Latin words (one letter for one: offsets do not move)."""
    text = norm.text
    if _OTHER_LETTER.search(text) is None or _MIXED.search(text) is None:
        return norm
    table = confusables()
    chars = list(text)
    marks = list(norm.marks)
    for m in _WORD_RUN.finditer(text):
        word = m.group()
        if not any("a" <= c.lower() <= "z" for c in word):
            continue
        foreign = [i for i, c in enumerate(word) if c.isalpha() and not c.isascii() and c in table]
        others = [c for c in word if c.isalpha() and not c.isascii() and c not in table
                  and not _LATIN.match(c)]
        if not foreign or others:
            continue  # a word of its own script, or one with letters that look like no Latin letter
        for i in foreign:
            chars[m.start() + i] = table[word[i]]
            marks.append((m.start() + i, m.start() + i + 1, "homoglyph"))
    if not marks or marks == norm.marks:
        return norm
    marks.sort()
    return Normalized("".join(chars), norm.runs, marks)


_LATIN = regex.compile(r"\p{Latin}")
