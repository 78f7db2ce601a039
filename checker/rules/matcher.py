"""One way to match text: a `Matcher` per thing that looks for words, compiled from one spec shape.

Everything that finds text in a segment is a Matcher: the terms, token patterns and regular
expressions of rules, the labels and weak labels of `require` rules, `unless` contexts and
sponsorship signals. A pack writes each of them as the same mapping,

    terms: [...] | {lang: [...]}       phrase templates ({a|b} choices, [optional] parts)
    patterns: [...] | {lang: [...]}    spaCy token patterns
    regex: "..." | {lang: "..."}       a regular expression (the `regex` module)
    match: lemma | lower | exact       how terms compare (default: lemma where a table exists)
    group: 1                           the regex group that is the match
    prefilter: [...] | {regex: ...}    optional override of the needles derived from the regex

which `spec_from` resolves for one language (the only place a per-language map is read).

A compiled Matcher owns its *needles*: strings one of which must be in a segment for it to match
(a phrase's words, a pattern's literal tokens, the literals a regex requires). The language's
`MatcherSet` files every needle in one `Screen` and runs only the Matchers whose needles a segment
holds; one with no needle runs on every segment. Terms of all Matchers share two spaCy
PhraseMatchers; patterns and regexes run per Matcher. Every regular expression, token-pattern
predicates included, runs through `timed_search`/`timed_finditer` with one time limit: a timeout
never raises and never hides silently, it becomes a problem of the document naming its owner.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import re
import re._compiler as _sre_compiler
import re._constants as _c
import re._parser as _sre_parser
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from ..normalize import normalize
from . import phrases, regexcode, relaxed
from .matching import COMMON_WORDS, WORD, MatchContext, collapse_white
from .screen import COMPACT, LITERAL, WORD_MODE, Screen, needle_key, squeeze

if TYPE_CHECKING:
    from spacy.tokens import Doc

# spaCy is imported by the first Matcher compiled, not with this module: loading packs from the
# compiled-pack cache (`reelcheck markets`, `rules list`) never needs it.

TIMEOUT = 0.25  # seconds a regular expression may take on one segment
SPEC_KEYS = ("terms", "patterns", "regex")


# --- regular expressions, with one time limit ------------------------------------------------------

class RegexTimeout(Exception):
    """A regular expression ran out of time (raised to the caller of `timed_*`, never further)."""


def timed_finditer(rx, text: str, group=0) -> list[tuple[int, int]]:
    """The non-empty spans of `group` of every match of `rx` in `text`; RegexTimeout past TIMEOUT."""
    if len(text) <= untimed_length(rx):
        return [s for m in rx.finditer(text) if (s := m.span(group))[1] > s[0]]
    try:
        return [s for m in rx.finditer(text, timeout=TIMEOUT) if (s := m.span(group))[1] > s[0]]
    except TimeoutError:
        raise RegexTimeout(rx.pattern) from None


def timed_search(rx, text: str) -> bool:
    if len(text) <= untimed_length(rx):
        return rx.search(text) is not None
    try:
        return rx.search(text, timeout=TIMEOUT) is not None
    except TimeoutError:
        raise RegexTimeout(rx.pattern) from None


def timed_search_from(rx, text: str, pos: int):
    """The leftmost match of `rx` in `text` starting at `pos` or later (lookbehinds and word edges see
    the text before `pos`); RegexTimeout past TIMEOUT."""
    if len(text) <= untimed_length(rx):
        return rx.search(text, pos)
    try:
        return rx.search(text, pos, timeout=TIMEOUT)
    except TimeoutError:
        raise RegexTimeout(rx.pattern) from None


def alternatives_finditer(branches, text: str, lower: str, ctx=None) -> list[tuple[int, int]] | None:
    """The spans `timed_finditer` gives for the alternation of `branches` (a regex's top-level
    alternatives, compiled apart, each with the literal sets it needs, and with the alternatives of
    its own it is run as, if any: `Matcher.branches`), found by running each alternative that can
    match on its own. The `regex` module scans fast for how a
    pattern begins, which it cannot do for an alternation of differently beginning branches (the
    claims patterns built from lexicons). Same semantics: the leftmost match, of
    the first branch matching there, then on from its end. None when a match is empty (the caller
    runs the whole pattern: finditer's rule for empty matches is not worth copying). (`lower`: the
    text lower-cased; `ctx`, its MatchContext, whose `spaced` form a set with words is looked for in.)"""
    texts = ctx if ctx is not None else _Texts(lower)  # (its `spaced` form made once a set with words asks)
    live = []
    for rx, needs, subs in branches:
        if needs.hold(texts):
            chosen = [source for source, sub_needs in subs if sub_needs.hold(texts)]
            if len(chosen) < len(subs):
                live.extend(_run_alone(source, rx) for source in chosen)
            else:
                live.append(rx)  # (all of them: the whole, in one run)
    if not live:
        return []
    if len(live) == 1:
        return timed_finditer(live[0], text)
    out: list[tuple[int, int]] = []
    ahead: list = [False] * len(live)  # each branch's next match from a position <= pos (None: no more)
    pos = 0
    while pos <= len(text):
        best = None
        for i, rx in enumerate(live):
            m = ahead[i]
            if m is False or (m is not None and m.start() < pos):
                m = ahead[i] = timed_search_from(rx, text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            break
        if best.end() == best.start():
            return None
        out.append(best.span())
        pos = best.end()
    return out


_FLAGS_AHEAD = regex.compile(r"(?:\(\?[a-zA-Z]+\))*")
_BACKREF = regex.compile(r"\\(?:[1-9]|g<)|\(\?P=|\(\?P>|\(\?&|\(\?R|\(\?[0-9]")
_INLINE_FLAGS = regex.compile(r"\(\?[a-zA-Z]+\)")
MAX_BRANCHES = 64

# an escape: `\p{...}`/`\P{...}`/`\N{...}` with its name, a hexadecimal one, or any other character
_ESCAPE = regex.compile(r"\\(?:([pPN])(\{[^}]*\}|[A-Za-z])|x\{([0-9A-Fa-f]+)\}|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})"
                        r"|U([0-9A-Fa-f]{8})|(.))", regex.S)
# properties and classes that tell letters apart by case
_CASED_NAME = regex.compile(r"(?i)upper|lower|title|cased|^\{?l[ult]\}?$|^\{?(?:gc=|general_category=)?l[ult]\}?$|"
                            r"changes_?when")


def folded_source(source: str) -> str | None:
    """`source` without its leading case-insensitive flag and with its letters lower-cased, when it
    then matches the lower-cased text (`MatchContext.folded`, as long as the text) where the whole
    pattern matches the text: no flags set inside it, no class or property that tells letters apart
    by case, no letter whose lower case is longer, and each range of capitals one of letters (`A-Z`).
    Case-insensitive matching costs the `regex` module more than the pattern's shape (a quarter of a
    lexicon trie's search, two fifths of the price signal's); None for any other pattern."""
    flags = _FLAGS_AHEAD.match(source).group()
    letters = "".join(regex.findall(r"\(\?([a-zA-Z]+)\)", flags))
    if "i" not in letters or "f" in letters:  # (FULLCASE: folds one letter into two)
        return None
    body = source[len(flags):]
    if _INLINE_FLAGS.search(body) or regex.search(r"\(\?-?[a-zA-Z]*-?[a-zA-Z]*:", body.replace("(?:", "")):
        return None
    if "[:" in body and regex.search(r"\[:\^?(?:upper|lower|title):\]", body):
        return None
    pieces: list[tuple[str, bool]] = []  # (piece, whether it is an escape, kept as written)
    at = 0
    for m in _ESCAPE.finditer(body):
        pieces.append((body[at:m.start()], False))
        pieces.append((m.group(), True))
        at = m.end()
        kind, name, *codes, _other = m.groups()
        if kind == "N" or (kind and _CASED_NAME.search(name)):
            return None
        code = next((c for c in codes if c), None)
        if code is not None and chr(int(code, 16)).lower() != chr(int(code, 16)):
            return None
    pieces.append((body[at:], False))
    # (an escape stands as one character that is no capital: what a range's ends are checked against)
    stream = "".join("\0" if escape else piece for piece, escape in pieces)
    if stream.lower() != stream:
        if len(stream.lower()) != len(stream) or regex.search(r"\(\?P?<[^=!]", body):
            return None  # (a letter whose lower case is longer; a group's name)
        for j in (m.start() for m in regex.finditer("-", stream)):
            ends = stream[j - 1:j] + stream[j + 1:j + 2]
            if ends.lower() != ends and not (len(ends) == 2 and ends.isascii() and ends.isalpha() and ends.isupper()):
                return None  # (a range such as `A-z` holds characters that are not letters)
    rest = letters.replace("i", "")
    return (f"(?{rest})" if rest else "") + "".join(piece if escape else piece.lower() for piece, escape in pieces)


def top_alternatives(source: str) -> tuple[str, list[str]] | None:
    """(leading inline flags, alternatives) of a pattern that is one alternation (through groups
    around the whole of it): `(?i)(?:a|b(?:c|d))` -> ("(?i)", ["a", "b(?:c|d)"]). None when it is
    not, or when splitting it could change what it means (verbose mode, back-references and
    recursion, flags set inside it, more than MAX_BRANCHES)."""
    flags = _FLAGS_AHEAD.match(source).group()
    body = source[len(flags):]
    if "x" in flags:  # verbose: the same pattern without its layout
        body = _without_layout(body)
        if body is None:
            return None
        flags = "".join(f for f in regex.findall(r"\(\?([a-zA-Z]+)\)", flags.replace("x", "")) if f)
        flags = f"(?{flags})" if flags else ""
    if _BACKREF.search(body) or _INLINE_FLAGS.search(body):
        return None
    while body.startswith("(?:") and _closing(body) == len(body) - 1:
        body = body[3:-1]
    cuts = [i for i, c, depth in _grouping(body) if c == "|" and depth == 0]
    parts = [body[s + 1:e] for s, e in zip([-1, *cuts], [*cuts, len(body)], strict=True)]
    if len(parts) < 2 or len(parts) > MAX_BRANCHES or not all(parts):
        return None
    return flags, parts


_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
_QUANTIFIERS = "*+?{"


def _distributed(part: str) -> tuple[str, list[str], str] | None:
    """(before, alternatives, after) of an alternative that is `before(?:a|b|...)after`, where
    `before` matches in one way only (literal characters and zero-width assertions: `\\b`, `^`,
    lookarounds, none repeated): then it means `before a after|before b after|...`, tried in that
    order, and each may be run apart like a top-level alternative (`_branches`). None otherwise."""
    i = 0
    while not part.startswith("(?:", i):
        if i >= len(part):
            return None
        c = part[i]
        if c == "\\":
            escaped = part[i + 1:i + 2]
            if not escaped or (escaped.isalnum() and escaped not in "bBAZ"):
                return None  # (a class such as \s, a back-reference, an escape with arguments)
            i += 2
        elif part.startswith(_LOOKAROUND, i):
            end = _closing(part[i:])
            if end < 0:
                return None
            i += end + 1
            continue  # (a lookaround is atomic: repeated, it is still one way)
        elif c in "()[]|.*+?{}":
            return None
        else:
            i += 1
        if part[i:i + 1] and part[i] in _QUANTIFIERS:
            return None
    end = _closing(part[i:])
    if end < 0:
        return None
    body, after = part[i + 3:i + end], part[i + end + 1:]
    if after[:1] and after[0] in _QUANTIFIERS:
        return None
    cuts = [j for j, c, depth in _grouping(body) if c == "|" and depth == 0]
    alternatives = [body[s + 1:e] for s, e in zip([-1, *cuts], [*cuts, len(body)], strict=True)]
    if len(alternatives) < 2 or len(alternatives) > MAX_BRANCHES or not all(alternatives):
        return None
    return part[:i], alternatives, after


def _without_layout(body: str) -> str | None:
    """A verbose pattern's body without what verbose mode ignores: whitespace and `#` comments outside
    classes, not escaped. None when a comment holds what `_structure` would read as a class or an
    escape, or the pattern holds a comment group (`(?#...)`)."""
    drop: set[int] = set()
    comment_end = -1
    for i, c, _depth in _structure(body):
        if i < comment_end:
            continue
        if c == "#":
            end = body.find("\n", i)
            comment_end = len(body) if end < 0 else end
            if any(x in body[i:comment_end] for x in "[]\\"):
                return None
            drop.update(range(i, comment_end))
        elif c.isspace():
            drop.add(i)
        elif body.startswith("(?#", i):
            return None
    return "".join(c for i, c in enumerate(body) if i not in drop)


def _structure(body: str):
    """(index, character, depth of parentheses before it) of each character of a pattern that is not
    escaped and not inside a character class: what splitting and matching parentheses look at."""
    depth, i, in_class = 0, 0, False
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += body[i + 1:i + 2] == "^"
            i += body[i + 1:i + 2] == "]"
        else:
            yield i, c, depth
            depth += (c == "(") - (c == ")")
        i += 1


# What splitting and matching parentheses look at, in one `re` scan that passes over escapes and
# character classes: a parenthesis or a bar (or an escape or a class, passed over). A lexicon's pattern
# is tens of kilobytes, and read a character at a time (`_structure`) it cost more than compiling it.
_GROUPING = re.compile(r"\\.|\[\^?\]?(?:\\.?|[^\]\\])*(?:\]|\Z)|[()|]", re.S)


def _grouping(body: str):
    """The (index, character, depth) that `_structure` gives for the parentheses and bars of a pattern."""
    depth = 0
    for m in _GROUPING.finditer(body):
        c = m.group()
        if c == "(" or c == ")" or c == "|":  # (not an escape or a class, passed over)
            yield m.start(), c, depth
            depth += (c == "(") - (c == ")")


def _closing(body: str) -> int:
    """Index of the parenthesis closing the one that opens `body` (-1 when unbalanced)."""
    for i, c, depth in _grouping(body):
        if c == ")" and depth == 1:
            return i
    return -1


# A time limit costs more than most searches it guards: the `regex` module looks at the clock as it
# goes. A pattern whose backtracking is bounded is run without one on texts short enough for that
# bound to stay under STEP_BUDGET steps (tens of milliseconds at worst, well below TIMEOUT).
STEP_BUDGET = 10_000_000
_SINGLE = (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.CATEGORY)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)
_UNTIMED: dict[tuple[str, int], int] = {}


def untimed_length(rx) -> int:
    """The longest text `rx` may search without a time limit (0: none; cached per pattern)."""
    key = (rx.pattern, rx.flags)
    found = _UNTIMED.get(key)
    if found is None:
        found = _UNTIMED[key] = _untimed_length(rx.pattern)
    return found


# A Unicode property (`\p{Lu}`, `\P{Han}`, `\pL`) is `regex`-module syntax that Python's parser
# rejects; for the analyses that only need to know it is one character of some class (literal needs,
# backtracking bounds), it is read as `\w`. Not escaped by a backslash before it.
_PROPERTY = regex.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")


# (properties whose every character `\w` holds: letters and numbers, by short or long name)
_WORD_PROPERTIES = frozenset({"L", "N", *(f"{{{name}}}" for name in (
    "L", "Lu", "Ll", "Lt", "Lm", "Lo", "N", "Nd", "Nl", "No", "Letter", "Number"))})


def _parse_shape(source: str):
    """Python's parse of `source` with each Unicode property read as one character of a class
    (`_PROPERTY`): right for what a pattern needs and how it backtracks, not for what it matches."""
    return _parse(_PROPERTY.sub(r"\1\\w", source))


@lru_cache(maxsize=64)
def _parse(source: str):
    """Python's parse of `source` (read, never changed, by the analyses: compiling a pattern asks for
    it three times, and a lexicon's pattern takes a tenth of a second to parse). A long group that
    nothing inside refers to from outside (a lexicon's trie, `phrases.resolve_regex`) is parsed
    once, by its text, and its parse shared by every pattern and place that holds it (`_shared_groups`):
    a pattern that names a lexicon eight times parses it once, and the same tree comes out (a test
    compares them)."""
    groups = _shared_groups(source)
    if not groups:
        return _sre_parser.parse(source)
    parts, places, at = [], {}, 0
    for k, (start, end) in enumerate(groups):
        first = _PLACE + 2 * k  # (two characters in a group: Python's parser never merges nor factors them)
        parts += [source[at:start], "(?:", chr(first), chr(first + 1), ")"]
        places[first] = source[start:end]
        at = end
    parts.append(source[at:])
    tree = _sre_parser.parse("".join(parts))
    _splice(tree.data, places)
    return tree


_PLACE = 0xF0000  # (placeholders: characters of a private-use plane no pattern holds)
_NOT_SHARED = regex.compile(r"[\U000F0000-\U000FFFFD]|\(\?[a-zA-Z-]*x")


def _shared_groups(source: str) -> list[tuple[int, int]]:
    """Where `source` holds a lexicon's trie (`phrases.SHARED_TRIES`: a `(?:...)` group with no group
    but `(?:...)` inside, so no group number changes when it is parsed alone), in text order, none
    overlapping; none in a verbose pattern."""
    tries = [t for t in phrases.SHARED_TRIES if t in source]
    if not tries or _NOT_SHARED.search(source):
        return []
    found = []
    for trie in tries:
        at = source.find(trie)
        while at >= 0:
            before = at
            while before and source[before - 1] == "\\":
                before -= 1
            if (at - before) % 2 == 0:  # (not "\\(": a literal parenthesis)
                found.append((at, at + len(trie)))
            at = source.find(trie, at + len(trie))
    found.sort(key=lambda span: (span[0], -span[1]))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out


@lru_cache(maxsize=256)
def _shared_group(text: str) -> tuple[tuple, dict]:
    """A shared group's parse (`_parse`), parsed alone, and what the literal-set analysis reads of
    its alternatives (`_options`' memo, for each white space, word start or nothing before it): every
    analysis of a pattern that holds the group starts from it (`_analysis`)."""
    items = tuple(_sre_parser.parse(text).data)
    memo: dict = {}
    if len(items) == 1 and items[0][0] is _c.BRANCH:
        for branch in items[0][1][1]:
            _starts_of(branch, memo)
            for lead in ("", _EDGE, _WHITE):
                _sequence(branch, lead, memo)
    return items, memo


def _splice(items: list, places: dict[int, str]) -> None:
    """Each placeholder of `_parse` in a parsed sequence (and the sequences inside its items) replaced,
    in place, by the items of its group's parse."""
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _c.LITERAL and av in places:
            group = _shared_group(places[av])[0]
            items[i:i + 2] = group
            i += len(group)
            continue
        if op is _c.SUBPATTERN:
            _splice(av[-1].data, places)
        elif op is _c.BRANCH:
            for branch in av[1]:
                _splice(branch.data, places)
        elif op in _REPEATS:
            _splice(av[2].data, places)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _splice(av[1].data, places)
        elif op is _c.ATOMIC_GROUP:
            _splice(av.data, places)
        elif op is _c.GROUPREF_EXISTS:
            for sub in av[1:]:
                if sub is not None:
                    _splice(sub.data, places)
        i += 1


@lru_cache(maxsize=4096)  # (a compile asks for some patterns twice, and storing it asks for all)
def _untimed_length(source: str) -> int:
    """An upper bound on a backtracking search, from Python's parse of the pattern: where every
    repeat repeats one character (or a group a fixed, small number of times) and there are no
    back-references, a start position costs at most `paths x length` steps, `paths` being the product
    of the choices of its bounded repeats and alternations, times the text's length for each unbounded
    repeat; a lookaround or an atomic group, never backtracked into, adds its own cost instead of
    multiplying. One unbounded repeat at most (two make any text slow); anything else: 0, always timed."""
    try:
        tree = _parse_shape(source)
        cost = _cost(list(tree))
    except Exception:  # other regex-module syntax: always timed
        return 0
    if cost is None:
        return 0
    unbounded, paths, length = cost
    per_char = paths * max(length, 1)
    if unbounded == 0:
        return STEP_BUDGET // per_char
    if unbounded == 1:
        lead = _lead_apart(tree, source)
        if lead is not None:  # (linear: see `_lead_apart`)
            return STEP_BUDGET // (per_char * (lead + 2))
        return int((STEP_BUDGET / per_char) ** 0.5)
    return 0


def _lead_apart(tree, source: str) -> int | None:
    r"""For a pattern with one unbounded repeat, of one character class C, in its top-level sequence:
    the most characters that can stand between its first character and the repeat, when that first
    character is a literal C never holds (`#[\w]{4,}`: a hashtag). Its runs of C from different start
    positions then barely overlap (a start inside a run would be a character of C), and a search costs
    at most (that many + 2) x the text's length x the pattern's length: linear, not quadratic. None
    when that is not shown, and for a pattern with a Unicode property other than a letter or number
    one (the pattern's shape reads each property as `\w`, which holds those and no other)."""
    items = list(tree)
    if not items or items[0][0] is not _c.LITERAL:
        return None
    if any(name[0] == "P" or name[1:] not in _WORD_PROPERTIES
           for name in (m.group(0).lstrip("\\") for m in _PROPERTY.finditer(source))):
        return None
    first = chr(items[0][1])
    for i, (op, av) in enumerate(items[1:], 1):
        if op in _REPEATS and av[1] == _c.MAXREPEAT:
            body = list(av[2])
            if len(body) != 1 or body[0][0] not in _SINGLE:
                return None
            between = _cost(items[1:i])
            if between is None or between[0]:
                return None
            try:
                one = _sre_compiler.compile(_sre_parser.SubPattern(tree.state, body), tree.state.flags)
            except Exception:
                return None
            return None if one.fullmatch(first) or one.fullmatch(first.swapcase()) else between[2]
    return None


def _cost(items) -> tuple[int, int, int] | None:
    """(unbounded repeats, paths, pattern length) of a sequence; None when it is not bounded."""
    unbounded, paths, length = 0, 1, 0
    for op, av in items:
        if op in _SINGLE or op is _c.AT:
            length += 1
            continue
        if op in _REPEATS:
            lo, hi, body = av
            body = list(body)
            if len(body) == 1 and body[0][0] in _SINGLE:
                if hi == _c.MAXREPEAT:
                    unbounded += 1
                    length += lo + 1
                else:
                    paths *= hi - lo + 1
                    length += hi
                continue
            sub = _cost(body)
            if sub is None or hi == _c.MAXREPEAT or hi > 4:
                return None
            u, p, n = sub
            unbounded, paths, length = unbounded + u * hi, paths * p ** hi * (hi - lo + 1), length + n * hi
            continue
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.ATOMIC_GROUP):
            # (never backtracked into: each time the search comes to it, it costs its own paths times
            # its length, added to the rest instead of multiplying its paths)
            sub = _cost(list(av if op is _c.ATOMIC_GROUP else av[1]))
            if sub is None:
                return None
            unbounded, length = unbounded + sub[0], length + sub[1] * max(sub[2], 1)
            continue
        if op is _c.SUBPATTERN:
            sub = _cost(list(av[-1]))
        elif op is _c.BRANCH:
            subs = [_cost(list(b)) for b in av[1]]
            if any(s is None for s in subs):
                return None
            sub = (max(s[0] for s in subs), sum(s[1] for s in subs), max(s[2] for s in subs))
        else:  # back-references, conditionals
            return None
        if sub is None:
            return None
        unbounded, paths, length = unbounded + sub[0], paths * sub[1], length + sub[2]
    return unbounded, paths, length


