"""Stage 3b: how an obfuscated segment reads, decided by the words a language's rules list.

Sellers who know a word is flagged write it so that a filter misses it and a viewer still reads it:
`c.u.r.e.s`, `b e s t`, `gu@r@nteed`, `guaranteeeed`, `whats app`, `0 8 1 2 ...`, `最 好`, `第1`,
`lien he zalo`. `normalize` already removes what nobody sees (invisible characters) and folds look-alike
letters of another script; a *reading* undoes the rest, in one language, and only where the result
makes a word or phrase that the language's rules list (their terms, the literal words of their
patterns and regular expressions): the matcher's needles decide, so clean look-alikes stay clean
("cured meats", "best friends", "e.g.", `$19.99`, `name.surname@mail.com`).

What a reading undoes (`CLASSES`; each is named on the findings it makes):

- `leet`: digits and symbols for letters inside a word (`@`->a, `0`->o, `1`->i or l, `3`->e, `4`->a,
  `5`/`$`->s, `7`->t, `!`->i, `|`->l);
- `separator`: punctuation, symbols or emoji between the letters of a word (`c.u.r.e.s`, `c-u-r-e-s`,
  `c*u*r*e*s`, `c✨u✨r✨e✨s`), and between the characters of a Chinese term (`最 好`, `最*好`, `加 V`);
- `spacing`: letters written one by one with spaces (`b e s t`);
- `repeat`: a letter repeated for emphasis (`guaranteeeed`, `freeee`);
- `split`: a listed word written as two (`whats app`, `what's app`, `tele gram`, `insta gram`);
- `digits`: a phone number written one digit at a time (`0 8 1 2 3 4 5 6 7 8`);
- `numeral`: a digit for a Chinese numeral inside a Chinese term (`第1` for 第一);
- `unaccented`: Vietnamese written without its diacritics (`lien he zalo`), in the languages a pack's
  `obfuscation: {unaccented: [vi]}` setting names;
- `traditional`: traditional Chinese characters read as simplified ones (a spelling, not an evasion:
  its findings are not called obfuscated).

`normalize` adds `invisible` (a character that shows as nothing, inside a word) and `homoglyph`.

A reading keeps a map back to the normalized text like `Normalized` does (letters that stay are copied;
a removed separator is an empty fold; a repeated run or a replaced character is one folded cluster), so
a finding made on it still covers exactly the user's characters, separators and all. Most segments
have nothing to read differently: `reading` answers None after one pass of an RE2 set over the text
(`_may_find`) and a few set look-ups.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from itertools import product

import ahocorasick
import regex

from .normalize import Normalized, rebuilt
from .rules.matcher import telling
from .rules.matching import COMMON_WORDS, WORD
from .rules.relaxed import utf8
from .rules.screen import COMPACT
from .vocabulary import OBFUSCATION_LABELS, SEVERITIES

CLASSES = tuple(OBFUSCATION_LABELS)
NOT_EVASIVE = frozenset({"traditional"})  # a spelling: its findings are not called obfuscated
MILD = frozenset({"unaccented"})  # often a typing habit: named on the finding, its severity kept

LEET = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i", "|": "l"}
_MAX_VARIANTS = 64  # readings tried per word at most (a word with many digits is a code, not a word)

# Where to look closer (plain `re` classes: one search costs a few microseconds on a caption): a digit
# or leet symbol before a letter, a letter between two separators (`.u.`, `✨u✨`), a letter three
# times; single letters with spaces (`b e s`); digits one by one; a digit next to a Chinese character.
# (Each pattern starts with one character of a class, which `re` skips to fast, and looks around it
# without taking more: an alternation of patterns that start with different classes is scanned slowly.)
_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
# (Only the digits that read as letters: `2pm` or `9am` has nothing to read, and a word with a leet
# digit, a separator or a repeat elsewhere is found by that.)
# Letters, digits and white space that are neither a symbol (`[^\w\s]`), a leet digit nor an underscore,
# in the scripts most captions are written in (ASCII, Latin with diacritics, Thai consonants, Chinese):
# what the look-closer scan passes over without looking around (`tests/test_evasion.py` checks that each
# is a word character or white space; a larger class costs start-up time, `re` fills its bitmap one
# character at a time)
_PLAIN = ("2689A-Za-z\t\n\x0b\x0c\r\x1c-\x1f \u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0e01-\u0e30"
          "\u1e00-\u1eff\u4e00-\u9fff")
# Where a word may be written to hide it, in one pass: before a Latin letter, a symbol with a symbol
# after the letter (c.u.r, c✨u✨r), `$`, `!` or `|` ($ale), an `@` after a non-space (gu@rantee, not a
# @mention), a leet digit (0rder) or an underscore with one after the letter (g_u_a_r); after a Latin
# letter, `@` or `$` (gu@, not before a digit: US$5) or a leet digit (cur3d, fre3; not in a number).
# (Most characters of a caption are passed over by the first class; at the others, which letter stands
# before or after comes first, as most symbols and digits have none there.)
_SUSPECT_HIT = re.compile(
    f"[^{_PLAIN}](?:(?=[{_LATIN}])(?:(?<=[$!|013457])|(?<=[@_])(?:(?<=\\S@)|(?<=_)(?=._))|(?=.[^\\w\\s])(?<=[^\\w\\s]))"
    f"|(?<=[{_LATIN}][@$013457])(?![0-9]))")
_TRIPLE = re.compile(f"([{_LATIN}])\\1\\1")  # guaranteeeed
# a translate table for the ASCII-encoded text: letters (lower-cased) and digits kept, every other byte a
# space
_ASCII_WORD_GAPS = bytes(ord(chr(c).lower()) if chr(c).isalnum() else 32 for c in range(128)) + b" " * 128
# the characters that are not ASCII and whose lower case holds an ASCII letter (İ -> i̇; the Kelvin sign
# K): a text with one has its ASCII words taken from its lower-cased text
_LOWER_ASCII = ("\u0130", "\u212a")
_LOWER_ASCII_UTF8 = tuple(c.encode() for c in _LOWER_ASCII)
_SPACED_LETTER = f"[{_LATIN}0-9@$]"
# (searched for in the text after a space: a pattern that begins with a space, not with `(?:^| )`, is
# one `re` looks for fast)
_SPACED_HINT = re.compile(f" {_SPACED_LETTER} {_SPACED_LETTER} {_SPACED_LETTER}(?= |$)")
# a digit next to a Chinese character (written to begin with the digit, which `re` skips to: an
# alternation that begins with either is tried at every character)
_HAN_DIGIT_HINT = re.compile("[0-9](?:(?<=[\u3400-\u9fff][0-9])|(?=[\u3400-\u9fff]))")
_LEET_I = str.maketrans({k: v[0] for k, v in LEET.items()})
_LEET_L = str.maketrans({k: v[-1] for k, v in LEET.items()})
_LEET_CHARS = frozenset(LEET)
_SEPARATORS = re.compile(r"[^\w\s@$!|]|_")
_RUNS = re.compile(r"(.)\1{2,}")
_CHUNK = regex.compile(r"\S+")
_CORE = regex.compile(r"[\w@$]+(?:[^\w\s]+[\w@$]+)*", regex.V1)  # a chunk without edge punctuation
_LETTER = regex.compile(r"[^\W\d_\p{Han}\p{Thai}]", regex.V1)
_SPACED = regex.compile(r"(?<!\S)(?:[^\W_\p{Han}\p{Thai}]|[@$])(?: (?:[^\W_\p{Han}\p{Thai}]|[@$])){2,}(?!\S)", regex.V1)
_DIGITS = regex.compile(r"(?<![\d.,])\d(?:[ .\-]\d){6,}(?![\d])")
# (what `_DIGITS` needs first: most texts have none; a digit, a space, dot or dash and a digit, looked
# for from the middle one, which `re` skips to: `\d` first was a Unicode category test per character)
_DIGIT_GAP = re.compile(r"[ .\-](?<=\d.)(?=\d)")
_HAN = regex.compile(r"\p{Han}")
_MARKED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")  # a Latin letter with a diacritic (or đ)
# A gap of spaces, symbols or emoji (not sentence punctuation) that may stand inside a Chinese term
# (between two characters of a term: Chinese, or a letter or digit; at least one of them Chinese)
# (written to begin with a gap character, which `re` skips to, and to look behind it after that)
_GAP_CHAR = "[ *·•.\\-_|/~+^=#\u2190-\u2bff\u3000\U0001f000-\U0001faff]"
_HAN_GAP = re.compile(f"{_GAP_CHAR}(?<=[\u3400-\u9fffA-Za-z0-9]{_GAP_CHAR}){_GAP_CHAR}*(?=[\u3400-\u9fffA-Za-z0-9])")
_HAN_CHAR = re.compile("[\u3400-\u9fff]")
# A gap of decoration only (a heart, a star, a tilde, a middle dot, an emoji: no space, no dot, no
# dash, slash, plus or equals sign, which stand between words and numbers in ordinary writing): read
# as nothing wherever it stands inside Chinese, whether or not a listed term spans it, because the
# parts a pattern spells with classes (`7❤天`, `年轻3~岁`) are no term; what the rules then find
# across it is a finding only where it covers the gap (`obfuscation`: made by the reading)
_DECORATION = re.compile("[*·•_|~^\u2190-\u2bff\U0001f000-\U0001faff]+")
_NUMERALS = "〇一二三四五六七八九"

# --- one pass that tells most texts apart -----------------------------------------------------------
# Most texts hold nothing that `_SUSPECT_HIT`, `_TRIPLE`, `_DIGIT_GAP`, `_SPACED_HINT` or `_HAN` looks for,
# and each of those `re` (or `regex`) searches passes over the whole text on its own. One RE2 set (a DFA:
# one pass over the text's UTF-8 for all five) says which of them may find something: each of its
# patterns is wider than the search it stands for (no look-arounds or back-references, classes as wide
# or wider), so a search it rules out would have found nothing, and the others run as before.
# (`tests/test_evasion.py` checks each against its search: random texts, and every code point of the
# classes that differ between the engines.)
_MAY_HIT, _MAY_TRIPLE, _MAY_DIGITS, _MAY_SPACED, _MAY_HAN, _MAY_WIDE = range(6)
_EVERY = frozenset(range(6))
# What `_MAY_WIDE` passes over: ASCII and the blocks of punctuation, symbols, emoji, their modifiers and
# Chinese, which the split look's characters outside ASCII (`Vocabulary.split_wide_chars`: letters of
# listed words and their cases) are not in; a vocabulary with one in them is never ruled out by it
# (`Vocabulary.wide_gated`); nor are the characters of `_LOWER_ASCII` (`_Scan.ascii_words`). Most
# captions hold no character outside them.
_NOT_WIDE = ((0x00, 0x7F), (0x2000, 0x2129), (0x212B, 0x2BFF), (0x2E80, 0x9FFF), (0xF900, 0xFAFF),
             (0xFE00, 0xFE0F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x1F000, 0x1FAFF), (0x20000, 0x3FFFF),
             (0xE0000, 0xE007F))
_RE2_LATIN = "A-Za-z\\x{c0}-\\x{24f}\\x{1e00}-\\x{1eff}"
# (not a word character nor white space in Python's sense: anything but ASCII letters, digits, `_` and
# white space and the Latin letters above (`×` and `÷`, which are no letters, stay in))
_RE2_NOT_WORD = "[^0-9A-Za-z_\\t\\n\\f\\r \\x{c0}-\\x{d6}\\x{d8}-\\x{f6}\\x{f8}-\\x{24f}\\x{1e00}-\\x{1eff}]"
_RE2_GATES = (
    # `_SUSPECT_HIT`: a leet symbol or digit before a letter; `@` after a non-space; a letter between
    # underscores or between two symbols; `@`, `$` or a leet digit after a letter, not before a digit
    f"[$!|013457][{_RE2_LATIN}]|[^\\t\\n\\f\\r ]@[{_RE2_LATIN}]|_[{_RE2_LATIN}]_"
    f"|{_RE2_NOT_WORD}[{_RE2_LATIN}]{_RE2_NOT_WORD}|[{_RE2_LATIN}][@$013457](?:[^0-9]|$)",
    None,  # `_TRIPLE`: the letter three times, every letter of its class (`_gate`)
    "\\p{Nd}[ .\\-]\\p{Nd}",  # `_DIGIT_GAP` (Python's `\\d`: the decimal digits of every script)
    # `_SPACED_HINT`, searched for after a space (Python's `$` also stands before a last line break)
    f"(?:^| )[{_RE2_LATIN}0-9@$] [{_RE2_LATIN}0-9@$] [{_RE2_LATIN}0-9@$](?: |\\n|$)",
    # `_HAN`, with the blocks and planes of Chinese characters whole (a newer Unicode than RE2's may add
    # characters to them)
    "[\\p{Han}\\x{2e80}-\\x{2fdf}\\x{3005}-\\x{3007}\\x{3021}-\\x{3029}\\x{3038}-\\x{303b}\\x{3400}-\\x{4dbf}"
    "\\x{4e00}-\\x{9fff}\\x{f900}-\\x{faff}\\x{16fe0}-\\x{16fff}\\x{20000}-\\x{3ffff}]",
    # `_MAY_WIDE`: a character outside `_NOT_WIDE` (where the split look's search for characters outside
    # ASCII may find one)
    "[^" + "".join(f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in _NOT_WIDE) + "]",
)


@cache
def _gate():
    """The RE2 set of `_RE2_GATES`, compiled on first use."""
    import re2

    latin = re.compile(f"[{_LATIN}]")
    letters = [c for c in map(chr, range(0x1f00)) if latin.match(c)]  # (every letter of `_LATIN`: below U+1F00)
    options = re2.Options()
    options.max_mem = 64 << 20  # (ample: the set's DFA never runs short and gives up)
    gate = re2.Set.SearchSet(options)
    for pattern in _RE2_GATES:
        gate.Add(pattern if pattern is not None else "|".join(re2.escape(c * 3) for c in letters))
    gate.Compile()
    return gate


def _may_find(text: str) -> Collection[int]:
    """Which of the look-closer searches may find something in `text` (`_MAY_HIT`, ...)."""
    return _may_find_in(utf8(text))


def _may_find_in(encoded: bytes | None) -> Collection[int]:
    """`_may_find` of a text's UTF-8 (None: a text with a lone surrogate, where every search runs)."""
    if encoded is None:
        return _EVERY
    return (_MATCH or _match())(encoded) or ()


