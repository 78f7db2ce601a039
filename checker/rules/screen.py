"""The first look at a segment: which rules' prefilter strings it holds at all, in one scan.

Most captions break no rule, and most rules of a market cannot match most captions. Before any kind
looks at a segment, `Screen.scan` finds, in one Aho-Corasick pass over the segment's lower-cased text
with its spaces removed, every *needle* of the language's rules, and answers with the owners (rule
ids, signal keys) whose needles are there. A kind then works only for its live owners (and for those
that cannot be screened); a segment with no live owner costs the scan and nothing else.

Needles come from each kind (`screen_needles()`), in three modes:

- `word`: a whole word as `matching.word_keys` finds it (a one-word phrase, a pattern's literal word):
  verified in the lower-cased text with the same word boundaries, so "ad" is not found in "made";
- `literal`: a string the lower-cased text must contain (a regex prefilter): verified with `in`;
- `compact`: a phrase's tokens joined without spaces (their first 12 characters), or a Chinese/Thai
  key: accepted as found, the kind's own prefilter looks closer.

Removing spaces keeps every substring relation the kinds rely on: a single space is all spaCy lets
stand between the tokens of a match (other whitespace is a token of its own), so a phrase's tokens,
joined, are a substring of the text without spaces; and a literal in the text is, without its spaces,
in the text without spaces. A needle that is not found means its owner cannot match: the screen may
let a segment through for nothing, never hide a match (`tests/test_prefilters.py` checks it against
the matchers). Owners a kind cannot screen (a regex without literals, a phrase with no word to key
on) are left to the kind, which runs them always.
"""

from __future__ import annotations

import ahocorasick
import regex

from .matching import WORD, word_pattern

WORD_MODE, LITERAL, COMPACT = "word", "literal", "compact"
COMPACT_CHARS = 12  # a phrase needle is its joined tokens' first 12 characters


def squeeze(text: str) -> str:
    """The text without spaces (what the screen scans, `MatchContext.compact`; how needles are written)."""
    return text.replace(" ", "")


class _Needle:
    """What one needle stands for: per mode, the owners it keys, and how to verify it."""

    __slots__ = ("text", "word", "literal", "compact")

    def __init__(self, text: str):
        self.text = text
        self.word: set[str] = set()
        self.literal: dict[str, set[str]] = {}  # the literal as written (spaces kept) -> owners
        self.compact: set[str] = set()

    def freeze(self, intern) -> tuple:
        """The automaton's value for this needle; `intern` shares equal owner sets between needles
        (most needles belong to one rule: tens of thousands of them, one frozenset per rule)."""
        word = intern(frozenset(self.word))
        rx = regex.compile(word_pattern(self.text), regex.V1) if word else None
        literal = tuple((lit, intern(frozenset(o))) for lit, o in sorted(self.literal.items()))
        owners = intern(frozenset(self.word | self.compact).union(*(o for _, o in literal)))
        return (self.text, owners, word, rx, literal, intern(frozenset(self.compact)))


def needle_key(needle: str, mode: str) -> tuple[str, str]:
    """The key a needle is filed under, and how it is verified: a `word` that is not a run of letters
    or digits (a Chinese or Thai key, a fragment) is found as a substring like a `compact` one, whose
    key is its first COMPACT_CHARS characters (the start of a long phrase is as telling as all of it,
    and keeps the automaton small)."""
    text = squeeze(needle.lower()) if mode != LITERAL else squeeze(needle)
    if mode == WORD_MODE and not WORD.fullmatch(text):
        mode = COMPACT
    if mode == COMPACT:
        text = text[:COMPACT_CHARS]
    return text, mode


