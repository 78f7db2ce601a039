"""`pattern`: spaCy Matcher token patterns, for claims with numbers or open slots.

The Matcher is the expensive part of matching (ten times the tokenizer with fifty patterns), so a
rule's patterns run on a segment only when the segment holds one of their literal words (the
"anchors": the LOWER/ORTH/TEXT values of each pattern's literal tokens).
"""

from __future__ import annotations

import regex
from spacy.matcher import Matcher

from ... import nlp
from ..matching import COMMON_WORDS, Hit, MatchContext, phrase_key
from .regex_kind import required_literals

FIELDS = {
    "patterns": {
        "oneOf": [
            {"type": "array", "items": {"type": "array", "items": {"type": "object"}, "minItems": 1}, "minItems": 1},
            {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {
                    "type": "array",
                    "items": {"type": "array", "items": {"type": "object"}, "minItems": 1},
                    "minItems": 1,
                },
            },
        ]
    }
}
REQUIRED = ("patterns",)


def languages_of(data: dict) -> list[str] | None:
    pats = data.get("patterns")
    return list(pats) if isinstance(pats, dict) else None


def patterns_for(rule, lang: str) -> list[list[dict]]:
    pats = rule.spec["patterns"]
    if isinstance(pats, dict):
        return [[dict(t) for t in p] for p in pats.get(lang) or []]
    return [[dict(t) for t in p] for p in pats] if lang in rule.languages else []


_WHOLE_WORD = regex.compile(r"[^\W_]+|[\p{Han}\p{Thai}]+")


def _required_values(pattern: list[dict]):
    """The text condition of each token a match must have (not optional): the first LOWER/ORTH/TEXT/
    NORM value that is a string or an `IN` or `REGEX` mapping."""
    for token in pattern:
        if token.get("OP") in ("?", "*", "!"):
            continue
        for attr in ("LOWER", "ORTH", "TEXT", "NORM"):
            value = token.get(attr)
            if isinstance(value, str) or (isinstance(value, dict) and ("IN" in value or "REGEX" in value)):
                yield value
                break


def _literal_sets(lang: str, pattern: list[dict]) -> list[frozenset[str]]:
    """For each required literal token of a pattern, the prefilter keys of the words it accepts.

    A text can only match if, for every set, one of its words is present. Tokens that are optional
    or have no literal value (LIKE_NUM, REGEX...) give no set."""
    sets = []
    for value in _required_values(pattern):
        if isinstance(value, str):
            values = [value]
        elif isinstance(value.get("IN"), list):
            values = [v for v in value["IN"] if isinstance(v, str)]
        else:
            continue
        # a value that is not one whole word ("n't", "$") may be a fragment of a text word: no key
        if values and all(_WHOLE_WORD.fullmatch(v) for v in values):
            sets.append(frozenset(phrase_key(lang, v) for v in values))
    return sets


def _substring_sets(pattern: list[dict]) -> list[tuple[str, ...]]:
    """For each required token matched by a `REGEX`, strings one of which the lower-cased text must
    contain (`'^[$]\\d'` needs a "$"), as far as they can be read from the regex."""
    sets = []
    for value in _required_values(pattern):
        if isinstance(value, dict) and isinstance(value.get("REGEX"), str):
            literals = required_literals(value["REGEX"], min_weight=1)
            if literals:
                sets.append(literals)
    return sets


def _strength(members) -> int:
    """How rarely a set of words (or strings) is likely to be met in a caption: by its weakest member;
    a common function word ("a", "to") 0, one or two characters 1 ("kg", "st"), else 2 ("win", "$")."""
    def weight(m: str) -> int:
        if m in COMMON_WORDS:
            return 0
        return 2 if len(m) > 2 or not m.isalnum() else 1
    return min(map(weight, members))


def _anchors(lang: str, pattern: list[dict]) -> set[str] | None:
    """Literal words one of which must be in the text for the pattern to match (None: unknown)."""
    sets = _literal_sets(lang, pattern)
    return set(sets[0]) if sets else None