_MATCH = None  # the gate's match, once compiled


def _match():
    """The compiled gate's `Match` (the bound method of the `re2` package's own set, where it has one:
    its Python wrapper adds a call and a type test to each text)."""
    global _MATCH
    gate = _gate()
    _MATCH = getattr(getattr(gate, "_set", None), "Match", None) or gate.Match
    return _MATCH


def _has_any(encoded: bytes, parts: tuple[bytes, ...]) -> bool:
    for part in parts:  # (`in`, a fast search: a regular expression's alternation is tried at every byte)
        if part in encoded:
            return True
    return False


@dataclass(frozen=True)
class Obfuscation:
    """What a finding's words were read as, and how they were written to hide it."""

    read_as: str
    how: tuple[str, ...]  # CLASSES found inside the match, in that order

    @property
    def raises(self) -> bool:
        """Whether a pack's `obfuscation: {severity: ...}` setting applies (not to `MILD` classes alone)."""
        return any(h not in MILD for h in self.how)

    def to_dict(self) -> dict:
        return {"read_as": self.read_as, "how": list(self.how)}


class Vocabulary:
    """The words and Chinese terms of one language's compiled rules (what a reading may make)."""

    def __init__(self, words, han, unaccented=None, spaced=(), unaccented_words=None):
        self.words = frozenset(words)
        self.han = _automaton(han)
        self.unaccented = _automaton(unaccented) if unaccented else None
        # single words ("het" for "hết"): read only beside `unaccented` phrases in a text written wholly
        # without diacritics (`_unaccented_edits`)
        self.unaccented_words = _automaton(unaccented_words) if unaccented_words else None
        splits = _split_keys(self.words, frozenset(spaced))
        self.splits = _automaton(splits)
        # Each ASCII split as the two words it ends with ("whats", "app"; "s", "app" of "what's app"),
        # and the others as written: a text with none of them has no split to read (`_may_split`: set
        # look-ups instead of the automaton's pass, whose walk through a large trie costs far more in a
        # real run than its instruction count says)
        self.split_pairs = frozenset((first.rsplit("'", 1)[-1].encode(), second.encode())
                                     for first, second in (key.split(" ") for key in splits if key.isascii()))
        wide = sorted(key for key in splits if not key.isascii())
        # (one pass over the lower-cased text finds any of them: a Vietnamese or Thai text passes the
        # character look below, and testing each key with `in` cost a third of a reading)
        self.split_wide = _automaton(wide)
        # (the characters of those not in ASCII, and every character whose lower case is one: searched for
        # in the text as written, which then need not be lower-cased)
        wide_chars = sorted({u for key in wide for c in key if not c.isascii() for u in _cased(c)})
        self.split_wide_chars = re.compile(f"[{''.join(wide_chars)}]") if wide_chars else None
        # (whether a text the one-pass gate finds no `_MAY_WIDE` character in has none of them)
        self.wide_gated = not any(lo <= ord(c) <= hi for c in wide_chars for lo, hi in _NOT_WIDE)
        # (nothing a reading could make: no listed word, Chinese term or unaccented phrase)
        self.empty = not self.words and self.han is None and self.unaccented is None