def compile_regex(source: str, where: str = "regex"):
    """A pattern compiled with the `regex` module; ValueError naming the field when it is invalid."""
    try:
        return _compiled(source)
    except regex.error as exc:
        raise ValueError(f"field '{where}': {exc}") from None


@lru_cache(maxsize=8192)
def _compiled(source: str):
    """(The `regex` module keeps 500 patterns; the packs have more, some of them long tries that take
    a tenth of a second to compile, and validating the packs compiles each before its language is:
    `regexcode` keeps how to build those in the cache folder.)"""
    return regexcode.compile(source)


# --- one resolver, one spec ------------------------------------------------------------------------

def per_language(value, lang: str, languages):
    """`value` for `lang`: the entry of a per-language map, or the value itself when the rule is in
    that language (`languages`: the rule's)."""
    if isinstance(value, dict):
        return value.get(lang)
    return value if lang in languages else None


def default_mode(lang: str) -> str:
    return "lemma" if lang in phrases.LEMMA_TABLE_LANGUAGES else "lower"


@dataclass(frozen=True)
class MatchSpec:
    """What to look for in one language (a resolved block of a pack)."""

    terms: tuple[str, ...] = ()
    mode: str = "lower"
    patterns: tuple = ()
    regex: str | None = None
    group: int | str = 0
    prefilter: object = None  # list of strings, or {"regex": ...}: overrides the derived needles
    examples: tuple[str, ...] = ()  # texts it must find (a derived regex prefilter must pass them)

    def __bool__(self) -> bool:
        return bool(self.terms or self.patterns or self.regex)


