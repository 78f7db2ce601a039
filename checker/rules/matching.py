"""What the compiled kinds share: the per-segment match context, hits and prefilter keys."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from spacy.tokens import Doc

from .. import nlp

_WORD = regex.compile(r"[^\W\d_\p{Han}\p{Thai}]+|\d+", regex.V1)  # Han/Thai: see text_keys


_SPACES = regex.compile(r"\s+")
_SCRIPT_START = regex.compile(r"[\p{Han}\p{Thai}]{1,2}")
_SCRIPT_RUN = regex.compile(r"[\p{Han}\p{Thai}][\p{Han}\p{Thai}\s]*")


def phrase_key(lang: str, phrase: str) -> str | None:
    """The prefilter key of a phrase: its first word; in Chinese and Thai its first two characters
    (one, for a one-character phrase), since single characters are too common to filter anything.

    A phrase can only match a text whose `text_keys` contain its key. None: no cheap key (always run).
    """
    if lang in nlp.CHAR_LANGUAGES:
        compact = _SPACES.sub("", phrase)
        m = _SCRIPT_START.match(compact)
        if m:
            return m.group()
    w = _WORD.search(phrase.lower())
    return w.group() if w else None


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
        run = _SPACES.sub("", run)
        keys.update(run)
        keys.update(run[i : i + 2] for i in range(len(run) - 1))
    return keys


def word_keys(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


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
    _sents: bool = False
    extra: dict = field(default_factory=dict)
    words: set | None = None  # word keys shared by the languages of one segment

    @property
    def keys(self) -> set[str]:
        if self._keys is None:
            self._keys = text_keys(self.lang, self.text, self.words)
        return self._keys

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