@cache
def _uppers() -> dict[str, str]:
    """Character -> the characters whose lower case holds it (and is more than itself), for every
    cased letter (all of which stand below U+20000)."""
    out: dict[str, str] = {}
    for code in range(0x20000):
        c = chr(code)
        low = c.lower()
        if low != c:
            for part in set(low):  # (İ lower-cases to two characters)
                out[part] = out.get(part, "") + c
    return out


def _cased(c: str) -> str:
    """`c` and every character whose lower case is `c`."""
    return c + _uppers().get(c, "")


def _split_keys(words: frozenset[str], spaced: frozenset[str] = frozenset()) -> dict[str, str]:
    """A listed word of five letters or more written as two (`whats app`, `what's app`, `tele gram`)
    -> the word: neither part a common word, not both listed words of their own ("face book" and
    "best seller" are two words, not a hidden one), and not a phrase the rules list themselves in
    two words (`spaced`: "skin care" is how many write skincare, not a disguise)."""
    keys = {}
    for word in words:
        if len(word) < 5 or not word.isalpha():
            continue
        for i in range(2, len(word) - 1):
            a, b = word[:i], word[i:]
            if a in COMMON_WORDS or b in COMMON_WORDS or (a in words and b in words) or f"{a} {b}" in spaced:
                continue
            keys[f"{a} {b}"] = word
            if a.endswith("s") and len(a) > 2:
                keys[f"{a[:-1]}'s {b}"] = word
    return keys