def spec_from(block: dict, lang: str, languages, mode: str | None = None, examples=()) -> MatchSpec:
    """The MatchSpec of a pack mapping (`terms`/`phrases`, `patterns`, `regex`...) in `lang`."""
    terms = per_language(block.get("terms", block.get("phrases")), lang, languages) or ()
    patterns = per_language(block.get("patterns"), lang, languages) or ()
    rx = per_language(block.get("regex"), lang, languages)
    texts = tuple(e if isinstance(e, str) else e["text"] for e in examples)
    return MatchSpec(
        terms=tuple(terms),
        mode=block.get("match") or mode or default_mode(lang),
        patterns=tuple(tuple(dict(t) for t in p) for p in patterns),
        regex=rx,
        group=block.get("group") or 0,
        prefilter=block.get("prefilter"),
        examples=texts,
    )


def spec_key(owner: str, spec: MatchSpec) -> str:
    """What a Matcher is compiled from (its owner and spec; the language and code are its set's), as
    a digest: equal keys, equal Matchers."""
    fields = [owner, list(spec.terms), spec.mode, [list(p) for p in spec.patterns], spec.regex, spec.group,
              spec.prefilter, list(spec.examples)]
    blob = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=repr)
    return hashlib.sha256(blob.encode()).hexdigest()


def languages_named(block: dict) -> list[str]:
    """The languages a block names through per-language maps."""
    out: dict[str, None] = {}
    for key in ("terms", "phrases", "patterns", "regex"):
        if isinstance(block.get(key), dict):
            out.update(dict.fromkeys(block[key]))
    return list(out)


# --- selectivity and literals ----------------------------------------------------------------------

_SCRIPT_CHAR = regex.compile(r"[\p{Han}\p{Thai}]")


@lru_cache(maxsize=65536)  # (the analysis of a lexicon's pattern asks for the same literals again and again)
def selectivity(literal: str) -> int:
    """How rarely a needle is met in a caption: its length, a Han or Thai character counting double;
    a common function word ("a", "to", "only") counts as 0; a currency sign or a letter outside ASCII
    ("$", "£", "đ") as 2: rare outside the texts it is written for, where it is what the pattern looks
    for (without it a regex such as a price's would run on every segment)."""
    if literal.strip() in COMMON_WORDS:
        return 0
    if len(literal) == 1 and (unicodedata.category(literal) == "Sc"
                              or (not literal.isascii() and literal.isalpha())):
        return 2
    return len(literal) + len(_SCRIPT_CHAR.findall(literal))


def required_literals(source: str, min_weight: int = 2) -> tuple[str, ...] | None:
    """Strings one of which (lower-cased) is in the lower-cased text wherever `source` matches, or
    None when no such set is found or one of them is weaker than `min_weight` (`selectivity`).

    Read from the parse tree of Python's own `re` (a pattern it cannot parse gets none): a literal
    run is required where it stands, a group or a repeat of at least one when its body is, an
    alternation needs one of its branches, and of a sequence's requirements the most selective one
    is kept (`_most_selective`)."""
    sets = [o for o in map(_screen_form, _literal_sets(source)) if o]
    found = _most_selective(sets) if sets else None
    if not found or min(selectivity(s) for s in found) < min_weight:
        return None
    return tuple(sorted(found))


def required_literal_sets(source: str) -> list[frozenset[str]]:
    """Every requirement of the pattern's top-level sequence: sets of strings, a member of each of
    which is in the text wherever `source` matches, the text lower-cased and each run of white
    space in it one space (`MatchContext.spaced`; none when the pattern cannot be read). White
    space the pattern spells `\\s` or `\\s+` is a space of the member: "night sweats" of
    `night\\s+sweats`, where the words alone would be "night", in most captions.
    `required_literals` keeps the most selective for the screen; the others are the Matcher's
    closer look."""
    return _requirements(_literal_sets(source))


def group_literal_sets(source: str, count: int) -> list[list[frozenset[str]]] | None:
    """The requirements (`required_literal_sets`) of each of the `count` alternatives of the group of
    alternatives in the top-level sequence of `source` (`_distributed`), read from the analysis of
    `source` itself (no second parse; its groups' readings shared). None when Python's parse does not
    show that group with those alternatives (it moves a prefix they share out of them, for one)."""
    tree, memo = _analysis(source)
    if tree is None:
        return None
    for op, av in tree:
        if op in (_c.AT, _c.LITERAL, _c.ASSERT, _c.ASSERT_NOT):
            continue  # (what stands before the group)
        if op is _c.SUBPATTERN and av[0] is None and len(av[-1]) == 1:  # (a group Python's parse kept)
            op, av = av[-1][0]
        if op is _c.BRANCH and len(av[1]) == count:
            return [_requirements(_options(list(items), "", memo)) for items in av[1]]
        return None
    return None


def _requirements(options) -> list[frozenset[str]]:
    """An analysis's requirements as LiteralSets read them (`_member`), the uninformative ones left out."""
    out = []
    for o in options:
        members = frozenset(map(_member, o))
        if all(m.replace(_EDGE, "").strip() for m in members) and members not in out:  # (white space tells nothing)
            out.append(members)
    # (a set whose members must start words makes the same set without that redundant)
    edged = {frozenset(m.lstrip(_EDGE) for m in o) for o in out if any(m.startswith(_EDGE) for m in o)}
    return [o for o in out if o not in edged]


@lru_cache(maxsize=65536)  # (a lexicon's literals, read once for each pattern that holds it)
def _member(literal: str) -> str:
    """A literal of the analysis as a LiteralSet reads it: white space one space; a word start kept
    (as a leading `_EDGE`) only before a word character, where `\\b` says the one before is none."""
    bare = _WHITE_RUN.sub(" ", literal.replace(_EDGE, "").replace(_WHITE, " "))
    return _EDGE + bare if literal.startswith(_EDGE) and _WORD_CHAR.match(bare) else bare


def spaced(text: str) -> str:
    """`text` lower-cased, each run of white space one space (what literal sets are looked for in)."""
    return collapse_white(text.lower())


def _screen_form(members: frozenset[str]) -> frozenset[str] | None:
    """A literal set as the screen reads it (each member's most selective piece between the white
    space `\\s` stands for, which the screen's text keeps as written); None when a member has none."""
    out = set()
    for m in members:
        pieces = [p for p in m.replace(_EDGE, "").split(_WHITE) if p.strip()]
        if not pieces:
            return None
        out.add(max(pieces, key=lambda p: (selectivity(p), p)))
    return frozenset(out)


@lru_cache(maxsize=4096)  # (validating a pack and compiling it read each pattern several times)
def _literal_sets(source: str) -> tuple[frozenset[str], ...]:
    tree, memo = _analysis(source)
    return () if tree is None else tuple(_options(list(tree), "", memo))


@lru_cache(maxsize=8)
def _analysis(source: str) -> tuple[list | None, dict]:
    """Python's parse of `source` (None: other regex-module syntax, no derived needles) and what the
    analysis has read of its groups (`_options`' memo), kept for `group_literal_sets`, which asks
    about the same pattern next."""
    try:
        tree = _parse_shape(source)
    except Exception:
        return None, {}
    memo: dict = {}
    for start, end in _shared_groups(source):
        memo.update(_shared_group(source[start:end])[1])
    return tree, memo


def _group_body(op, av):
    """The items inside a group (capturing or not, or atomic); None for any other item."""
    if op is _c.SUBPATTERN:
        return av[-1]
    if op is _c.ATOMIC_GROUP:
        return av
    return None


def _class_letters(op, av) -> list[str] | None:
    """The characters (lower-cased) of a class of literal characters only (`[abc]`); else None."""
    if op is _c.IN and av and all(o is _c.LITERAL for o, _ in av):
        return [chr(v).lower() for _, v in av]
    return None


def _options(items, lead: str, memo: dict) -> list[frozenset[str]]:
    """The requirements of a sequence (`lead`: what stands before it, a word start or white space;
    `memo`: what one analysis has read of its groups, by identity: a lexicon's trie nests its groups
    deep, and each level would read again what is inside it)."""
    options: list[frozenset[str]] = []
    run: list[str] = [lead] if lead else []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av).lower())
            continue
        if _is_white(op, av):  # (also first: what follows starts after white space, a word start)
            if not run or run[-1] != _WHITE:
                run.append(_WHITE)
            continue
        if op is _c.AT and av is _c.AT_BOUNDARY:  # (a word starts here, if a word character follows)
            if _telling(joined := "".join(run)):
                options.append(frozenset([joined]))
            run = [_EDGE]
            continue
        starts = _starts(op, av, memo) if op in (_c.SUBPATTERN, _c.BRANCH) else None
        before = run[-1] if run and run[-1] in (_EDGE, _WHITE) else ""  # (what the item's members follow)
        if run:
            joined = "".join(run)
            if _telling(joined):
                options.append(frozenset([joined]))
            if starts:  # the run and what the group starts with, read as one: "los" + t|e|ing
                options.append(frozenset(_join(joined, s) for s in starts))
            run = []
        if starts:
            options.append(starts)
        needed = None
        body, letters = _group_body(op, av), _class_letters(op, av)
        if body is not None:
            needed = _sequence(body, before, memo)
        elif op is _c.BRANCH:
            branches = [_sequence(b, before, memo) for b in av[1]]
            if all(branches):
                needed = frozenset().union(*branches)
        elif op in _REPEATS:
            lo, _hi, inner = av
            needed = _sequence(inner, before, memo) if lo >= 1 else None
        elif letters is not None:
            needed = frozenset(letters)
        if needed:
            options.append(needed)
    if run and _telling(joined := "".join(run)):
        options.append(frozenset([joined]))
    return options


# White space a pattern spells `\s` or `\s+` in a literal, and the start of a word (`\b` before the
# literal): characters no text holds (see `required_literal_sets` for what they become); a run of
# white space in a text, and a word character as the patterns' `\b` reads one
_WHITE = "\x00"
_EDGE = "\x01"
_WHITE_RUN = regex.compile(r"\s+")
_WORD_CHAR = regex.compile(r"\w")


def _telling(literal: str) -> bool:
    """Whether a literal of the analysis holds more than white space and word starts."""
    return bool(literal.replace(_WHITE, "").replace(_EDGE, ""))


