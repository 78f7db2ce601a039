"""What the compiled kinds share: the per-segment match context, hits and prefilter keys."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field

import ahocorasick
import regex
from spacy.tokens import Doc

from .. import nlp
from ..language import split_words

_LETTER = r"[^\W\d_\p{Han}\p{Thai}]"
_WORD = regex.compile(rf"{_LETTER}+|\d+", regex.V1)  # Han/Thai: see text_keys
WORD = _WORD  # what a word key is (a run of letters, or of digits)


def word_pattern(word: str) -> str:
    """A regex that finds `word` in a lower-cased text exactly where `word_keys` would list it: as a
    whole run of letters (or of digits), not inside a longer one."""
    edge = r"\d" if word.isdecimal() else _LETTER
    return rf"(?<!{edge}){regex.escape(word)}(?!{edge})"


_SPACES = regex.compile(r"\s+")
# Words in most captions: a poor choice of prefilter key whenever a phrase has another word.
_COMMON = frozenset(
    """a an the and or but in on at to of for from with by as is are was be been it its this that these
    those my your our their his her me you we us they i he she so no not do don t s get got use just
    only all one two three very more most can will have has had what who how when if then than now like
    yang dan di ke ini itu untuk dengan aku saya kamu ya nya ang ng sa mga na at ko po và của là có
    không này cho với""".split()
)
COMMON_WORDS = _COMMON
_SCRIPT_START = regex.compile(r"[\p{Han}\p{Thai}]{1,2}")
_SCRIPT_RUN = regex.compile(r"[\p{Han}\p{Thai}][\p{Han}\p{Thai}\s]*")


def phrase_requirements(lang: str, phrase: str) -> frozenset[str]:
    """Keys a text must have for a phrase (as written) to match in it: its words, and in Chinese and
    Thai the pairs of neighbouring characters (a one-character phrase: the character)."""
    needed = set(_WORD.findall(phrase.lower()))
    if lang in nlp.CHAR_LANGUAGES:
        for run in _SCRIPT_RUN.findall(phrase):
            run = _SPACES.sub("", run)
            if len(run) == 1:
                needed.add(run)
            needed.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(needed)


def phrase_key(lang: str, needed, phrase: str | None = None) -> str | None:
    """The prefilter key of a phrase, one of its requirements: in Chinese and Thai its first two
    characters when it starts with them; otherwise its rarest-looking word (not a common function
    word, not a number, then the longest). None: no cheap key (the phrase always runs).

    `needed` is the phrase's requirements, or a phrase text (a pattern's literal token)."""
    if isinstance(needed, str):
        phrase = needed
        needed = phrase_requirements(lang, phrase)
    if not needed:
        return None
    if lang in nlp.CHAR_LANGUAGES and phrase:
        m = _SCRIPT_START.match(_SPACES.sub("", phrase))
        if m and m.group() in needed:
            return m.group()
    return max(needed, key=lambda w: (w not in _COMMON, not w.isdigit(), len(w), w))


def text_keys(lang: str, text: str, words: set[str] | None = None) -> set[str]:
    """Prefilter keys of a text: its words, and in Chinese and Thai every character and every pair of
    neighbouring characters (whitespace between them ignored, as the phrase matcher does).
    `words` may be passed in when already computed for another language of the same segment."""
    if words is None:
        words = word_keys(text)
    if lang not in nlp.CHAR_LANGUAGES:
        return words
    keys = set(words)
    for run in _SCRIPT_RUN.findall(text):
        if not run.isalpha():
            run = "".join(run.split())
        keys.update(run)
        keys.update(map(operator.add, run, run[1:]))  # neighbouring pairs
    return keys


_PUNCT = "".join(c for c in map(chr, range(33, 127)) if not c.isalnum() and c != "_")


def word_keys(text: str) -> set[str]:
    """The words of a text, lower-cased, as `_WORD` finds them (`language.split_words`: the regex
    reads only what is not a plain ASCII word)."""
    return set(split_words(text.lower(), _WORD, _PUNCT))


class Literals:
    """Which of many literal strings occur in a text, found in one pass (an Aho-Corasick automaton):
    the prefilters of regex rules and signals, tested together instead of one `in` at a time."""

    __slots__ = ("automaton",)

    def __init__(self, literals):
        literals = sorted(set(literals))
        self.automaton = None
        if literals:
            self.automaton = ahocorasick.Automaton()
            for lit in literals:
                self.automaton.add_word(lit, lit)
            self.automaton.make_automaton()

    def found(self, lower: str) -> set[str]:
        if self.automaton is None:
            return set()
        return {lit for _, lit in self.automaton.iter(lower)}


@dataclass(slots=True)
class Hit:
    rule: object  # packs.Rule
    start: int  # char offsets into the normalized segment text
    end: int
    tok_start: int | None = None
    tok_end: int | None = None
    signals: tuple[str, ...] = ()
    tag: str | None = None  # None: a finding; label | weak | signal: evidence for document-level rules


@dataclass
class MatchContext:
    """One segment's normalized text in one language, with its Doc built on first use."""

    lang: str
    text: str
    active: frozenset  # ids of the rules that apply to this segment
    _doc: Doc | None = None
    _keys: set | None = None
    _lower: str | None = None
    _compact: str | None = None
    _sents: bool = False
    extra: dict = field(default_factory=dict)
    words: set | None = None  # word keys shared by the languages of one segment
    shared: dict | None = None  # prefilter answers shared by the languages of one segment
    signals: frozenset = frozenset()  # keys of the sponsorship signals the segment is asked about
    live: set | None = None  # owners whose needles the screen found (None: not screened, all may match)

    @property
    def keys(self) -> set[str]:
        if self._keys is None:
            words = self.words
            if words is None and self.shared is not None:  # one word list for the segment's languages
                words = self.words = self.shared.get("words")
                if words is None:
                    words = self.words = self.shared["words"] = word_keys(self.text)
            self._keys = text_keys(self.lang, self.text, words)
        return self._keys

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def searches(self, pattern) -> bool:
        """Whether a prefilter pattern is found in the lower-cased text; the answer is shared by the
        contexts of one segment's languages (`shared`), which hold the same text."""
        cache = self.shared if self.shared is not None else self.extra
        key = pattern.pattern
        found = cache.get(key)
        if found is None:
            found = cache[key] = pattern.search(self.lower) is not None
        return found

    def literals_in(self, literals: Literals) -> set[str]:
        """Which of `literals` the lower-cased text contains (one scan per segment and set)."""
        found = self.extra.get(literals)
        if found is None:
            found = self.extra[literals] = literals.found(self.lower)
        return found

    @property
    def compact(self) -> str:
        """The lower-cased text without spaces: a phrase can match only where its tokens, joined, are
        a substring of it."""
        if self._compact is None:
            self._compact = self.lower.replace(" ", "")
        return self._compact

    @property
    def doc(self) -> Doc:
        if self._doc is None:
            self._doc = nlp.make_doc(self.lang, self.text)
        return self._doc

    @property
    def has_doc(self) -> bool:
        return self._doc is not None

    def sentences(self) -> Doc:
        if not self._sents:
            nlp.sentences(self.doc, self.lang)
            self._sents = True
        return self.doc

    def token_span(self, hit: Hit) -> tuple[int, int]:
        if hit.tok_start is None:
            span = self.doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is None:  # an empty or whitespace-only match
                tok = 0
                for t in self.doc:
                    if t.idx >= hit.start:
                        break
                    tok = t.i
                hit.tok_start, hit.tok_end = tok, tok
            else:
                hit.tok_start, hit.tok_end = span.start, span.end
        return hit.tok_start, hit.tok_end