def _automaton(keys):
    """An Aho-Corasick automaton over `keys` (value: (key, the mapping's value)), or None."""
    items = keys.items() if isinstance(keys, dict) else ((k, k) for k in keys)
    auto = ahocorasick.Automaton()
    for key, value in items:
        auto.add_word(key, (key, value))
    if not len(auto):
        return None
    auto.make_automaton()
    return auto


def vocabulary(rules, unaccented: bool = False) -> Vocabulary:
    """The vocabulary of a language's compiled rules (`LanguageRules`), built once and kept on them: the
    words its matchers' needles name (one-word phrases, the words a longer phrase needs, the words of
    the literals a regex or pattern requires) and its Chinese terms. With `unaccented`, also its
    phrases as written without diacritics (Vietnamese)."""
    per_rules = rules.__dict__.setdefault("vocabularies", {})  # (stored with them in the compiled-pack cache)
    vocab = per_rules.get(unaccented)
    if vocab is not None:
        return vocab
    words: set[str] = set()
    han: set[str] = set()
    accented: dict[str, str] = {}
    single: dict[str, str] = {}
    spaced = set(rules.spaced_phrases)  # phrases listed as two words or more ("skin care")
    # (the needles and literal-set members of every Matcher, each read once below: a lexicon's words
    # stand in every pattern that names it)
    needles: set[tuple[str, str]] = set()
    members_of: set[str] = set()
    for matcher in rules.matchers.matchers.values():
        needles.update(matcher.needles)
        words.update(matcher.need_words)
        # (a regex's literal sets, each member a way it may be written: "kilo" of `\d+ ?(?:kg|kilos?)`,
        # where the screen keys on another set)
        branch_sets = (tuple(filter(telling, sets)) for _, sets, _own in matcher.branches or ())
        for needs in (matcher.regex_needs, *branch_sets):
            for members in needs:
                members_of.update(members.members)
                if unaccented:  # ("tiểu đường" is read in "tieu duong"; "hết" in "het", see Vocabulary)
                    for member in sorted(members.members):
                        if member not in members.edged and len((member.split(maxsplit=1) or [""])[0]) < 2:
                            # (a piece of a lexicon's phrase, from its trie's branch inside a word: "ạ
                            # dày" of "dạ dày", "i căn" of "di căn", which "a day" and "I can" read as)
                            continue
                        phrase = " ".join(member.split())
                        plain = _unmarked(phrase)
                        if plain and WORD.fullmatch(plain.replace(" ", "")):
                            (accented if " " in phrase else single).setdefault(plain, phrase)
        for tokens, written in matcher.sequences:
            if len(tokens) > 1:
                phrase = written.lower().strip()
                spaced.add(" ".join(phrase.split()))
                if unaccented and (plain := _unmarked(phrase)):
                    accented[plain] = phrase
    for needle, mode in needles:
        lowered = needle.lower()
        if _has_han(lowered):
            if mode == COMPACT:
                han.add(lowered)
        elif mode != COMPACT:
            words.update(w for w in WORD.findall(lowered) if len(w) > 1)
    for member in members_of:
        if not _has_han(member):
            words.update(w for w in WORD.findall(member) if len(w) > 2)
        elif len(member) > 1:
            han.add(member)
    words = {w for w in words if not _has_han(w)}
    vocab = per_rules[unaccented] = Vocabulary(words, han, accented, spaced, single)
    return vocab


def _has_han(text: str) -> bool:
    """Whether `text` holds a Chinese character (an ASCII text holds none: no search for it)."""
    return not text.isascii() and _HAN.search(text) is not None


def _unmarked(phrase: str) -> str | None:
    """`phrase` without its diacritics, where that changes it letter for letter (else None)."""
    plain = strip_marks(phrase)
    return plain if plain != phrase and len(plain) == len(phrase) else None


def strip_marks(text: str) -> str:
    """Vietnamese (or any Latin) text without its diacritics: `liên hệ` -> `lien he`, `đ` -> `d`."""
    out = []
    for c in text:
        if c.isascii():
            out.append(c)
            continue
        base = unicodedata.normalize("NFD", c)[0]
        out.append({"đ": "d", "Đ": "D"}.get(c, base))
    return "".join(out)


# --- readings --------------------------------------------------------------------------------------

Edit = tuple[int, int, str, str]  # (start, end, replacement, class) in the normalized text