def _join(a: str, b: str) -> str:
    """Two literals one after the other: a word start only at the beginning, one white space between."""
    if not a:
        return b
    b = b.lstrip(_EDGE)
    if a.endswith(_WHITE) and b.startswith(_WHITE):
        b = b[1:]
    return a + b


def _is_white(op, av) -> bool:
    """Whether an item is `\\s`, or `\\s` repeated at least once: one run of white space."""
    if op in _REPEATS and av[0] >= 1 and len(av[2]) == 1:
        op, av = list(av[2])[0]
    return op is _c.IN and len(av) == 1 and av[0] == (_c.CATEGORY, _c.CATEGORY_SPACE)


STARTS_LIMIT = 4096  # literal beginnings read from one group at most


def _starts(op, av, memo: dict) -> frozenset[str] | None:
    """The strings (lower-cased) one of which every match of a group or alternation begins with, read
    through nested groups and alternations: a lexicon written as a trie (`trie_alternation`) gives its
    words back, `los(?:t|e|ing)` gives lost, lose, losing. None when a match may begin otherwise (with
    nothing known, or an empty string) or there may be more than STARTS_LIMIT."""
    found = _step(op, av, memo)
    if len(found) > STARTS_LIMIT:
        return None
    strings = frozenset(s for s, _ in found)
    return None if not all(map(_telling, strings)) else strings


def _starts_of(items, memo: dict) -> frozenset[tuple[str, bool]] | None:
    """(beginning, open) pairs: an open beginning is the whole match so far and may go on. (A group's
    body is read once per analysis: `memo`, by the identity of the parsed body.)"""
    key = ("starts", id(items))
    if key in memo:
        return memo[key][1]
    current = {("", True)}
    body, items = items, list(items)
    i, n = 0, len(items)
    while i < n:
        if not any(open_ for _, open_ in current):
            break
        op, av = items[i]
        i += 1
        if op is _c.LITERAL:  # (a run of literals is one step)
            run = [chr(av).lower()]
            while i < n and items[i][0] is _c.LITERAL:
                run.append(chr(items[i][1]).lower())
                i += 1
            step = {("".join(run), True)}
        else:
            step = _step(op, av, memo)
        if sum(open_ for _, open_ in current) * len(step) > STARTS_LIMIT:  # (not worth the product)
            current = None
            break
        current = {(_join(a, b), o) for a, open_ in current
                   for b, o in (step if open_ else (("", False),))}
        if len(current) > STARTS_LIMIT:
            current = None
            break
    found = None if current is None else frozenset(current)
    memo[key] = (body, found)  # (the body is kept alive with its entry: its id is not reused)
    return found


def _step(op, av, memo: dict):
    """The (beginning, open) pairs of one item of a sequence (not a literal)."""
    body, letters = _group_body(op, av), _class_letters(op, av)
    if _is_white(op, av):
        return {(_WHITE, True)}
    if op is _c.AT and av is _c.AT_BOUNDARY:
        return {(_EDGE, True)}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {("", True)}  # zero-width
    if body is not None:
        step = _starts_of(body, memo)
    elif op is _c.BRANCH:
        parts = [_starts_of(b, memo) for b in av[1]]
        step = None if any(p is None for p in parts) else set().union(*parts)
    elif op in _REPEATS and av[0] == 0 and av[1] == 1:
        inner = _starts_of(av[2], memo)
        step = {("", False)} if inner is None else inner | {("", True)}
    elif letters is not None:
        step = {(c, True) for c in letters}
    else:
        step = {("", False)}  # something else: the beginnings end here
    return {("", False)} if step is None else step


def _sequence(items, lead: str, memo: dict) -> frozenset[str] | None:
    key = ("sequence", id(items), lead)
    if key in memo:
        return memo[key][1]
    options = _options(list(items), lead, memo)
    found = _most_selective(options) if options else None
    memo[key] = (items, found)
    return found


def _most_selective(options: list[frozenset[str]]) -> frozenset[str]:
    """Of a sequence's requirements, the one a text is least likely to hold: the strongest weakest
    member (up to three characters: longer ones are all rare), then the smallest chance that one of
    its members is in a text (each taken as 10^-selectivity: "jd|ebay|amazon" rather than
    "co|us|de", which are in most captions). (`math.fsum`: a sum in a set's order rounds otherwise from
    one run to the next, and would break a tie otherwise.)"""
    keyed = [((min(3, min(map(_strength, o))), -math.fsum(10.0 ** -_strength(s) for s in o),
               sum(s.startswith(_EDGE) for s in o)), o) for o in options]
    best = max(key for key, _ in keyed)
    tied = [o for key, o in keyed if key == best]
    # (the members, sorted, break a tie: sorting a lexicon's hundreds of beginnings for every option
    # of every sequence cost more than the rest of the choice)
    return tied[0] if len(tied) == 1 else max(tied, key=sorted)


@lru_cache(maxsize=65536)
def _strength(literal: str) -> int:
    """`selectivity` of a literal as the screen reads it: its most selective piece between the white
    space `\\s` stands for (`_screen_form`)."""
    literal = literal.replace(_EDGE, "")
    if _WHITE not in literal:
        return selectivity(literal)
    return max((selectivity(p) for p in literal.split(_WHITE) if p.strip()), default=0)


_RUN_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}
RUN_LIMIT = 64  # a run checked is at most this long (the check stays linear in the text)


def required_run(source: str, min_length: int = 5):
    r"""A pattern that `source` needs to hold in the lower-cased text: `[class]{k}`, k characters in a
    row of the classes of a stretch of the pattern's top-level sequence made of single characters
    (`\d[\d\s.\-()]{6,}\d`: eight of [\d\s.\-()] in a row). It has no literal string to screen for,
    but a bounded class cannot backtrack, so it runs without the time limit, which costs more than
    the search (the `regex` module looks at the clock as it goes). None: no stretch of `min_length`.
    (Read without `_parse_shape`: the run is matched against the text, and `\w` standing for a Unicode
    property would demand what the pattern does not, e.g. a Thai vowel sign, which `\w` is not.)"""
    try:
        tree = _parse(source)
    except Exception:
        return None
    best: tuple[int, tuple[str, ...]] = (0, ())
    parts: dict[str, None] = {}
    length = 0
    for op, av in list(tree) + [(None, None)]:
        lo, body = 1, [(op, av)]
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and len(av[2]) == 1:
            lo, body = av[0], list(av[2])
        found = _char_class(*body[0]) if op is not None else None
        if found is None:
            if length > best[0]:
                best = (length, tuple(parts))
            parts, length = {}, 0
            continue
        parts.update(dict.fromkeys(found))
        length += lo
    if best[0] < min_length:
        return None
    return regex.compile(f"[{''.join(best[1])}]{{{min(best[0], RUN_LIMIT)}}}")


def _char_class(op, av) -> list[str] | None:
    """What one character of the pattern may be, as parts of a character class for the lower-cased
    text; None when it is not a plain one (negated, a letter range, anything but one character)."""
    if op is _c.LITERAL:
        return [regex.escape(chr(av).lower())]
    if op is not _c.IN:
        return None
    out = []
    for kind, value in av:
        if kind is _c.LITERAL:
            out.append(regex.escape(chr(value).lower()))
        elif kind is _c.CATEGORY and value in _RUN_CATEGORIES:
            out.append(_RUN_CATEGORIES[value])
        elif kind is _c.RANGE and not any(chr(v).isalpha() for v in range(value[0], value[1] + 1)):
            out.append(f"{regex.escape(chr(value[0]))}-{regex.escape(chr(value[1]))}")
        else:
            return None
    return out


class Prefilter:
    """A pack's `prefilter` override: literal strings (one of them in the lower-cased text), or
    `{regex: ...}`, a cheap pattern tried (with the time limit) before the rule's own regex."""

    __slots__ = ("strings", "pattern")

    def __init__(self, prefilter):
        if isinstance(prefilter, dict):
            self.strings, self.pattern = (), compile_regex(prefilter["regex"], "prefilter.regex")
        else:
            self.strings, self.pattern = tuple(sorted({s.lower() for s in prefilter})), None

    @property
    def needles(self) -> tuple[str, ...]:
        """Strings one of which is in every text it lets through ("@" for '\\w@\\w')."""
        if self.pattern is None:
            return self.strings
        return required_literals(self.pattern.pattern, min_weight=1) or ()

    def passes(self, lower: str) -> bool:
        if self.pattern is not None:
            return timed_search(self.pattern, lower)
        return any(s in lower for s in self.strings)


# --- token patterns: REGEX predicates run with the time limit --------------------------------------

_TOKEN_TEXT = {"TEXT": "text", "ORTH": "text", "LOWER": "lower_", "NORM": "norm_"}
_TIMED_OUT: list[str] = []  # regexes of token predicates that ran out of time (read after each run)


def _predicate_getter(rx, attr: str):
    def get(token):
        try:
            return timed_search(rx, getattr(token, attr))
        except RegexTimeout:
            _TIMED_OUT.append(rx.pattern)
            return False

    return get


def timed_patterns(patterns) -> list[list[dict]]:
    """Token patterns whose `{REGEX: ...}` predicates become extension attributes that run the regex
    through `timed_search` (spaCy's own predicate would run it without a limit)."""
    from spacy.tokens import Token

    out = []
    for pattern in patterns:
        tokens = []
        for token in pattern:
            token = dict(token)
            for attr, field in _TOKEN_TEXT.items():
                value = token.get(attr)
                if isinstance(value, dict) and isinstance(value.get("REGEX"), str):
                    source = value["REGEX"]
                    rx = compile_regex(source, "patterns")
                    name = "rc_rx_" + hashlib.sha1(f"{field}\0{source}".encode()).hexdigest()[:16]
                    if not Token.has_extension(name):
                        Token.set_extension(name, getter=_predicate_getter(rx, field))
                    rest = {k: v for k, v in value.items() if k != "REGEX"}
                    if rest:
                        token[attr] = rest
                    else:
                        del token[attr]
                    token.setdefault("_", {})[name] = True
            tokens.append(token)
        out.append(tokens)
    return out


def _pattern_texts(token: dict):
    """The text condition of a required token: a string, or an IN list, or a REGEX source."""
    if token.get("OP") in ("?", "*", "!"):
        return None
    for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = token.get(attr)
        if isinstance(value, str) or (isinstance(value, dict) and ("IN" in value or "REGEX" in value)):
            return value
    return None


_WHOLE_WORD = regex.compile(r"[^\W_]+|[\p{Han}\p{Thai}]+")


def pattern_requirements(pattern) -> list[tuple[str, tuple[str, ...]]]:
    """Every literal set of a pattern's required tokens: (mode, strings), one of which a text must
    have for the pattern to match (`pattern_needles` takes the most selective of them)."""
    sets = []
    for token in pattern:
        value = _pattern_texts(token)
        if isinstance(value, str):
            values = [value]
        elif isinstance(value, dict) and isinstance(value.get("IN"), list):
            values = [v for v in value["IN"] if isinstance(v, str)]
        elif isinstance(value, dict):
            literals = required_literals(value["REGEX"], min_weight=1)
            if literals:
                sets.append((LITERAL, tuple(literals)))
            continue
        else:
            continue
        # a value that is not one whole word ("n't", "$") may be a fragment of a text word: no set
        if values and all(_WHOLE_WORD.fullmatch(v) for v in values):
            sets.append((WORD_MODE, tuple(sorted({v.lower() for v in values}))))
    return sets


def pattern_needles(pattern) -> tuple[str, tuple[str, ...]] | None:
    """(mode, strings) for the screen: of a pattern's literal sets, the most selective, then the
    smallest: "$" rather than "just|only|now". None: the pattern has none."""
    options = pattern_requirements(pattern)
    if not options:
        return None
    return max(options, key=lambda o: (min(map(_word_strength, o[1])), -len(o[1]), o[1]))