class Screen:
    """Needles of every rule of one language, scanned for together. Build once (`add`, then `build`)."""

    SHARE = 4  # a set of owners with fewer than 1/SHARE of the needles gets an automaton of its own...
    AFTER = 32  # ...once it has been scanned for this many times (one caption checked makes none)

    def __init__(self):
        self._needles: dict[str, _Needle] = {}
        self.automaton = None
        self._wanted: dict[tuple[frozenset, frozenset], frozenset] = {}
        self._of: dict[frozenset, object] = {}
        self._uses: dict[frozenset, int] = {}
        self._by_owner: dict[str, list] | None = None  # owner -> its needles (text, value), once needed

    def __getstate__(self):
        state = dict(self.__dict__)
        # (made again in use: not stored in the compiled-pack cache)
        state["_of"], state["_uses"], state["_by_owner"] = {}, {}, None
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._of, self._uses, self._by_owner = {}, {}, None

    def _automaton_of(self, wanted: frozenset):
        """The automaton to scan for the owners in `wanted`: one of their needles only when they have
        few of them (a post that declares nothing is first asked only about its rules for any post,
        and its signals, whose needles are a tenth of the language's), else the whole one. Made once
        a set of owners has been asked about `AFTER` times, and kept."""
        uses = self._uses.get(wanted, 0) + 1
        if uses < self.AFTER:
            if len(self._uses) > 256:
                self._uses.clear()
            self._uses[wanted] = uses
            return self.automaton
        if len(self._of) > 64:
            self._of.clear()
        if self._by_owner is None:  # (read from the automaton once: walking it costs tens of milliseconds)
            self._by_owner = {}
            for text, value in self.automaton.items():
                for owner in value[1]:
                    self._by_owner.setdefault(owner, []).append((text, value))
        entries = dict(entry for owner in wanted for entry in self._by_owner.get(owner, ()))
        if len(entries) * self.SHARE >= len(self.automaton):
            found = self.automaton
        else:
            found = ahocorasick.Automaton()
            for text, value in entries.items():
                found.add_word(text, value)
            if entries:
                found.make_automaton()
        self._of[wanted] = found
        return found

    def add(self, owner: str, needle: str, mode: str) -> str | None:
        """File `needle` for `owner`: the key it is filed under (what `scan` reports in `found`), or
        None when it cannot be a needle (nothing left once squeezed)."""
        text, mode = needle_key(needle, mode)
        if not text:
            return None
        entry = self._needles.get(text)
        if entry is None:
            entry = self._needles[text] = _Needle(text)
        if mode == WORD_MODE:
            entry.word.add(owner)
        elif mode == LITERAL:
            entry.literal.setdefault(needle, set()).add(owner)
        else:
            entry.compact.add(owner)
        return text

    def build(self) -> Screen:
        """Make the automaton of the needles added so far (once: the needles are handed over to it)."""
        needles, self._needles = self._needles, {}
        self.automaton = None
        self._of, self._uses, self._by_owner = {}, {}, None
        if needles:
            shared: dict[frozenset, frozenset] = {}
            self.automaton = ahocorasick.Automaton()
            for text, entry in needles.items():
                self.automaton.add_word(text, entry.freeze(lambda fs: shared.setdefault(fs, fs)))
            self.automaton.make_automaton()
        return self

    def scan(self, lower: str, wanted: frozenset, compact: str | None = None, found: set | None = None) -> set[str]:
        """The owners in `wanted` whose needles are in `lower` (the lower-cased segment text; `compact`:
        the same without spaces, when the caller has it). The keys of the phrase (compact) needles
        found are added to `found`, for the owners' Matchers to look closer (`Matcher.might_match`)."""
        live: set[str] = set()
        if self.automaton is None:
            return live
        automaton = self._of.get(wanted)
        if automaton is None:
            automaton = self._automaton_of(wanted)
        if not len(automaton):
            return live
        seen = set()
        for _, (text, owners, word, rx, literal, joined) in automaton.iter(
                squeeze(lower) if compact is None else compact):
            if owners.isdisjoint(wanted) or text in seen:
                continue  # (most needles found belong to rules of other markets)
            seen.add(text)
            if joined and not joined.isdisjoint(wanted):
                live |= joined & wanted
                if found is not None:
                    found.add(text)
            if word and not word.isdisjoint(wanted) and rx.search(lower):
                live |= word & wanted
                if found is not None:
                    found.add(text)
            for lit, lit_owners in literal:
                if not lit_owners.isdisjoint(wanted) and lit in lower:
                    live |= lit_owners & wanted
        return live