def reading(text: str, vocab: Vocabulary, lang: str = "") -> Normalized | None:
    """How `text` (a normalized segment text) reads with its obfuscations undone, in the language of
    `vocab`: a Normalized whose map leads back to `text` and whose marks are the readings made; None
    when nothing reads differently."""
    if vocab.empty:
        return None
    scan = _scan(text)
    readings = scan.readings
    if vocab in readings:  # (a post's rules for posts that sell look at its text again)
        return readings[vocab]
    groups: list[list[Edit]] = []
    if vocab.words:
        if scan.cores:
            groups += _chunk_edits(scan, vocab)
        if scan.spaced:
            groups += _spaced_edits(text, vocab)
        if scan.digits:
            groups += _digit_edits(scan)
    if vocab.splits is not None and scan.spaces and _may_split(scan, vocab):
        groups += _split_edits(scan, vocab)
    if vocab.han is not None and scan.han:
        groups += _han_edits(scan, vocab)
        groups += scan.traditional()
    if vocab.unaccented is not None:
        groups += _unaccented_edits(text, vocab)
    read = _apply(text, _choose(groups)) if groups else None
    readings[vocab] = read
    return read


class _Scan:
    """What a reading looks at in one text, found once whatever language the text is read in (a
    Malaysian post is read in Malay and in English): the words of the chunks `_SUSPECT_HIT` or
    `_TRIPLE` point at, with the spellings each may read as; spaced letters; digit runs; the lower-cased text and its
    ASCII words (on first use, for `_may_split`); the gaps and digits between Chinese characters. Only the look-ups in a language's vocabulary are left, and
    their result is kept per vocabulary (`readings`)."""

    __slots__ = ("text", "encoded", "may", "cores", "spaced", "spaces", "digits", "_lower", "_ascii_words", "han",
                 "han_gaps", "han_digits", "_traditional", "readings", "splits")

    def __init__(self, text: str):
        self.text = text
        self.encoded = encoded = utf8(text)
        self.may = may = _may_find_in(encoded)
        self.cores = _suspect_cores(text, may) if _MAY_HIT in may or _MAY_TRIPLE in may else ()
        self.spaces = " " in text
        self.spaced = self.spaces and _MAY_SPACED in may and _SPACED_HINT.search(" " + text) is not None
        self.digits = (tuple((m.start(), m.group()) for m in _DIGITS.finditer(text))
                       if self.spaces and _MAY_DIGITS in may and _DIGIT_GAP.search(text) else ())
        self._lower = None
        self._ascii_words = None
        self.han = _MAY_HAN in may and _HAN.search(text) is not None
        self.han_gaps, self.han_digits = _han_candidates(text) if self.han else ((), ())
        self._traditional = None
        self.readings: dict[Vocabulary, Normalized | None] = {}
        self.splits: dict[Vocabulary, bool] | None = None  # `_may_split` per vocabulary, made by `prepare`

    @property
    def lower(self) -> str:
        """The lower-cased text (typographic apostrophes made straight), on first use."""
        if self._lower is None:
            self._lower = self.text.lower().replace("’", "'")
        return self._lower

    @property
    def ascii_words(self) -> list[bytes]:
        """The runs of ASCII letters and digits of the lower-cased text (any other character apart)."""
        if self._ascii_words is None:
            encoded = self.encoded
            if encoded is None or (_MAY_WIDE in self.may and _has_any(encoded, _LOWER_ASCII_UTF8)):
                # (a lone surrogate; a character whose lower case holds an ASCII letter, in the lower-cased text)
                encoded = self.lower.encode("ascii", "replace")
            # (every byte of a character outside ASCII, or the `?` it is replaced by, sets words apart)
            self._ascii_words = encoded.translate(_ASCII_WORD_GAPS).split()
        return self._ascii_words

    def traditional(self) -> list[list[Edit]]:
        if self._traditional is None:
            self._traditional = _traditional_edits(self.text)
        return self._traditional


def _scan(text: str) -> _Scan:
    """The text's `_Scan`: made ahead by `prepare`, or now (and kept: a text is read in each of its
    languages, and looked at again for the rules of posts that sell)."""
    global _scans_chars
    scan = _SCANS.get(text)
    if scan is None:
        scan = _SCANS[text] = _Scan(text)
        _scans_chars += len(text)
        while len(_SCANS) > SCANS_KEPT or _scans_chars > SCANS_KEPT_CHARS:
            _scans_chars -= len(_SCANS.pop(next(iter(_SCANS))).text)  # (the oldest first)
    return scan


SCANS_KEPT = 512  # scans kept, the oldest dropped first: an audit batch's texts (256 at most) and more
SCANS_KEPT_CHARS = 1 << 22  # ...as long as their texts hold no more characters than this
_SCANS: dict[str, _Scan] = {}
_scans_chars = 0  # the characters of the texts in _SCANS


def prepare(texts) -> None:
    """Scan texts (normalized segment texts) about to be checked, one after the other: what `reading`
    then does per language is set look-ups on what is made here. `texts` may map each text to the
    vocabularies it will be read with: their split looks (`_may_split`) are made here too, a
    vocabulary at a time. The audit prepares a batch of items before checking them
    (`Checker.prepare`): made one text at a time between the checks, the same scans cost two to
    three times as long, and a split look in English's 44,765 word pairs five times as long, the
    check's own code and data having pushed theirs out of the processor's caches."""
    reads = texts if isinstance(texts, dict) else dict.fromkeys(texts, ())
    looks: dict[Vocabulary, list[_Scan]] = {}
    for text, vocabularies in reads.items():
        scan = _scan(text)
        if scan.spaces:
            scan.ascii_words  # noqa: B018 (made now: the split look of every language reads them)
            for vocab in vocabularies:
                if vocab.splits is not None:
                    looks.setdefault(vocab, []).append(scan)
    for vocab, scans in looks.items():
        for scan in scans:
            if scan.splits is None:
                scan.splits = {}
            scan.splits[vocab] = _split_look(scan, vocab)