def _word_strength(member: str) -> int:
    """`selectivity` capped at 2: a common word 0, one or two characters 1, longer ones alike."""
    return min(2, selectivity(member)) if member.isalnum() else 2


# --- phrases --------------------------------------------------------------------------------------

def phrase_sequences(lang: str, templates, mode: str) -> list[tuple[tuple[str, ...], str]]:
    """The token sequences a list of templates stands for (lower-cased unless `exact`; with `lemma`,
    with the inflected forms of their first and last words), each with its text as written (the
    tokens with the spacing of the phrase: what its words are, to the screen)."""
    from .. import nlp

    pipe = nlp.pipeline(lang)
    out: dict[tuple[str, ...], str] = {}
    inflect = mode == "lemma" and phrases.has_forms(lang)
    # phrases are folded like the text they are matched against (full-width, marks, quotes)
    texts = [normalize(phrase).text for template in templates for phrase in phrases.expand(template)]
    exact = mode == "exact"
    for words, spacing in tokenized(pipe, texts):
        for variant in phrases.inflect(lang, words) if inflect else [words]:
            key = tuple(variant) if exact else tuple(map(str.lower, variant))
            if key not in out:
                out[key] = "".join(map(str.__add__, key, spacing))
    return list(out.items())


_BETWEEN = "\n\n"  # (white space both tokenizers make a token of its own, and read nothing across)
_BATCH = 512


def tokenized(pipe, texts: list[str]) -> list[tuple[list[str], list[str]]]:
    """(token texts, trailing white space of each) of every text, as `pipe.make_doc` gives them.
    Phrases are tokenized hundreds to a Doc, joined by a line break: a Doc costs more to make than
    its tokens. Both tokenizers cut a text at
    white space and read each piece apart, so the joined Doc holds each text's tokens between the
    breaks' tokens; a text with white space at an end or a line break of its own is tokenized
    alone, and a batch whose breaks are not where they should be is done again one by one."""
    out: list[tuple[list[str], list[str]] | None] = [None] * len(texts)
    joinable = [i for i, t in enumerate(texts) if t and "\n" not in t and t.strip() == t]
    for at in range(0, len(joinable), _BATCH):
        batch = joinable[at:at + _BATCH]
        doc = pipe.make_doc(_BETWEEN.join(texts[i] for i in batch))
        words, spaces, parts = [], [], []
        for t in doc:
            if t.text == _BETWEEN:
                parts.append((words, spaces))
                words, spaces = [], []
            else:
                words.append(t.text)
                spaces.append(t.whitespace_)
        parts.append((words, spaces))
        if len(parts) == len(batch) and all(w and not s[-1] for w, s in parts):
            for i, part in zip(batch, parts, strict=True):
                out[i] = part
    for i, text in enumerate(texts):
        if out[i] is None:
            doc = pipe.make_doc(text)
            out[i] = ([t.text for t in doc], [t.whitespace_ for t in doc])
    return out


_APOSTROPHES = "'’"


def whole_words(written: str) -> frozenset[str]:
    """The words a text must have, whole, wherever the phrase matches: its runs of letters or digits,
    but not one that touches an apostrophe ("n't" stands inside the text's word "isn't")."""
    if "'" not in written and "’" not in written:
        return frozenset(WORD.findall(written))
    out = set()
    for m in WORD.finditer(written):
        s, e = m.span()
        if (s and written[s - 1] in _APOSTROPHES) or (e < len(written) and written[e] in _APOSTROPHES):
            continue
        out.add(m.group())
    return frozenset(out)


# --- phrases as the compiled-pack cache stores them -------------------------------------------------
# An English pack expands to ~90,000 phrases. Pickled as Python objects (a tuple of words and a
# string each, a frozenset and a string for each one's closer look) they cost a fifth of a second to
# store and more to read back (unpickling tens of thousands of small containers wakes the garbage
# collector again and again). Stored instead as a few long strings, one separator between items and
# another between the words of an item: joined and split in C. A phrase that holds a separator keeps
# the pickled form, as the separators' counts tell (spaCy never leaves one inside a token: both are
# white space to `str.isspace`, so only a caller's own sequences can).

_ITEM, _WORD = "\x1e", "\x1f"  # (ASCII's record and unit separators)


def _joined(strings: list[str]) -> str | None:
    """`strings` joined by _ITEM, or None when one of them holds it (or there are none)."""
    text = _ITEM.join(strings)
    return text if strings and text.count(_ITEM) == len(strings) - 1 else None


def _split(text: str) -> list[str]:
    return text.split(_ITEM)


def pack_words(words: list[tuple[str, ...]]) -> str | None:
    """The token sequences of phrases as one string (None when it cannot be: see above)."""
    text = _joined(list(map(_WORD.join, words)))
    if text is None or text.count(_WORD) != sum(map(len, words)) - len(words):
        return None  # (a word with a separator in it, or a sequence without words)
    return text


def unpack_words(text: str) -> list[tuple[str, ...]]:
    return [tuple(item.split(_WORD)) for item in _split(text)]


def pack_phrases(sequences, phrases_at) -> tuple | bytes | None:
    """A Matcher's phrases (`sequences`: (tokens, as written); `phrases_at`: needle key -> [(words
    needed, tokens joined)]) as strings; pickled when a string holds a separator; None: no phrase."""
    if not sequences:
        return None
    words = pack_words([tokens for tokens, _ in sequences])
    written = _joined([w for _, w in sequences])
    keys = counts = joins = needs = ""
    if phrases_at:
        flat = [entry for entries in phrases_at.values() for entry in entries]
        keys = _joined(list(phrases_at))
        counts = _joined([str(len(entries)) for entries in phrases_at.values()])
        joins = _joined([joined for _, joined in flat])
        needs = _joined([" ".join(need) for need, _ in flat])  # (whole words: never a space in one)
    packed = (words, written, keys, counts, joins, needs)
    if None in packed:
        return pickle.dumps((sequences, phrases_at), protocol=pickle.HIGHEST_PROTOCOL)
    return packed


def unpack_phrases(packed) -> tuple[list, Mapping]:
    """(sequences, phrases_at) of `pack_phrases`."""
    return unpack_sequences(packed), unpack_phrases_at(packed)


def unpack_sequences(packed) -> list[tuple[tuple[str, ...], str]]:
    """The `sequences` of `pack_phrases` (the phrases' tokens and their written forms)."""
    if packed is None:
        return []
    if isinstance(packed, bytes):
        return pickle.loads(packed)[0]
    words, written = packed[:2]
    return list(zip(unpack_words(words), _split(written), strict=True))


def unpack_phrases_at(packed) -> Mapping[str, list[tuple[frozenset[str], str]]]:
    """The `phrases_at` of `pack_phrases`: read one needle key at a time (`PhrasesAt`)."""
    if packed is None:
        return {}
    if isinstance(packed, bytes):
        return pickle.loads(packed)[1]
    keys, counts, joins, needs = packed[2:]
    return PhrasesAt(keys, counts, joins, needs) if counts else {}


class PhrasesAt(Mapping):
    """A Matcher's closer looks (needle key -> [(words needed, tokens joined)]) as `pack_phrases` stored
    them, each key's entries made when it is first asked for: a segment's closer look asks for the few
    keys the screen found, and making the words' sets of all of an inflected rule's phrases costs
    more than the phrases' Docs once did."""

    __slots__ = ("_at", "_joins", "_needs", "_made")

    def __init__(self, keys: str, counts: str, joins: str, needs: str):
        self._at: dict[str, tuple[int, int]] = {}
        start = 0
        for key, count in zip(_split(keys), map(int, _split(counts)), strict=True):
            self._at[key] = (start, start + count)
            start += count
        self._joins, self._needs = _split(joins), _split(needs)
        if len(self._joins) != start or len(self._needs) != start:
            raise ValueError("packed phrases: the counts do not match the entries")
        self._made: dict[str, list[tuple[frozenset[str], str]]] = {}

    def __getitem__(self, key: str) -> list[tuple[frozenset[str], str]]:
        made = self._made.get(key)
        if made is None:
            start, end = self._at[key]
            made = self._made[key] = [(frozenset(n.split(" ")) if n else frozenset(), joined)
                                      for n, joined in zip(self._needs[start:end], self._joins[start:end], strict=True)]
        return made

    def __iter__(self):
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


def pack_needles(needles: tuple[tuple[str, str], ...]):
    """A Matcher's (needle, mode) pairs as two strings (a tuple: kept as it is, when one holds a
    separator or there are none)."""
    texts, modes = _joined([n for n, _ in needles]), _joined([m for _, m in needles])
    return needles if texts is None or modes is None else [texts, modes]


def unpack_needles(packed) -> tuple[tuple[str, str], ...]:
    texts, modes = packed
    return tuple(zip(_split(texts), _split(modes), strict=True))


def phrase_keys(vocab, sequences, lower: bool) -> list[tuple[int, ...]]:
    """The PhraseMatcher keys of phrases' tokens (`sequences`: (tokens, as written)): what it reads of a
    Doc made of the tokens (`Doc(vocab, words=tokens)`), each token's ORTH id, or with `lower` its
    LOWER id, worked out without making the Docs (and their lexemes): tens of thousands of Docs for one
    inflected English rule cost a third of a second the first time a segment may match it. The same ids
    as the Docs' (the lexeme's LOWER is the language's getter of it, `str.lower`; a string among spaCy's
    symbols has the symbol's id): a test in `tests/test_matcher.py` compares them."""
    from spacy.attrs import LOWER
    from spacy.strings import get_string_id

    fold = ((vocab.lex_attr_getters or {}).get(LOWER) or str.lower) if lower else None
    # (each distinct token worked out once: a lexicon's phrases repeat a few thousand words)
    words = {t for tokens, _ in sequences for t in tokens}
    ids = {t: get_string_id(fold(t)) for t in words} if fold else {t: get_string_id(t) for t in words}
    key = ids.__getitem__
    return [tuple(map(key, tokens)) for tokens, _ in sequences]