def check(rule) -> None:
    for lang in rule.languages:
        pats = patterns_for(rule, lang)
        matcher = Matcher(nlp.pipeline(lang).vocab, validate=True)
        try:
            matcher.add(rule.id, pats)
        except Exception as exc:  # spaCy raises MatchPatternError / ValueError with details
            first = str(exc).strip().splitlines()
            raise ValueError(f"field 'patterns': invalid token pattern: {first[-1] if first else exc}") from None
        for p in pats:
            if _anchors(lang, p) is None:
                raise ValueError(
                    "field 'patterns': every pattern needs a literal token (LOWER/ORTH/TEXT value or IN list)"
                    " that is not optional, so it runs only where it can match"
                )


class CompiledPatterns:
    """One Matcher per rule: a segment pays only for the rules whose anchor words it contains."""

    def __init__(self, rules, lang: str):
        self.lang = lang
        vocab = nlp.pipeline(lang).vocab
        self.rules = {}
        self.matchers: dict[str, Matcher] = {}
        self.anchors: dict[str, set[str]] = {}
        # per rule, per pattern: (word sets, substring sets), one member of each must be in the text
        self.requirements: dict[str, list[tuple[list[frozenset[str]], list[tuple[str, ...]]]]] = {}
        for rule in rules:
            pats = patterns_for(rule, lang)
            if not pats:
                continue
            matcher = Matcher(vocab)
            matcher.add(rule.id, pats)
            self.matchers[rule.id] = matcher
            self.rules[rule.id] = rule
            anchors: set[str] = set()
            for p in pats:
                anchors |= _anchors(lang, p) or set()
            self.anchors[rule.id] = anchors
            self.requirements[rule.id] = [(_literal_sets(lang, p), _substring_sets(p)) for p in pats]
        self.keys = set().union(*self.anchors.values()) if self.anchors else set()
        self.order = {rule_id: i for i, rule_id in enumerate(self.anchors)}

    def screen_needles(self):
        """(rule id, needle, mode) for the screen. A pattern needs one member of each of its literal
        sets (words, or strings of its REGEX tokens), so any one set will do: the screen takes the
        strongest (`_strength`), then the one with the fewest members: "$" rather than "just|only|now"."""
        for rule_id, requirements in self.requirements.items():
            for words, strings in requirements:
                options = [("word", s) for s in words] + [("literal", frozenset(alts)) for alts in strings]
                mode, best = max(options, key=lambda o: (_strength(o[1]), -len(o[1]), sorted(o[1])))
                for needle in sorted(best):
                    yield rule_id, needle, mode

    def unscreened(self, active: frozenset) -> bool:
        return False  # every pattern has a literal token (`check`): all are screened

    def _candidates(self, ctx: MatchContext):
        """The active rules that may match: those the screen found an anchor of (all, unscreened)."""
        if ctx.live is not None:
            return [r for r in ctx.live if r in self.anchors]
        return [r for r in self.anchors if r in ctx.active]

    def possible(self, ctx: MatchContext) -> bool:
        rules = self._candidates(ctx)
        if not rules:
            return False
        keys = ctx.keys
        if self.keys.isdisjoint(keys):
            return False
        anchors = self.anchors
        return any(not anchors[r].isdisjoint(keys) and self._possible(r, ctx) for r in rules)

    def _possible(self, rule_id: str, ctx: MatchContext) -> bool:
        """Some pattern of the rule has every one of its literal tokens' words in the text (and a
        literal of each of its regex tokens)."""
        keys = ctx.keys
        for words, strings in self.requirements[rule_id]:
            if all(not s.isdisjoint(keys) for s in words) and (
                not strings or all(any(x in ctx.lower for x in alts) for alts in strings)
            ):
                return True
        return False

    def find(self, ctx: MatchContext) -> list[Hit]:
        keys = ctx.keys
        hits = []
        for rule_id in sorted(self._candidates(ctx), key=self.order.__getitem__):
            if self.anchors[rule_id].isdisjoint(keys) or not self._possible(rule_id, ctx):
                continue
            doc = ctx.doc
            for _, s, e in self.matchers[rule_id](doc):
                span = doc[s:e]
                hits.append(Hit(self.rules[rule_id], span.start_char, span.end_char, s, e))
        return hits


def compile(rules, lang: str):
    compiled = CompiledPatterns(rules, lang)
    return compiled if compiled.rules else None