def _choose(groups: list[list[Edit]]) -> list[Edit]:
    """The groups that do not overlap one taken before (by where they start, the longest first)."""
    taken: list[Edit] = []
    spans: list[tuple[int, int]] = []
    for group in sorted(groups, key=lambda g: (min(e[0] for e in g), -max(e[1] for e in g))):
        s, e = min(x[0] for x in group), max(x[1] for x in group)
        if any(s < te and ts < e for ts, te in spans):
            continue
        spans.append((s, e))
        taken.extend(group)
    taken.sort()
    return taken


def _apply(text: str, edits: list[Edit]) -> Normalized:
    return rebuilt(text, ((s, e, replacement, (what, False)) for s, e, replacement, what in edits))


def _word_variants(core: str) -> list[list[tuple[str, str]]]:
    """Per character of a word: the readings it may have, each (text, class): a letter itself, a
    digit or symbol its letters (or itself, for a digit), a separator nothing."""
    options = []
    for c in core:
        if c in LEET:
            opts = [(letter, "leet") for letter in LEET[c]]
            if c.isdigit():
                opts.append((c, ""))
            elif c in "!|":
                opts.append(("", "separator"))
        elif c.isalnum():
            opts = [(c, "")]
        else:
            opts = [("", "separator")]
        options.append(opts)
    return options


def _collapse(chars: list[tuple[int, str, str]]):
    """Readings of a word's kept characters with letters repeated three times or more written twice
    or once: lists of (index, text, class), the first ones closest to the word as written."""
    runs = []  # (first, last) indexes into chars of runs of one letter, three or more
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and chars[j + 1][1].lower() == chars[i][1].lower() and chars[i][1].isalpha():
            j += 1
        if j - i >= 2:
            runs.append((i, j))
        i = j + 1
    if not runs or len(runs) > 4:
        return
    for keep in product((2, 1), repeat=len(runs)):
        out = []
        prev = 0
        for (first, last), k in zip(runs, keep, strict=True):
            out.extend(chars[prev:first])
            letters = "".join(c[1] for c in chars[first:first + k])
            out.append((chars[first][0], letters, "repeat", chars[last][0] + 1))
            prev = last + 1
        out.extend(chars[prev:])
        yield out


def _chunk_edits(scan: _Scan, vocab: Vocabulary) -> list[list[Edit]]:
    """Words written with leetspeak, separators or repeated letters that read as a listed word: the
    words of the chunks `_SUSPECT_HIT` or `_TRIPLE` point at whose spellings (`_spellings`) include
    one."""
    groups = []
    words = vocab.words
    for start, core, lowered, spellings in scan.cores:
        if lowered in words or spellings.isdisjoint(words):
            continue  # (a listed word as it is; or no reading of it is one)
        found = _read_word(core, words)
        if found is not None:
            groups.append([(start + s, start + e, r, w) for s, e, r, w in found])
    return groups


def _suspect_cores(text: str, may=_EVERY) -> tuple[tuple[int, str, str, frozenset[str]], ...]:
    """(start, word, lower-cased, spellings) for each word of three characters or more, with a letter,
    of the whitespace-separated chunks that `_SUSPECT_HIT` or `_TRIPLE` finds something in (of those
    `may`, what `_may_find` says, may find something)."""
    hits = set()
    for pattern, gate in ((_SUSPECT_HIT, _MAY_HIT), (_TRIPLE, _MAY_TRIPLE)):
        if gate not in may:
            continue
        first = pattern.search(text)  # (most texts have none: one search, no iterator)
        if first is not None:
            hits.update(hit.start() for hit in pattern.finditer(text, first.start()))
    if not hits:
        return ()
    hits = sorted(hits)
    cores = []
    end = -1
    for pos in hits:
        if pos < end:
            continue  # (in the chunk just read)
        chunk = _CHUNK.match(text, max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1)
        if chunk is None or chunk.end() <= end:
            continue
        end = chunk.end()
        if "://" in chunk.group() or chunk.group().startswith(("www.", "WWW.")):
            continue  # (a link: its letters and digits are an address, not words written to hide)
        for m in _CORE.finditer(chunk.group()):
            core = m.group()
            if len(core) >= 3 and _LETTER.search(core):
                cores.append((chunk.start() + m.start(), core, core.lower(), _spellings(core.lower())))
    return tuple(cores)


def _spellings(lowered: str) -> frozenset[str]:
    """What a lower-cased word may read as (a cheap look before `_read_word` tries every reading):
    without its separators, with its digits and symbols read as letters, with repeated letters
    written twice or once."""
    plain = lowered if lowered.isalnum() else _SEPARATORS.sub("", lowered)
    variants = {plain.translate(_LEET_I), plain.translate(_LEET_L), plain} if _LEET_CHARS & set(plain) else {plain}
    out = set(variants)
    for variant in variants:
        if _RUNS.search(variant):
            out.add(_RUNS.sub(r"\1\1", variant))
            out.add(_RUNS.sub(r"\1", variant))
    return frozenset(out)


def _read_word(core: str, words: frozenset[str]) -> list[Edit] | None:
    """The edits (relative to `core`) that make it a listed word, or None."""
    options = _word_variants(core)
    count = 1
    for opts in options:
        count *= len(opts)
    if count > _MAX_VARIANTS:
        return None
    for choice in product(*options):
        chars = [(i, t, w) for i, (t, w) in enumerate(choice) if t]
        if not chars:
            continue
        word = "".join(t for _, t, _ in chars).lower()
        if word in words and word != core.lower():
            return _edits_of(core, choice, None)
        for collapsed in _collapse(chars):
            word = "".join(c[1] for c in collapsed).lower()
            if word in words:
                return _edits_of(core, choice, collapsed)
    return None


