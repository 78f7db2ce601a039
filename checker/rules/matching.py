"""What matching shares: the per-segment context (text, Doc on first use, the screen's answer, the
problems met), hits, and what a word is to the screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from ..language import split_words
from . import relaxed

if TYPE_CHECKING:
    from spacy.tokens import Doc

_LETTER = r"[^\W\d_\p{Han}\p{Thai}]"
WORD = regex.compile(rf"{_LETTER}+|\d+", regex.V1)  # a word to the screen: a run of letters, or of digits


_EDGES = "".join(c for c in map(chr, range(33, 127)) if not c.isalnum())  # (no word starts or ends with one)


def word_pattern(word: str) -> str:
    """A regex that finds `word` in a lower-cased text as a whole run of letters (or of digits), not
    inside a longer one."""
    edge = r"\d" if word.isdecimal() else _LETTER
    return rf"(?<!{edge}){regex.escape(word)}(?!{edge})"


# Words in most captions: the weakest needles (`matcher.selectivity`).
COMMON_WORDS = frozenset(
    """a an the and or but in on at to of for from with by as is are was be been it its this that these
    those my your our their his her me you we us they i he she so no not do don t s get got use just
    only all one two three very more most can will have has had what who how when if then than now like
    yang dan di ke ini itu untuk dengan aku saya kamu ya nya ang ng sa mga na at ko po và của là có
    không này cho với""".split()
)


_HAN_THAI = regex.compile(r"[\p{Han}\p{Thai}]")


def _whole_word_in(lower: str, word: str) -> bool:
    """Whether `word` (a `WORD`) stands in `lower` as a whole run of letters or of digits. Errs only
    towards True (a combining mark next to it counts as an edge), like every prefilter."""
    digits = word[0].isdecimal()
    size = len(word)
    i = lower.find(word)
    while i != -1:
        before = lower[i - 1] if i else " "
        after = lower[i + size] if i + size < len(lower) else " "
        if not (_continues(before, digits) or _continues(after, digits)):
            return True
        i = lower.find(word, i + 1)
    return False


def _continues(char: str, digits: bool) -> bool:
    """Whether `char` would extend a run of digits (`digits`) or of letters in `WORD`."""
    if digits:
        return char.isdecimal()
    return char.isalpha() and not _HAN_THAI.match(char)


@dataclass(slots=True)
class Hit:
    rule: object  # packs.Rule
    start: int  # char offsets into the normalized segment text
    end: int
    tok_start: int | None = None
    tok_end: int | None = None
    signals: tuple[str, ...] = ()
    tag: str | None = None  # None: a finding; otherwise evidence for the rule's kind (a label...)


def collapse_white(text: str) -> str:
    """`text` with each run of white space one space (split and joined in C: a regular expression's
    substitution costs several times more on a caption with line breaks; `str.isspace` may call a
    character white space that a pattern's `\\s` does not, which only finds a literal set in more
    texts, never in fewer)."""
    words = text.split()
    if not words:
        return " " if text else ""
    joined = " ".join(words)
    if text[0].isspace():
        joined = " " + joined
    if text[-1].isspace():
        joined += " "
    return joined


LOOK_UP_TO = 24  # words looked for one at a time in a text before its words are listed once


@dataclass
class MatchContext:
    """One segment's normalized text in one language, with its Doc built on first use."""

    lang: str
    text: str
    active: frozenset  # ids of the rules that apply to this segment
    _doc: Doc | None = None
    _lower: str | None = None
    _compact: str | None = None
    _spaced: str | None = None
    _words: set | None = None
    _sents: bool = False
    shared: dict | None = None  # regex results shared by the languages of one segment (one text)
    signals: frozenset = frozenset()  # keys of the sponsorship signals the segment is asked about
    live: set | None = None  # owners the screen let through (None: not screened yet)
    found: set | None = None  # keys of the word and phrase needles the screen found (with `live`)
    problems: list = field(default_factory=list)  # (owner, pattern) of regexes that ran out of time
    _looked: int = 0  # words looked for one at a time so far (past LOOK_UP_TO, its words are listed)
    _utf8: dict | None = None  # text form -> its UTF-8 (`utf8`)

    def ask(self, active: frozenset, signals: frozenset = frozenset()) -> None:
        """Ask about other rules (a later pass over the segment: the rules that waited for what the
        post turned out to be): what the screen let through is looked for again; the text's forms, its
        tokens and the regex results it holds are kept."""
        self.active, self.signals = active, signals
        self.live = self.found = None
        self.problems = []

    def timed_out(self, owner: str, pattern: str) -> None:
        self.problems.append((owner, pattern))

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def folded(self) -> str:
        """The text lower-cased letter by letter, as long as the text (offsets hold in it): where a
        case-insensitive regex runs without its flag (`matcher.folded_source`). A letter whose lower
        case is longer (İ) is kept as written."""
        lower = self.lower
        if len(lower) == len(self.text):
            return lower
        return "".join(low if len(low := c.lower()) == 1 else c for c in self.text)

    def utf8(self, folded: bool) -> bytes | None:
        """The UTF-8 of the text (`folded`: of its `folded` form) that RE2 reads (`relaxed`); None
        with a lone surrogate."""
        cache = self._utf8
        if cache is None:
            cache = self._utf8 = {}
        found = cache.get(folded, cache)
        if found is cache:
            found = cache[folded] = relaxed.utf8(self.folded if folded else self.text)
        return found

    @property
    def spaced(self) -> str:
        """The lower-cased text with each run of white space one space: where a regex's literal sets
        are looked for (`matcher.required_literal_sets`: "night sweats" of `night\\s+sweats`)."""
        if self._spaced is None:
            lower = self.lower
            self._spaced = collapse_white(lower)
        return self._spaced

    @property
    def compact(self) -> str:
        """The lower-cased text without spaces: a phrase can match only where its tokens, joined, are
        a substring of it (a single space is all spaCy lets stand between the tokens of a match)."""
        if self._compact is None:
            self._compact = self.lower.replace(" ", "")
        return self._compact

    @property
    def words(self) -> set[str]:
        """The words of the lower-cased text (runs of letters, or of digits: `WORD`)."""
        if self._words is None:
            self._words = set(split_words(self.lower, WORD, _EDGES))  # (WORD.findall, at a third of the cost)
        return self._words

    def has_words(self, words) -> bool:
        """Whether every one of `words` (runs of letters, or of digits: `WORD`) is a whole word of the
        lower-cased text: looked for one at a time, a few of them cost less than listing all its words."""
        if self._words is not None or len(words) > 3 or self._look(len(words)):
            return words <= self.words
        lower = self.lower
        return all(_whole_word_in(lower, w) for w in words)

    def has_any_word(self, words) -> bool:
        """Whether one of `words` is a whole word of the lower-cased text (see `has_words`)."""
        if self._words is not None or len(words) > 16 or self._look(len(words)):
            return not self.words.isdisjoint(words)
        lower = self.lower
        return any(_whole_word_in(lower, w) for w in words)

    def _look(self, count: int) -> bool:
        """Whether to list the text's words now rather than look for `count` more one at a time:
        once LOOK_UP_TO words have been looked for in this text, listing them costs less."""
        self._looked += count
        return self._looked > LOOK_UP_TO

    def has(self, mode: str, needle: str) -> bool:
        """Whether the text has `needle`: as a word (`word` mode, when it is one), else as a substring."""
        if mode == "word" and WORD.fullmatch(needle):
            return needle in self.words
        return needle in self.lower

    @property
    def doc(self) -> Doc:
        if self._doc is None:
            from .. import nlp

            self._doc = nlp.make_doc(self.lang, self.text)
        return self._doc

    def sentences(self) -> Doc:
        if not self._sents:
            from .. import nlp

            nlp.sentences(self.doc, self.lang)
            self._sents = True
        return self.doc

    def token_span(self, start: int, end: int) -> tuple[int, int]:
        """The tokens covering characters start..end (an empty match: the token it stands before)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            return span.start, span.end
        tok = 0
        for t in self.doc:
            if t.idx >= start:
                break
            tok = t.i
        return tok, tok


@dataclass(slots=True)
class Mark:
    """Evidence found in a document (a rule's tagged match, or a sponsorship signal), located in the
    original text."""

    tag: str  # the rule's evidence tag (label, weak...), or "signal"
    key: str  # rule id, or signal key
    name: str  # what to call it in messages
    text: str
    segment: object  # model.Segment
    seg_index: int  # position among the document's segments
    start: int  # original offsets (into segment.origin)
    end: int
    caption_offset: int | None  # characters from the start of the caption, for caption segments
    weight: float = 1.0  # signals: how strongly it says "this is an ad"
    means: str = "sponsored"  # signals: what it is evidence of (sponsored; or only commercial)


@dataclass(slots=True)
class Evidence:
    """What a kind's `judge` sees of a whole document."""

    marks: list[Mark]
    sponsored: bool | None  # declared
    signals: list[Mark]  # the signals that make an undeclared post look sponsored (else empty)
    script_lines: dict[int, int]  # segment index -> its number among a script's spoken/on-screen lines
    text: str = ""  # the document's whole text
    names: object = None  # the rule ids and prefixes the packs know (engine.RuleNames)