class PhraseSet:
    """The phrases of many Matchers in one language, matched together by two PhraseMatchers (case
    folded, and exact). An owner's phrases go into a PhraseMatcher only when a segment may match them
    (the screen found a needle): an inflected English rule expands to tens of thousands of phrases,
    and most runs need a few owners' phrases. The PhraseMatchers themselves (and so spaCy, which a
    run imports only for a segment that needs its tokens) are made for the first segment matched."""

    def __init__(self, lang: str):
        self.lang = lang
        self._matchers: dict | None = None  # (made by `_phrase_matchers`)
        self._used = {"lower": False, "exact": False}
        self._pending: dict[str, list[tuple[str, Matcher]]] = {}  # owner -> (which, its Matcher)

    def _phrase_matchers(self) -> dict:
        if self._matchers is None:
            self._matchers = self._new_matchers(self.lang)
        return self._matchers

    @staticmethod
    def _new_matchers(lang: str) -> dict:
        from spacy.matcher import PhraseMatcher

        from .. import nlp

        vocab = nlp.pipeline(lang).vocab
        return {"lower": PhraseMatcher(vocab, attr="LOWER"), "exact": PhraseMatcher(vocab, attr="ORTH")}

    # (pickled for the compiled-pack cache before any phrase went into a PhraseMatcher, without
    # spaCy's objects; its phrases are those of the Matchers it names, stored once with them)
    def __getstate__(self):
        if self._matchers is not None and any(len(m) for m in self._matchers.values()):
            raise TypeError("a PhraseSet is stored before it is used")
        return {k: v for k, v in self.__dict__.items() if k != "_matchers"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._matchers = None

    def add(self, owner: str, matcher: Matcher) -> None:
        """The phrases of `matcher` (its `sequences`), matched for `owner`."""
        which = "exact" if matcher.mode == "exact" else "lower"
        self._pending.setdefault(owner, []).append((which, matcher))
        self._used[which] = True

    def matches(self, doc: Doc, owners) -> list[tuple[str, int, int]]:
        """(owner, start token, end token) of the phrases of `owners` in `doc`, in text order."""
        matchers = self._phrase_matchers()
        pending = [o for o in owners if o in self._pending]
        if pending:
            vocab = doc.vocab
            for owner in sorted(pending):
                entries = self._pending.pop(owner)
                for which, matcher in entries:
                    matchers[which].add(owner, phrase_keys(vocab, matcher.sequences, which == "lower"))
        strings = doc.vocab.strings
        out = [(strings[m], s, e) for which, matcher in matchers.items() if self._used[which]
               for m, s, e in matcher(doc)]
        wanted = set(owners)
        out = [m for m in out if m[0] in wanted]
        out.sort(key=lambda m: (m[1], m[2], m[0]))  # (the same whichever owners went in first)
        return out


# --- the Matcher ------------------------------------------------------------------------------------

class Matcher:
    """One owner's compiled spec in one language: its needles, its closer look (`might_match`), and
    what it runs."""

    __slots__ = ("owner", "_sequences", "mode", "_patterns", "regex_source", "_regex", "group", "prefilter",
                 "_needles", "always", "words", "_phrases_at", "requirements", "regex_needs", "runs", "lang",
                 "pattern_specs", "branches", "has_phrases", "has_longer", "need_words", "_packed", "folded",
                 "relaxed")

    # Pickled for the compiled-pack cache without its spaCy Matcher, which is made again from the token
    # patterns when it is loaded, and with its phrases packed: an English pack expands to tens of
    # thousands of inflected phrases, and unpickling them as Python objects cost about half a spaCy
    # import on every run; a run unpacks only the owners the screen lets a segment through for.
    def __getstate__(self):
        state = {name: getattr(self, name) for name in self.__slots__
                 if name not in ("_patterns", "_sequences", "_phrases_at", "_packed")}
        state["_needles"] = pack_needles(self._needles) if isinstance(self._needles, tuple) else self._needles
        state["_packed"] = (self._packed if self._packed is not None
                            else pack_phrases(self._sequences, self._phrases_at))
        # (and how long a text each of its regexes may search untimed: Python's parse of a pattern
        # costs more than most runs of it)
        regexes = [self._regex, *(rx for rx, _, _ in self.branches or ()),
                   self.prefilter.pattern if self.prefilter is not None else None]
        state["untimed"] = [(rx.pattern, rx.flags, untimed_length(rx)) for rx in regexes if rx is not None]
        return state

    def __setstate__(self, state):
        for pattern, flags, length in state.pop("untimed", ()):
            _UNTIMED.setdefault((pattern, flags), length)
        for name, value in state.items():
            setattr(self, name, value)
        self._sequences = self._phrases_at = self._patterns = None

    @property
    def needles(self) -> tuple[tuple[str, str], ...]:
        """(needle, mode) of each string the screen keys it on (read when the screen is built)."""
        if not isinstance(self._needles, tuple):
            self._needles = unpack_needles(self._needles)
        return self._needles

    @property
    def regex(self):
        """Its regular expression compiled (None without one). A pattern run as its alternatives
        (`branches`) is compiled whole only when a search needs it whole (an alternative's empty
        match): a lexicon's pattern takes a tenth of a second to compile."""
        if self._regex is None and self.regex_source is not None:
            self._regex = _compiled(self.regex_source)
        return self._regex

    @property
    def patterns(self):
        """The spaCy token Matcher of its patterns (None without patterns), made on first use."""
        if self._patterns is None and self.pattern_specs:
            self._patterns = self._token_matcher()
        return self._patterns

    @property
    def sequences(self) -> list[tuple[tuple[str, ...], str]]:
        """(tokens, phrase as written) of each phrase its terms expand to."""
        if self._sequences is None:
            self._sequences = unpack_sequences(self._packed)
        return self._sequences

    @property
    def phrases_at(self) -> Mapping[str, list[tuple[frozenset[str], str]]]:
        """needle key -> [(words the text must have, the tokens joined)] of its phrases of more than
        one token (`might_match`)."""
        if self._phrases_at is None:
            self._phrases_at = unpack_phrases_at(self._packed)
        return self._phrases_at

    def _token_matcher(self, validate: bool = False):
        from spacy.matcher import Matcher as TokenMatcher

        from .. import nlp

        matcher = TokenMatcher(nlp.pipeline(self.lang).vocab, validate=validate)
        try:
            matcher.add(self.owner, timed_patterns(self.pattern_specs))
        except Exception as exc:  # spaCy's MatchPatternError (a ValueError) and others, with details
            first = str(exc).strip().splitlines()
            raise ValueError(f"field 'patterns': invalid token pattern: {first[-1] if first else exc}") from None
        return matcher

    def __init__(self, owner: str, spec: MatchSpec, lang: str, validate: bool = False):
        self.owner = owner
        self.mode = spec.mode
        self._sequences = phrase_sequences(lang, spec.terms, spec.mode) if spec.terms else []
        self.has_phrases = bool(self._sequences)
        self._packed = None
        self._patterns = None
        self.lang = lang
        self.pattern_specs = spec.patterns
        # a case-insensitive regex that runs on the lower-cased text without the flag (`folded_source`);
        # validating compiles it so too (and as its alternatives, below): the run then finds it compiled
        source = folded_source(spec.regex) if spec.regex else None
        self.folded = source is not None
        source = source or spec.regex
        self.regex_source = source or None
        self._regex = None
        self.group = spec.group
        self.prefilter = Prefilter(spec.prefilter) if spec.prefilter and spec.regex else None
        needles: list[tuple[str, str]] = []
        always = False
        # phrases of more than one token, looked at closer where the screen found their needle:
        # needle key -> [(words the text must have, the tokens joined)]
        self._phrases_at: dict[str, list[tuple[frozenset[str], str]]] = {}
        # per pattern, its literal sets: (whole words, substrings), a member of each in a text it matches
        self.requirements: list[tuple[tuple[frozenset[str], tuple[str, ...]], ...]] = []
        self.regex_needs = Needs()  # the regex's literal sets (substrings)
        self.runs: tuple = ()  # `required_run`s of the regex and its prefilter
        self.branches = None  # a top-level alternation's alternatives, run apart (`alternatives_finditer`)
        self.relaxed = None  # its form for RE2, a search of which comes first (`relaxed.relax`)
        single = set()  # one-token phrases: a word (the screen checks its edges) or a fragment
        for words, written in self.sequences:
            joined = squeeze("".join(words).lower())
            if not joined:
                always = True
            elif len(words) == 1 and WORD.fullmatch(joined):
                needles.append((joined, WORD_MODE))
                single.add(joined)
            else:  # several tokens, or one that is not a plain word ("#gift", "n't", 最好)
                needles.append((joined, COMPACT))
                need = whole_words(written.lower())
                self._phrases_at.setdefault(needle_key(joined, COMPACT)[0], []).append((need, joined))
        if spec.patterns:
            self._patterns = self._token_matcher(validate)
            for pattern in spec.patterns:
                self.requirements.append(tuple(_split_members(sets) for sets in pattern_requirements(pattern)))
                found = pattern_needles(pattern)
                if found is None:
                    raise ValueError(
                        "field 'patterns': every pattern needs a literal token (a LOWER/ORTH/TEXT value, "
                        "an IN list or a REGEX with a literal) that is not optional")
                mode, strings = found
                needles.extend((s, mode) for s in strings)
        fold = str.lower if self.folded else str
        split = _branches(source, spec.examples, fold) if spec.regex and self.group == 0 else None
        if split is not None:  # (run as its alternatives: the whole is compiled when a search needs it)
            branches, matching = split
        elif spec.regex:
            branches, self._regex = None, compile_regex(source)
            matching = [spaced(text) for t in spec.examples
                        if _example_matches(self._regex, fold(text := normalize(t).text))]
        if spec.regex and not validate:  # (what to look for first: nothing to validate)
            # (all of them, the most telling first, but those a flag example lacks (`_held_by`): the
            # closer look checks them once the screen found a needle, and before a regex the screen
            # cannot key on runs; a substring test costs less than any search, even for a set as
            # common as "from")
            self.regex_needs = Needs(_held_by(required_literal_sets(source), matching))
            self.branches = branches
            self.relaxed = relaxed.relax(source)
            # runs of characters the regex (and a written regex prefilter) need, checked before them
            runs = [required_run(source)]
            if self.prefilter is not None and self.prefilter.pattern is not None:
                runs.append(required_run(self.prefilter.pattern.pattern))
            # (only for a pattern that is always timed: a bounded one runs as fast as its run would)
            self.runs = tuple(r for r, run_of in zip(runs, [source, spec.prefilter and self.prefilter.pattern
                                                            and self.prefilter.pattern.pattern], strict=False)
                              if r is not None and not _untimed_length(run_of)
                              and all(r.search(low) for low in matching))
            if self.prefilter is not None:
                literals = self.prefilter.needles
            else:
                literals = required_literals(source)
                held = set(self.regex_needs)
                if literals and frozenset(literals) not in [_screen_form(o) for o in _literal_sets(source)
                                                            if LiteralSet(frozenset(map(_member, o))) in held]:
                    literals = None
            if literals and all(lit.strip(" ") for lit in literals):
                needles.extend((lit, LITERAL) for lit in literals)
            else:
                always = True  # (a literal of spaces only: the screen reads the text without them)
        self._needles = tuple(dict.fromkeys(needles))
        self.always = always
        self.words = frozenset(single)
        self.has_longer = bool(self._phrases_at)
        # the words its longer phrases need (the evasion readings' vocabulary), kept unpacked
        self.need_words = frozenset(w for needs in self._phrases_at.values() for need, _ in needs for w in need)

    def might_match(self, ctx: MatchContext, found: set[str]) -> bool:
        """The closer look once the screen found one of its needles (`found`: the keys of the word
        and phrase needles it found in the segment): a one-token phrase is found by the screen
        itself; a longer one needs all its words, whole, and its tokens joined; a token pattern
        needs a member of each of its literal sets, and so does a regex. Never False where it would
        match."""
        if self.always or not self.words.isdisjoint(found):
            return True
        if self.regex_source is not None and self.regex_needs.hold(ctx):
            return True
        if self.has_longer:
            compact = ctx.compact
            for key in found:
                for need, joined in self.phrases_at.get(key, ()):
                    if joined in compact and ctx.has_words(need):
                        return True
        if self.requirements:
            lower = ctx.lower
            held: dict = {}  # (patterns of one rule mostly share a set: "lose|lost|shed ..." in each)
            for sets in self.requirements:
                for need in sets:
                    ok = held.get(need)
                    if ok is None:
                        whole, parts = need
                        ok = held[need] = any(m in lower for m in parts) or bool(whole and ctx.has_any_word(whole))
                    if not ok:
                        break
                else:
                    return True
        return False


def _set_strength(members: LiteralSet) -> int:
    """How telling a literal set is: its weakest member's `_strength`."""
    return min(map(_strength, members.members))


def telling(members: LiteralSet) -> bool:
    """Whether every member of a literal set is telling as a screen needle (`_strength`), not a
    common word such as "the" (which a set may hold: looking for it costs less than a search)."""
    return _set_strength(members) >= 1


class LiteralSet:
    """Strings one of which a text must hold (substrings of `MatchContext.spaced`; a member marked
    with a leading `_EDGE` only where a word starts: "uti" of `\\b(?:uti|...)` is no requirement
    met by "routine"): a few are looked for one at a time, a lexicon's hundreds with one
    Aho-Corasick pass (made on first use, not pickled)."""

    __slots__ = ("members", "edged", "spaced", "_automaton")
    SMALL = 12

    def __init__(self, members):
        plain = {m for m in members if not m.startswith(_EDGE)}
        self.edged = frozenset(m[1:] for m in members if m.startswith(_EDGE)) - plain  # (where a word starts)
        self.members = tuple(sorted(plain | self.edged))
        self.spaced = any(" " in m for m in self.members)  # (looked for in `MatchContext.spaced`)
        self._automaton = None

    def cost(self) -> float:
        """What looking for the set costs, roughly, in units of one substring test: a few members are
        looked for one at a time (and then, where some must start a word, with one search), more with
        an Aho-Corasick pass; a set with words first makes the text's `spaced` form."""
        small = len(self.members) <= self.SMALL
        return ((len(self.members) + (6 if self.edged else 0)) if small else 24) + (2 if self.spaced else 0)

    def __getstate__(self):
        return (self.members, self.edged) if self.edged else self.members

    def __setstate__(self, state):
        paired = len(state) == 2 and isinstance(state[1], frozenset)
        self.members, self.edged = state if paired else (state, frozenset())
        self.spaced = any(" " in m for m in self.members)
        self._automaton = None

    def __eq__(self, other):
        return isinstance(other, LiteralSet) and (self.members, self.edged) == (other.members, other.edged)

    def __hash__(self):
        return hash(self.members)

    def found_in(self, text: str) -> bool:
        edged = self.edged
        if len(self.members) <= self.SMALL:
            for lit in self.members:  # (a loop: no generator made per call, as any() would need)
                if lit in text:
                    break
            else:
                return False
            if edged:  # (then one search where words start: "ft" is in many words before it starts one)
                automaton = self._automaton
                if automaton is None:
                    automaton = self._automaton = regex.compile(
                        "|".join(("(?<!\\w)" if m in edged else "") + regex.escape(m) for m in self.members))
                return automaton.search(text) is not None
            return True
        automaton = self._automaton
        if automaton is None:
            import ahocorasick

            automaton = self._automaton = ahocorasick.Automaton()
            for lit in self.members:
                automaton.add_word(lit, len(lit) if lit in edged else 0)
            automaton.make_automaton()
        for end, length in automaton.iter(text):
            if not length or end < length or not _WORD_CHAR.match(text, end - length):
                return True
        return False


class Needs:
    """Literal sets a text must all hold (`LiteralSet`s: a regex's or an alternative's), looked for in
    the order that turns texts away soonest for what looking costs. Which set turns a text away is
    counted as texts are checked, and every `REORDER` checks the sets are put in order of their cost
    over the share of the texts that reached them that they turned away (the order that costs least
    when the sets are independent). How often a set is missing is not known when the packs are
    compiled ("app" is a word of few captions and a part of many: "happy"); the order changes what a
    check costs, never its answer."""

    __slots__ = ("sets", "_reached", "_turned", "_looks")
    REORDER = 128

    def __init__(self, sets=()):
        self.sets: tuple[LiteralSet, ...] = tuple(sets)
        self._reached = [0] * len(self.sets)
        self._turned = [0] * len(self.sets)
        self._looks = 0

    def hold(self, texts) -> bool:
        """Whether `texts` (a MatchContext, or `_Texts`: its `lower` and `spaced` forms) holds a member
        of every set."""
        sets = self.sets
        if not sets:
            return True
        self._looks += 1
        if self._looks >= self.REORDER:
            self._reorder()
            sets = self.sets
        reached = self._reached
        for i, members in enumerate(sets):
            reached[i] += 1
            if not members.found_in(texts.spaced if members.spaced else texts.lower):
                self._turned[i] += 1
                return False
        return True

    def _reorder(self) -> None:
        """The sets by cost over the share they turned away (counts halved: recent texts weigh more)."""
        order = sorted(range(len(self.sets)), key=lambda i: (
            self.sets[i].cost() * (self._reached[i] + 1) / (self._turned[i] + 0.5), i))
        self.sets = tuple(self.sets[i] for i in order)
        self._reached = [self._reached[i] // 2 for i in order]
        self._turned = [self._turned[i] // 2 for i in order]
        self._looks = 0

    def __iter__(self):
        return iter(self.sets)

    def __len__(self) -> int:
        return len(self.sets)

    def __contains__(self, members) -> bool:
        return members in self.sets

    def __eq__(self, other):
        return isinstance(other, Needs) and set(self.sets) == set(other.sets)

    def __hash__(self):
        return hash(frozenset(self.sets))

    def __getstate__(self):
        return self.sets

    def __setstate__(self, state):
        self.__init__(state)


class _Texts:
    """A text's lower-cased form and, on first use, its `spaced` form (`MatchContext`'s, without one)."""

    __slots__ = ("lower", "_spaced")

    def __init__(self, lower: str):
        self.lower, self._spaced = lower, None

    @property
    def spaced(self) -> str:
        if self._spaced is None:
            self._spaced = collapse_white(self.lower)
        return self._spaced


def _branches(source: str, examples, fold=str):
    """A regex that is one alternation, as its alternatives compiled apart, each with the literal sets
    (substrings of the lower-cased text) it needs: `alternatives_finditer` runs only those whose sets
    a text holds. An alternative `before(?:a|b|...)after` whose own alternatives each need a set more
    (a treatment verb, a condition) carries them too, each with its own sets: where a text holds
    the sets of the whole and not all of theirs, only those are run. A set that a flag example
    matched by the alternative lacks is dropped. With them, the flag examples (`spaced`) the whole
    pattern matches: those one of its alternatives matches (a search finds an alternation where it
    finds one of its alternatives). None for a pattern that is not split (`top_alternatives`).
    (`source`: the pattern; `examples`: its flag examples; `fold`: what the text is matched as.)"""
    split = top_alternatives(source)
    if split is None:
        flags = _FLAGS_AHEAD.match(source).group()
        if "x" in flags or _BACKREF.search(source) or _distributed(source[len(flags):]) is None:
            return None
        split = flags, [source[len(flags):]]
    flags, parts = split
    examples = [fold(normalize(t).text) for t in examples]
    matched = [False] * len(examples)
    out = []
    for part in parts:
        try:
            rx, sets, hit = _alternative(flags + part, examples)
        except ValueError:
            return None
        matched = [a or b for a, b in zip(matched, hit, strict=True)]
        cases = [spaced(text) for text, h in zip(examples, hit, strict=True) if h]
        out.append((rx, sets, _own_alternatives(flags, part, sets, cases)))
    if len(out) == 1 and not out[0][2]:
        return None
    return tuple(out), [spaced(text) for text, m in zip(examples, matched, strict=True) if m]


def _alternative(source: str, examples: list[str]):
    """An alternative compiled, its literal sets (the most telling first; those a flag example it
    matches lacks dropped) and which of the examples it matches."""
    rx = compile_regex(source)
    hits = [_example_matches(rx, text) for text in examples]
    hit = [spaced(text) for text, h in zip(examples, hits, strict=True) if h]
    return rx, Needs(_held_by(required_literal_sets(source), hit)), hits


def _held_by(sets: list[frozenset[str]], texts: list[str]) -> tuple[LiteralSet, ...]:
    """The literal sets that each of `texts` (`spaced` flag examples) holds, as LiteralSets, the most
    telling first (a set an example lacks is one Python's parser read otherwise than the regex module
    does)."""
    out = []
    for members in sorted(map(LiteralSet, sets), key=lambda o: -_set_strength(o)):
        if all(members.found_in(low) for low in texts):
            out.append(members)
    return tuple(out)


def _own_alternatives(flags: str, part: str, sets: list, cases: list[str]) -> tuple:
    """The alternatives an alternative is run as (`_distributed`), each (its source, the literal sets
    it needs beyond the whole's, read from the alternative alone: what stands around it is the
    whole's to need, `group_literal_sets`); () unless each of them needs one as telling as a screen needle (`_strength`):
    else they would run where the whole runs, one search each. `cases`: the flag examples the whole
    matches (`spaced`), each of which must hold the sets of one of them. Nothing is compiled here (a
    lexicon's pattern takes a tenth of a second): an alternative is compiled when a text first needs
    it alone (`_run_alone`)."""
    shape = _distributed(part)
    if shape is None:
        return ()
    before, alternatives, after = shape
    found = group_literal_sets(flags + part, len(alternatives))
    if found is None:
        return ()
    out = []
    for alternative, requirements in zip(alternatives, found, strict=True):
        own = [o for o in _held_by(requirements, []) if o not in sets]
        if not own or not telling(own[0]):
            return ()
        out.append((f"{flags}{before}(?:{alternative}){after}", Needs(own)))
    if not all(any(all(o.found_in(case) for o in needs) for _, needs in out) for case in cases):
        return ()  # (Python's parser read an alternative otherwise than the regex module does)
    return tuple(out)


def _run_alone(source: str, whole):
    """An alternative of `whole` (`_own_alternatives`) compiled, searching untimed as far as the whole
    does (it backtracks no more than the whole); the whole when it does not compile alone."""
    try:
        rx = _compiled(source)
    except regex.error:
        return whole
    _UNTIMED.setdefault((rx.pattern, rx.flags), untimed_length(whole))
    return rx


def _split_members(literal_set: tuple[str, tuple[str, ...]]) -> tuple[frozenset[str], tuple[str, ...]]:
    """A pattern's literal set as (members found as whole words, members found as substrings):
    `MatchContext.has`, decided once."""
    mode, members = literal_set
    whole = frozenset(m for m in members if mode == WORD_MODE and WORD.fullmatch(m))
    return whole, tuple(m for m in members if m not in whole)


@dataclass(slots=True)
class Span:
    owner: str
    start: int  # character offsets into the normalized segment text
    end: int
    tok_start: int | None = None
    tok_end: int | None = None


class MatcherSet:
    """Every Matcher of one language: one screen over their needles, one run."""

    def __init__(self, lang: str):
        self.lang = lang
        self.matchers: dict[str, Matcher] = {}
        self.keys: dict[str, str] = {}  # owner -> `spec_key` of what its Matcher was compiled from
        self.phrases = PhraseSet(lang)
        self.screen = Screen()
        self.always: frozenset[str] = frozenset()
        self._always_of: dict[frozenset, frozenset] = {}
        self._unscreened: set[str] = set()
        self._pending: list[tuple[str, MatchSpec]] = []

    def add(self, owner: str, spec: MatchSpec, screened: bool = True) -> bool:
        """File `spec` for `owner`, compiled by `build`; False when it looks for nothing. An owner that
        is not `screened` (an `unless` context, negation cues: looked for only where a hit asks, with
        `find`) files no needle in the screen, whose every needle found costs a step of its scan."""
        if not spec:
            return False
        self._pending.append((owner, spec))
        if not screened:
            self._unscreened.add(owner)
        return True

    def build(self, processes: int = 1, reuse: Iterable[MatcherSet] = ()) -> MatcherSet:
        """Compile what was added (in up to `processes` processes: `compile_matchers`) and file the
        needles in the screen. A Matcher of a set in `reuse` (the same language's sets, compiled by
        the same code from other packs: a pack was edited) compiled from the same owner and spec is
        taken as it is: an edit compiles the rules it changed. The sets are read in order while some
        spec is in none of those read (each may be loaded from the cache folder when asked for)."""
        pending, self._pending = self._pending, []
        keys = [spec_key(owner, spec) for owner, spec in pending]
        pool: dict = {}
        wanted = set(keys)
        for before in reuse if wanted else ():
            if before.lang == self.lang:  # (the same code wrote it: it has `keys`)
                for owner, key in before.keys.items():
                    if key in wanted and key not in pool:
                        pool[key] = before.matchers[owner]
            if wanted <= pool.keys():
                break
        todo = [item for item, key in zip(pending, keys, strict=True) if key not in pool]
        fresh = iter(compile_matchers(self.lang, todo, processes))
        for (owner, _spec), key in zip(pending, keys, strict=True):
            matcher = pool[key] if key in pool else next(fresh)
            self.matchers[owner] = matcher
            self.keys[owner] = key
            if matcher.has_phrases:
                self.phrases.add(owner, matcher)
        always = set()
        for owner, matcher in self.matchers.items():
            if owner in self._unscreened:
                always.add(owner)  # (let through whenever it is asked about)
                continue
            filed = [self.screen.add(owner, needle, mode) for needle, mode in matcher.needles]
            if matcher.always or not all(filed):
                always.add(owner)
        self.always = frozenset(always)
        self.screen.build()
        return self

    def live(self, ctx: MatchContext, wanted: frozenset) -> set[str]:
        """The owners in `wanted` that may match the segment: their needles are in it (or they have
        none). Scanned once per context."""
        if ctx.live is None:
            always = self._always_of.get(wanted)
            if always is None:
                if len(self._always_of) > 256:
                    self._always_of.clear()
                always = self._always_of[wanted] = self.always & wanted
            found: set[str] = set()
            matchers = self.matchers
            ctx.live = {o for o in self.screen.scan(ctx.lower, wanted, ctx.compact, found)
                        if matchers[o].might_match(ctx, found)} | always
            ctx.found = found
        return ctx.live

    def find(self, ctx: MatchContext, owners) -> list[Span]:
        """What the Matchers of `owners` (live ones: see `live`) find in the segment, in text order.
        An owner whose regex runs out of time finds nothing here and is named in `ctx.problems`."""
        spans: list[Span] = []
        if not owners:
            return spans
        matchers = self.matchers
        chosen = sorted(o for o in owners if o in matchers)
        if any(matchers[o].has_phrases for o in chosen):
            lines = self._lines_to_read(ctx, chosen) if ctx._doc is None else None
            if lines is None:
                doc = ctx.doc
                for owner, s, e in self.phrases.matches(doc, chosen):
                    span = doc[s:e]
                    spans.append(Span(owner, span.start_char, span.end_char, s, e))
            else:
                from .. import nlp

                for at, line in lines:  # (the tokens of a line are the text's there: see `_lines_to_read`)
                    doc = nlp.make_doc(self.lang, line)
                    for owner, s, e in self.phrases.matches(doc, chosen):
                        span = doc[s:e]
                        spans.append(Span(owner, at + span.start_char, at + span.end_char))
        for owner in chosen:
            m = matchers[owner]
            if m.patterns is not None:
                doc = ctx.doc
                del _TIMED_OUT[:]
                found = m.patterns(doc)
                if _TIMED_OUT:
                    ctx.timed_out(owner, _TIMED_OUT[0])
                    continue
                for _, s, e in found:
                    span = doc[s:e]
                    spans.append(Span(owner, span.start_char, span.end_char, s, e))
            if m.regex_source is not None:
                if m.always and not m.regex_needs.hold(ctx):
                    continue  # (what the closer look checks of a screened owner: see `might_match`)
                if m.runs and not all(r.search(ctx.lower) for r in m.runs):
                    continue
                if m.relaxed is not None and not relaxed.may_match(m.relaxed, ctx.utf8(m.folded)):
                    continue  # (RE2's search of a form that matches wherever the pattern does found nothing)
                try:
                    if m.prefilter is not None and not m.prefilter.passes(ctx.lower):
                        continue
                    spans.extend(Span(owner, s, e) for s, e in self._regex_spans(ctx, m))
                except RegexTimeout as exc:
                    ctx.timed_out(owner, str(exc))
        spans.sort(key=lambda sp: (sp.start, sp.end, sp.owner))
        return spans

    LINES_UP_TO = 0.5  # lines read apart when they hold at most this share of the text
    KEYS_UP_TO = 64  # an owner the screen did not look for is keyed on all its needles up to this many

    def _lines_to_read(self, ctx: MatchContext, owners) -> list[tuple[int, str]] | None:
        """(offset, line) of the lines of a segment that may hold a phrase of `owners`, when they are
        a small part of it: their phrases are matched in each line's own tokens, and the segment is
        not tokenized (a long description with a link in bio on one of its thirty lines). A line's
        tokens are the segment's there: spaCy's rule-based tokenizer splits at white space before
        anything else, and a line break is a token of its own, which no phrase holds, so no match
        crosses one. A line may hold a match only where it holds a key of one (the screen's needles:
        `found` for owners it looked for, all of them for the others). None where the segment is to
        be tokenized whole: one line, a language with a word segmenter, lines that are most of it."""
        text = ctx.text
        if "\n" not in text or not _reads_by_line(self.lang):
            return None
        matchers = self.matchers
        keys: set[str] = set()
        for owner in owners:
            m = matchers[owner]
            if not m.has_phrases:
                continue
            if m.always:
                return None  # (a phrase with no needle)
            keyed = m.phrases_at  # (the keys of its phrases of more than one token; `words`: of one)
            if ctx.found is not None and ctx.live is not None and owner in ctx.live and owner not in self.always:
                keys.update(k for k in ctx.found if k in m.words or k in keyed)
            elif len(m.words) + len(keyed) <= self.KEYS_UP_TO:
                keys.update(m.words)
                keys.update(keyed)
            else:
                return None
        out, at, most = [], 0, len(text) * self.LINES_UP_TO
        for line in text.split("\n"):
            if line:
                held = squeeze(line.lower())
                if any(key in held for key in keys):
                    out.append((at, line))
                    most -= len(line)
                    if most < 0:
                        return None
            at += len(line) + 1
        return out

    @staticmethod
    def _regex_spans(ctx: MatchContext, m: Matcher) -> list[tuple[int, int]]:
        # a segment checked in several languages holds one text: a regex runs on it once
        shared = ctx.shared
        key = ("regex", m.regex_source, m.group, m.folded)
        spans = shared.get(key) if shared is not None else None
        if spans is None:
            text = ctx.folded if m.folded else ctx.text
            spans = alternatives_finditer(m.branches, text, ctx.lower, ctx) if m.branches else None
            if spans is None:
                spans = timed_finditer(m.regex, text, m.group)
            if shared is not None:
                shared[key] = spans
        return spans


_BY_LINE: dict[str, bool] = {}


def _reads_by_line(lang: str) -> bool:
    """Whether the language's tokenizer is spaCy's rule-based one, which splits at white space first
    (a word segmenter, for Chinese or Thai, reads a line in the context of the others)."""
    found = _BY_LINE.get(lang)
    if found is None:
        from spacy.tokenizer import Tokenizer

        from .. import nlp, segment

        found = _BY_LINE[lang] = (lang not in segment.WORD_LANGUAGES
                                  and type(nlp.pipeline(lang).tokenizer) is Tokenizer)
    return found


def validate(spec: MatchSpec, lang: str, where: str = "") -> None:
    """Compile `spec` once to find what is wrong with it: ValueError naming the field, under `where`
    (e.g. "unless.0" gives "field 'unless.0.regex': ...")."""
    try:
        _validate(spec, lang)
    except ValueError as exc:
        message = str(exc)
        if where and message.startswith("field '"):
            message = f"field '{where}." + message[len("field '"):]
        raise ValueError(message) from None


def _validate(spec: MatchSpec, lang: str) -> None:
    for template in spec.terms:
        try:
            phrases.expand(template)
        except phrases.TemplateError as exc:
            raise ValueError(f"field 'terms': {exc}") from None
    try:
        # (its regex compiled as a run compiles it, folded and as its alternatives: the compile of the
        # language that follows a pack's validation finds them compiled, `_compiled`)
        Matcher("check", MatchSpec(patterns=spec.patterns, regex=spec.regex, group=spec.group,
                                   prefilter=spec.prefilter, examples=spec.examples), lang, validate=True)
    except ValueError:
        if spec.regex:  # (what is wrong said of the pattern as written: a position is one in it)
            written = compile_regex(spec.regex)
            for text in spec.examples:
                _example_matches(written, text)
        raise
    if spec.regex and (spec.group or spec.prefilter):
        compiled = compile_regex(spec.regex)
        group = spec.group
        if group and ((isinstance(group, int) and group > compiled.groups)
                      or (isinstance(group, str) and group not in compiled.groupindex)):
            raise ValueError(f"field 'group': the regex has no group {group!r}")
        if spec.prefilter:
            pre = Prefilter(spec.prefilter)
            for text in spec.examples:
                if not _example_matches(compiled, text):
                    continue
                try:
                    passes = pre.passes(text.lower())
                except RegexTimeout:
                    raise ValueError(f"field 'prefilter': runs out of time ({TIMEOUT:g} s) on the example "
                                     f"{text[:60]!r}") from None
                if not passes:
                    raise ValueError(f"field 'prefilter': it would skip the flag example {text!r}")


def _example_matches(rx, text: str) -> bool:
    """Whether `rx` matches a flag example; a pattern too slow for its own example is a broken pack."""
    try:
        return timed_search(rx, text)
    except RegexTimeout:
        raise ValueError(f"field 'regex': runs out of time ({TIMEOUT:g} s) on the example {text[:60]!r}") from None


# --- compiling in several processes ------------------------------------------------------------------

#: a language with fewer Matchers than this compiles in its own process (starting others costs more)
PARALLEL_FROM = 64
_WORK: tuple[str, list] | None = None  # what the forked processes of `compile_matchers` compile


def compile_matchers(lang: str, items: list[tuple[str, MatchSpec]], processes: int = 1) -> list[Matcher]:
    """`Matcher(owner, spec, lang)` of each item, in order. With `processes` over 1 (at most one per
    core), on a system that forks (Linux), from a process that is not itself a worker nor runs threads
    (`_can_fork`), and for a language with many Matchers, they are compiled in forked processes and
    sent back as the compiled-pack cache stores them: the same Matchers, in about half the time on two
    cores. Anything going wrong there compiles them here (so a pack's error is raised as it would be,
    for its first owner)."""
    processes = min(processes, os.cpu_count() or 1)
    if processes > 1 and len(items) >= PARALLEL_FROM and _can_fork():
        try:
            return _in_processes(lang, items, processes)
        except Exception:  # noqa: BLE001 - compiled again here, which raises what is wrong
            pass
    return [Matcher(owner, spec, lang) for owner, spec in items]


def _can_fork() -> bool:
    """Linux, a process that is not a worker, and no other thread (a fork copies the locks other
    threads hold, and a process that forks from one can hang)."""
    import multiprocessing
    import sys
    import threading

    return (sys.platform.startswith("linux") and multiprocessing.parent_process() is None
            and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods())


def _in_processes(lang: str, items: list[tuple[str, MatchSpec]], processes: int) -> list[Matcher]:
    """(A process that dies, killed or out of memory, breaks the executor, which raises: the caller
    then compiles here. A `multiprocessing.Pool` would wait for its lost task for ever.)"""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _WORK
    if any(spec.terms or spec.patterns for _, spec in items):
        from .. import nlp

        nlp.pipeline(lang)  # (made once here and inherited, not once per process)
    # the largest first, so that no process is left with a long one at the end
    order = sorted(range(len(items)), key=lambda i: -_size(items[i][1]))
    _WORK = (lang, items)
    try:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork")) as pool:
            done = dict(pool.map(_compile_one, order))
    finally:
        _WORK = None
    return [pickle.loads(done[i]) for i in range(len(items))]


def _size(spec: MatchSpec) -> int:
    """About how much compiling `spec` takes (the characters it holds)."""
    return (sum(map(len, spec.terms or ())) + len(spec.regex or "") + len(repr(spec.patterns or ()))
            + len(spec.examples or ()))


def _compile_one(i: int) -> tuple[int, bytes]:
    lang, items = _WORK
    owner, spec = items[i]
    return i, pickle.dumps(Matcher(owner, spec, lang), protocol=pickle.HIGHEST_PROTOCOL)
