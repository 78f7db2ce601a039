"""What the compiled kinds share: the per-segment match context, hits and prefilter keys."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from spacy.tokens import Doc

from .. import nlp

_WORD = regex.compile(r"[^\W\d_]+|\d+")
_SCRIPT_CHAR = regex.compile(r"[\p{Han}\p{Thai}]")


def phrase_key(lang: str, phrase: str) -> str | None:
    """The prefilter key of a phrase: its first word (first character in Chinese and Thai).

    A phrase can only match a text whose `text_keys` contain its key. None: no cheap key (always run).
    """
    if lang in nlp.CHAR_LANGUAGES:
        m = _SCRIPT_CHAR.search(phrase)
        w = _WORD.search(phrase.lower())
        if m and (w is None or m.start() <= w.start()):
            return m.group()
        return w.group() if w else None
    w = _WORD.search(phrase.lower())
    return w.group() if w else None


def text_keys(lang: str, text: str, words: set[str] | None = None) -> set[str]:
    """Prefilter keys of a text: its words (and Han/Thai characters). `words` may be passed in when
    already computed for another language of the same segment."""
    if words is None:
        words = word_keys(text)
    if lang in nlp.CHAR_LANGUAGES:
        return words | set(_SCRIPT_CHAR.findall(text))
    return words


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