def _edits_of(core: str, choice, collapsed) -> list[Edit]:
    edits: list[Edit] = []
    covered: set[int] = set()
    if collapsed is not None:
        for item in collapsed:
            if len(item) == 4:  # a repeated run: one cluster from its first letter to its last
                first, letters, _w, end = item
                edits.append((first, end, letters, "repeat"))
                covered.update(range(first, end))
    for i, (t, w) in enumerate(choice):
        if i in covered or not w:
            continue
        edits.append((i, i + 1, t, w))
    edits.sort()
    return edits


def _spaced_edits(text: str, vocab: Vocabulary) -> list[list[Edit]]:
    """Letters written one by one with spaces (`b e s t`) that make a listed word."""
    groups = []
    for m in _SPACED.finditer(text):
        letters = [(m.start() + i, c) for i, c in enumerate(m.group()) if c != " "]
        i = 0
        while i < len(letters) - 2:
            for j in range(len(letters), i + 2, -1):  # the longest run from i that reads as a word
                run = letters[i:j]
                found = _read_word("".join(c for _, c in run), vocab.words)
                if found is None and "".join(c for _, c in run).lower() in vocab.words:
                    found = []
                if found is not None:
                    edits = [(run[k][0] + 1, run[k + 1][0], "", "spacing") for k in range(len(run) - 1)]
                    edits += [(run[s][0], run[s][0] + 1, r, w) for s, _e, r, w in found]
                    groups.append(sorted(edits))
                    i = j
                    break
            else:
                i += 1
    return groups


def _digit_edits(scan: _Scan) -> list[list[Edit]]:
    """A phone number written one digit at a time: its separators read as nothing."""
    return [[(s + i, s + i + 1, "", "digits") for i, c in enumerate(found) if not c.isdigit()]
            for s, found in scan.digits]


def _may_split(scan: _Scan, vocab: Vocabulary) -> bool:
    """False when the text holds none of the vocabulary's splits (`Vocabulary.split_pairs`): where
    `_split_edits` finds an ASCII split, its two last words are two runs of ASCII letters one after the
    other in the text (whatever stands around them is no letter or digit). Made by `prepare`, or now."""
    made = scan.splits
    if made is not None:
        found = made.get(vocab)
        if found is not None:
            return found
    return _split_look(scan, vocab)


def _split_look(scan: _Scan, vocab: Vocabulary) -> bool:
    words = scan.ascii_words
    # (the pairs alone: a first look for their first words let two texts in three through, and cost
    # more than it saved)
    if not vocab.split_pairs.isdisjoint(zip(words, words[1:], strict=False)):
        return True
    if (vocab.split_wide_chars is None or (vocab.wide_gated and _MAY_WIDE not in scan.may)
            or vocab.split_wide_chars.search(scan.text) is None):
        return False
    return next(vocab.split_wide.iter(scan.lower), None) is not None


def _split_edits(scan: _Scan, vocab: Vocabulary) -> list[list[Edit]]:
    """A listed word written as two (`whats app`, `what's app`, `tele gram`): see `_split_keys`."""
    groups = []
    lower = scan.lower
    for end, (key, _word) in vocab.splits.iter(lower):
        start = end - len(key) + 1
        if (start and lower[start - 1].isalnum()) or (end + 1 < len(lower) and lower[end + 1].isalnum()):
            continue
        groups.append([(start + i, start + i + 1, "", "split") for i, c in enumerate(key) if c in " '"])
    return groups


def _han_candidates(text: str):
    """Gaps between Chinese characters (or a Chinese character and a letter or digit) that may stand
    inside a term, as (start, end, the eight characters each side joined, where they join); and digits
    next to a Chinese character, as (position, numeral, the text around with the numeral, its place)."""
    gaps = []
    for m in _HAN_GAP.finditer(text):
        s, e = m.span()
        if not (_HAN_CHAR.match(text, s - 1) or _HAN_CHAR.match(text, e)):
            continue
        if text[e - 1] == "#" and e - s > 1 and text[e - 2].isspace():
            continue  # (the next hashtag begins: `#美食 #健身` is two tags, not a term written apart)
        left = text[max(0, s - 8):s]
        gaps.append((s, e, (left + text[e:e + 8]).lower(), len(left)))
    digits = []
    for m in _HAN_DIGIT_HINT.finditer(text):
        s = m.start()
        if (s and text[s - 1].isdigit()) or (s + 1 < len(text) and text[s + 1].isdigit()):
            continue  # a number, not a numeral
        numeral = _NUMERALS[int(text[s])]
        window_start = max(0, s - 6)
        digits.append((s, numeral, (text[window_start:s] + numeral + text[s + 1:s + 7]).lower(), s - window_start))
    return tuple(gaps), tuple(digits)


def _han_edits(scan: _Scan, vocab: Vocabulary) -> list[list[Edit]]:
    """Separators inside a Chinese term (`最 好`, `加*微`, `加 V`), and digits for its numerals (`第1`)."""
    groups = []
    auto = vocab.han
    for s, e, joined, joint in scan.han_gaps:
        if _DECORATION.fullmatch(scan.text, s, e):
            groups.append([(s, e, "", "separator")])
            continue
        for end, (term, _v) in auto.iter(joined):
            if end - len(term) + 1 < joint <= end:
                groups.append([(s, e, "", "separator")])
                break
    for s, numeral, window, at in scan.han_digits:
        for end, (term, _v) in auto.iter(window):
            if end - len(term) + 1 <= at <= end:
                groups.append([(s, s + 1, numeral, "numeral")])
                break
    return groups


@cache
def _traditional() -> tuple[re.Pattern, dict[str, str]]:
    """Traditional characters with one simplified form (OpenCC's character table, shipped in the
    `opencc-python-reimplemented` package), as a character class and a table."""
    from importlib.resources import files

    table = {}
    data = files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    for line in data.splitlines():
        trad, _, simp = line.partition("\t")
        simp = simp.split()
        if len(trad) == 1 and simp and len(simp[0]) == 1 and simp[0] != trad and trad <= "\uffff":
            table[trad] = simp[0]
    return re.compile("[" + "".join(sorted(table)).replace("\\", "\\\\").replace("]", "\\]") + "]"), table


