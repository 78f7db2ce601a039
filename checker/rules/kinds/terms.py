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


MAX_REQUIREMENTS_PER_KEY = 48


class PhraseSet:
    """Phrases of many keys in one language, matched together (used by terms and `unless`)."""

    def __init__(self, lang: str):
        self.lang = lang
        vocab = nlp.pipeline(lang).vocab
        self._lower = PhraseMatcher(vocab, attr="LOWER")
        self._exact = PhraseMatcher(vocab, attr="ORTH")
        self._has = {"lower": False, "exact": False}
        self.keys: set[str] = set()
        self.always = False  # a phrase without a prefilter key
        # key -> the full requirements of each phrase with that key (every word must be in the text)
        self.requirements: dict[str, set[frozenset[str]] | list[frozenset[str]] | None] = {}
        self._finished = False

    def add(self, key: str, templates: list[str], mode: str) -> None:
        sequences = phrase_sequences(self.lang, templates, mode)
        if not sequences:
            return
        vocab = self._lower.vocab
        docs = [Doc(vocab, words=words) for words, _ in sequences]
        which = "exact" if mode == "exact" else "lower"
        (self._exact if which == "exact" else self._lower).add(key, docs)
        self._has[which] = True
        for _words, written in sequences:
            needed = phrase_requirements(self.lang, written)
            k = phrase_key(self.lang, needed, written)
            if k is None:
                self.always = True
            else:
                self.keys.add(k)
                self.requirements.setdefault(k, set()).add(needed)
        self._finished = False

    def finish(self) -> None:
        """Keep, per key, only the minimal requirement sets (a phrase whose words include another's
        adds nothing to the test), and give up the full test for keys with very many (the key alone
        then decides), so that `possible` stays cheap however long the lists grow."""
        for k, sets in list(self.requirements.items()):
            if len(sets) > MAX_REQUIREMENTS_PER_KEY * 8:
                self.requirements[k] = None
                continue
            minimal: list[frozenset[str]] = []
            for need in sorted(sets, key=len):
                if not any(m <= need for m in minimal):
                    minimal.append(need)
            self.requirements[k] = minimal if len(minimal) <= MAX_REQUIREMENTS_PER_KEY else None
        self._finished = True

    def possible(self, keys: set[str]) -> bool:
        """Whether some phrase can match a text with these prefilter keys (all its words present)."""
        if self.always:
            return True
        if not self._finished:
            self.finish()
        requirements = self.requirements
        for k in self.keys & keys if len(keys) > len(self.keys) else (k for k in keys if k in self.keys):
            sets = requirements[k]
            if sets is None or any(need <= keys for need in sets):
                return True
        return False

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = doc.vocab.strings
        out = []
        for which, matcher in (("lower", self._lower), ("exact", self._exact)):
            if self._has[which]:
                out.extend((strings[m], s, e) for m, s, e in matcher(doc))
        return out


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
        self.keys = None if self.phrases.always else self.phrases.keys

    def possible(self, keys: set[str]) -> bool:
        return self.phrases.possible(keys)

    def find(self, ctx: MatchContext) -> list[Hit]:
        doc = ctx.doc
        hits = []
        for rule_id, s, e in self.phrases.matches(doc):
            if rule_id not in ctx.active:
                continue
            span = doc[s:e]
            hits.append(Hit(self.rules[rule_id], span.start_char, span.end_char, s, e))
        return hits


def compile(rules, lang: str):
    compiled = CompiledTerms(rules, lang)
    return compiled if compiled.rules else None
