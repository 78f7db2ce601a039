"""`terms`: phrase lists, matched on whole tokens by one spaCy PhraseMatcher per language.

Templates (`{a|b}`, `[opt]`) and, with `match: lemma`, inflected forms are expanded when the pack is
compiled, so matching a caption costs one PhraseMatcher pass whatever the number of phrases.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ... import nlp
from ...normalize import normalize
from .. import phrases
from ..matching import Hit, MatchContext, phrase_key, phrase_requirements
from ..screen import COMPACT, WORD_MODE

_PHRASES = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}

FIELDS = {
    "terms": {"oneOf": [_PHRASES, {"type": "object", "additionalProperties": _PHRASES, "minProperties": 1}]},
    "match": {"enum": ["lemma", "lower", "exact"]},
}
REQUIRED = ("terms",)


def languages_of(data: dict) -> list[str] | None:
    terms = data.get("terms")
    return list(terms) if isinstance(terms, dict) else None


def phrases_for(terms, lang: str, rule_languages) -> list[str]:
    if isinstance(terms, dict):
        return list(terms.get(lang) or [])
    return list(terms) if lang in rule_languages else []


def check(rule) -> None:
    terms = rule.spec["terms"]
    for lang in rule.languages:
        for template in phrases_for(terms, lang, rule.languages):
            phrases.expand(template)  # raises TemplateError (a ValueError) on a bad template


def match_mode(rule, lang: str) -> str:
    mode = rule.spec.get("match")
    if mode:
        return mode
    return "lemma" if lang in phrases.LEMMA_TABLE_LANGUAGES else "lower"


def phrase_sequences(lang: str, templates: list[str], mode: str) -> list[tuple[list[str], str]]:
    """The token sequences a list of templates stands for, each with its text as written (spacing
    kept), from which the prefilter takes the words a matching text must contain."""
    pipe = nlp.pipeline(lang)
    out: list[tuple[list[str], str]] = []
    seen: set[tuple[str, ...]] = set()
    inflect = mode == "lemma" and phrases.has_forms(lang)
    for template in templates:
        for phrase in phrases.expand(template):
            # phrases are folded like the text they are matched against (full-width, marks, quotes)
            doc = pipe.make_doc(normalize(phrase).text)
            words = [t.text for t in doc]
            spacing = [t.whitespace_ for t in doc]
            for variant in phrases.inflect(lang, words) if inflect else [words]:
                key = tuple(variant) if mode == "exact" else tuple(w.lower() for w in variant)
                if key not in seen:
                    seen.add(key)
                    out.append((list(key), "".join(w + s for w, s in zip(key, spacing, strict=True))))
    return out


def phrase_words(lang: str, templates: list[str], mode: str) -> list[list[str]]:
    """The token sequences a list of templates stands for."""
    return [words for words, _ in phrase_sequences(lang, templates, mode)]


class PhraseIndex:
    """Which phrases of a PhraseSet can match a segment, without tokenising it.

    A phrase can match only where every one of its words is a word of the text (`need <= ctx.keys`)
    and its tokens, spaces removed, are a substring of the lower-cased text with spaces removed
    (`ctx.compact`; a single space is the only thing spaCy lets stand between matched tokens).
    Phrases are filed under three of their words, the rarest-looking first (`phrase_key`; None where a
    phrase has fewer), so a test looks only at phrases whose filing words are all in the text, however
    long the lists grow ("best serum" and "best serum zx1q" part at the third word). Each phrase
    carries its key (rule id), so that a segment asks only about the rules that apply to it.
    """

    __slots__ = ("always", "keys", "sure", "index", "owners")

    def __init__(self, lang: str, entries):
        self.always: set[str] = set()  # keys with a phrase that has no word to file it under
        self.sure: dict[str, set[str]] = {}  # word -> keys with that one-word phrase
        self.index: dict[str, dict] = {}  # k1 -> k2 -> k3 -> [(need, compact, key)]
        for key, need, compact, written in entries:
            k1 = phrase_key(lang, need, written)
            if k1 is None:
                self.always.add(key)
                continue
            if len(need) == 1 and compact == k1:
                self.sure.setdefault(k1, set()).add(key)
                continue
            rest = need - {k1}
            k2 = phrase_key(lang, rest) if rest else None
            rest = rest - {k2}
            k3 = phrase_key(lang, rest) if rest else None
            self.index.setdefault(k1, {}).setdefault(k2, {}).setdefault(k3, []).append((need, compact, key))
        self.keys = frozenset(self.index) | frozenset(self.sure)
        self.owners = frozenset(key for key, *_ in entries)

    def always_for(self, allowed: frozenset | None) -> bool:
        """Whether some phrase of the allowed keys (None: any) has no word to file it under."""
        return bool(self.always) and (allowed is None or not self.always.isdisjoint(allowed))

    def possible(self, ctx: MatchContext, allowed: frozenset | None = None) -> bool:
        if self.always_for(allowed):
            return True
        keys = ctx.keys
        present = keys & self.keys  # (iterates over the smaller set)
        if not present:
            return False
        sure = self.sure
        compact = None
        index = self.index
        for k in present:
            owners = sure.get(k)
            if owners is not None and (allowed is None or not owners.isdisjoint(allowed)):
                return True
            level2 = index.get(k)
            if level2 is None:
                continue
            if compact is None:
                compact = ctx.compact
            for level3 in _filed(level2, keys):
                for items in _filed(level3, keys):
                    for need, phrase, key in items:
                        if phrase in compact and need <= keys and (allowed is None or key in allowed):
                            return True
        return False


def _filed(level: dict, keys: set[str]):
    """The entries of one level of a PhraseIndex whose filing word is in the text (or is None)."""
    none = level.get(None)
    if none is not None:
        yield none
    if len(level) > (none is not None):
        for k in level.keys() & keys:
            yield level[k]


class PhraseSet:
    """Phrases of many keys in one language, matched together (used by terms, labels, signals and
    `unless`). Keys are rule ids (or signal ids); `possible(ctx, allowed)` answers for the phrases of
    the allowed keys only.

    A key's phrases become spaCy Docs in the PhraseMatcher only when a segment may match them (its
    needles passed the screen): making ~90,000 Docs for the inflected English phrases took about as
    long as the rest of compiling, while a script checked once needs a few rules' and an archive only
    those its captions come near. The screen never hides a match (tests/test_prefilters.py), so a key
    not yet in the matcher could not have matched."""

    def __init__(self, lang: str):
        self.lang = lang
        vocab = nlp.pipeline(lang).vocab
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        self._has = {"lower": False, "exact": False}
        self._entries: list[tuple[str, frozenset[str], str, str]] = []  # (key, need, compact, written)
        self._index: PhraseIndex | None = None
        self._pending: dict[str, list[tuple[str, list[list[str]]]]] = {}  # key -> [(matcher, token lists)]

    def add(self, key: str, templates: list[str], mode: str) -> None:
        sequences = phrase_sequences(self.lang, templates, mode)
        if not sequences:
            return
        which = "exact" if mode == "exact" else "lower"
        self._pending.setdefault(key, []).append((which, [words for words, _ in sequences]))
        self._has[which] = True
        for words, written in sequences:
            compact = "".join(words).lower().replace(" ", "")
            self._entries.append((key, phrase_requirements(self.lang, written), compact, written))
        self._index = None

    @property
    def empty(self) -> bool:
        return not self._entries

    def prepare(self) -> PhraseSet:
        """Build the index now (rules are compiled before checking starts, not on the first segment)."""
        if self._index is None:
            self._index = PhraseIndex(self.lang, self._entries)
        return self

    @property
    def index(self) -> PhraseIndex:
        return self._index or self.prepare()._index

    def screen_needles(self):
        """(key, needle, mode) for the screen: a one-word phrase is looked for as that word, a longer
        one as its tokens joined. A phrase with no word to key on is not screened (`unscreened`)."""
        always = self.index.always
        for key, need, compact, _written in self._entries:
            if key not in always:
                yield key, compact, WORD_MODE if len(need) == 1 and compact in need else COMPACT

    def unscreened(self, allowed: frozenset) -> bool:
        """Whether some phrase of the allowed keys has no needle (it is looked for on every segment)."""
        return self.index.always_for(allowed)

    def possible(self, ctx: MatchContext, allowed: frozenset | None = None) -> bool:
        """Whether some phrase of the allowed keys (None: any) can match the segment."""
        index = self.index
        live = ctx.live
        if live is not None and not index.always_for(allowed):
            # screened: only keys whose needles are in the text can match
            if not any(k in index.owners and (allowed is None or k in allowed) for k in live):
                return False
        return index.possible(ctx, allowed)

    def matches(self, doc: Doc, allowed: frozenset | None = None,
                live: frozenset | None = None) -> list[tuple[str, int, int]]:
        """(key, start token, end token) of the phrases in `doc`, in order, for the `allowed` keys (None:
        any) whose needles are among `live` (the screen's answer for the segment; None: not screened)."""
        pending = self._pending
        if pending:
            if live is None:
                keys = [k for k in pending if allowed is None or k in allowed]
            else:
                keys = [k for k in (live | self.index.always) if k in pending and (allowed is None or k in allowed)]
            if keys:
                self._materialize(keys)
        strings = doc.vocab.strings
        out = []
        for which, matcher in (("lower", self._lower), ("exact", self._exact)):
            if self._has[which]:
                out.extend((strings[m], s, e) for m, s, e in matcher(doc))
        # (in an order that does not depend on which keys were put in the matchers first)
        out.sort(key=_match_order)
        return out

    def _materialize(self, keys: list[str]) -> None:
        vocab = self._lower.vocab
        for key in sorted(keys):
            for which, sequences in self._pending.pop(key):
                (self._exact if which == "exact" else self._lower).add(
                    key, [Doc(vocab, words=words) for words in sequences])


def _match_order(match: tuple[str, int, int]) -> tuple[int, int, str]:
    return match[1], match[2], match[0]


class CompiledTerms:
    def __init__(self, rules, lang: str):
        self.lang = lang
        self.rules = {}
        self.phrases = PhraseSet(lang)
        for rule in rules:
            templates = phrases_for(rule.spec["terms"], lang, rule.languages)
            if templates:
                self.phrases.add(rule.id, templates, match_mode(rule, lang))
                self.rules[rule.id] = rule
        self.phrases.prepare()

    def screen_needles(self):
        return self.phrases.screen_needles()

    def unscreened(self, active: frozenset) -> bool:
        return self.phrases.unscreened(active)

    def possible(self, ctx: MatchContext) -> bool:
        return self.phrases.possible(ctx, ctx.active)

    def find(self, ctx: MatchContext) -> list[Hit]:
        doc = ctx.doc
        hits = []
        for rule_id, s, e in self.phrases.matches(doc, ctx.active, ctx.live):
            if rule_id not in ctx.active:
                continue
            span = doc[s:e]
            hits.append(Hit(self.rules[rule_id], span.start_char, span.end_char, s, e))
        return hits


def compile(rules, lang: str):
    compiled = CompiledTerms(rules, lang)
    return compiled if compiled.rules else None