def _traditional_edits(text: str) -> list[list[Edit]]:
    pattern, table = _traditional()
    if pattern.search(text) is None:
        return []
    return [[(m.start(), m.end(), table[m.group()], "traditional")] for m in pattern.finditer(text)]


def _unaccented_edits(text: str, vocab: Vocabulary) -> list[list[Edit]]:
    """Vietnamese phrases written without diacritics (`lien he zalo`), read with them."""
    groups = []
    lower = text.lower()
    found = list(vocab.unaccented.iter(lower))
    if found and vocab.unaccented_words is not None and _MARKED.search(text) is None:
        # (single words in a text that holds a phrase read so: "het" of "het tieu duong"; in an English
        # caption, with no such phrase, "do" or "can" is no Vietnamese word written without its marks)
        found += vocab.unaccented_words.iter(lower)
    for end, (plain, accented) in found:
        start = end - len(plain) + 1
        if (start and lower[start - 1].isalnum()) or (end + 1 < len(lower) and lower[end + 1].isalnum()):
            continue
        written = text[start:end + 1]
        restored = "".join(a.upper() if w.isupper() else a for w, a in zip(written, accented, strict=True))
        groups.append([(start + i, start + i + 1, r, "unaccented")
                       for i, (w, r) in enumerate(zip(written, restored, strict=True)) if w != r])
    return groups


# --- where a reading is looked at ------------------------------------------------------------------

WINDOW_FROM = 1000  # a reading of a text this long or longer is looked at around what it made
MARGIN = 200  # characters either side of what a reading made, widened to whole lines


def windows(read: Normalized) -> list[tuple[int, int]]:
    """The spans of a reading's text to look at again: the whole text when it is short; else each
    place a reading was made with `MARGIN` characters either side, widened to whole lines, overlapping
    ones joined. A match the reading makes lies inside a window (a phrase, a token pattern, an
    `unless`, `within: sentence` context or a negation cue stays inside its line or near the words;
    a regular expression would have to reach `MARGIN` characters past the changed words), and a
    window starts and ends at a line's edge, where the tokenizer splits the text anyway; so a long
    post with one obfuscated word is not checked twice whole. (A rule whose `unless` context may stand
    anywhere in the segment is looked for in the whole reading: `LanguageRules.segment_scoped`.)"""
    text = read.text
    if len(text) < WINDOW_FROM or not read.marks:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    for ms, me, _what in sorted(read.marks):
        start = text.rfind("\n", 0, max(ms - MARGIN, 0)) + 1
        end = text.find("\n", min(me + MARGIN, len(text)))
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


# --- what a finding says ---------------------------------------------------------------------------

def _inside(marks, start: int, end: int) -> list[str]:
    out = []
    for ms, me, what in marks:
        if (start < ms < end) if ms == me else (ms < end and start < me):
            out.append(what)
    return out


def obfuscation(norm: Normalized, read: Normalized | None, start: int, end: int) -> tuple[Obfuscation | None, bool]:
    """For a match at start..end (of `read`'s text when there is a reading, else `norm`'s): what it
    was read as and how it was hidden (None for a plain match), and whether a reading made it at all
    (a match of the reading that no reading touches is the plain text's own)."""
    how: list[str] = []
    read_made = False
    text = norm.text
    if read is not None:
        found = _inside(read.marks, start, end)
        read_made = bool(found)
        how += found
        text = read.text
        start_n, end_n = read.span(start, end)
    else:
        start_n, end_n = start, end
    read_as = text[start:end]
    how += _inside(norm.marks, start_n, end_n)
    evasive = sorted({h for h in how if h not in NOT_EVASIVE}, key=CLASSES.index)
    if not evasive:
        return None, read_made
    return Obfuscation(read_as, tuple(evasive)), read_made


def raised(severity: str, setting) -> str:
    """The severity of an obfuscated match: `raise` is one level higher, a severity is that severity
    when it is higher, nothing keeps the rule's own."""
    if not setting:
        return severity
    rank = SEVERITIES.index(severity)
    if setting == "raise":
        return SEVERITIES[max(rank - 1, 0)]
    return setting if SEVERITIES.index(setting) < rank else severity


# --- pack settings ---------------------------------------------------------------------------------

def _pack_setting(ruleset, pack: str) -> dict:
    """The `obfuscation` setting of a pack, merged along its `extends` chain (the nearer pack wins)."""
    merged: dict = {}
    for code in ruleset.chain(pack):
        merged.update(ruleset.markets[code].settings.get("obfuscation") or {})
    return merged


def severity_setting(ruleset, rule) -> str | None:
    """How an obfuscated match of `rule` is shown: the rule's `obfuscated: {severity: ...}`, else its
    pack's `obfuscation: {severity: ...}` setting (`raise`, or a severity), else None."""
    own = rule.spec.get("obfuscated") or {}
    if own.get("severity"):
        return own["severity"]
    return _pack_setting(ruleset, rule.pack).get("severity")


def unaccented_languages(ruleset, markets: tuple[str, ...]) -> frozenset[str]:
    """The languages whose phrases the packs of `markets` also match written without diacritics
    (`Checker.market_info` keeps the answer per market set)."""
    langs: set[str] = set()
    for code in markets:
        langs.update(_pack_setting(ruleset, code).get("unaccented") or ())
    return frozenset(langs)


def languages(check_langs, unaccented: frozenset[str], market_langs) -> list[str]:
    """The languages to check a segment in: its own, and a market language whose phrases may be
    written without diacritics (Vietnamese written without them reads as no language of its own)."""
    if not unaccented:
        return list(check_langs)
    return list(check_langs) + sorted(lang for lang in unaccented if lang in market_langs and lang not in check_langs)
