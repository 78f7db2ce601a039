"""Rule kinds: the only place Python knows about rules. One module per kind.

A kind module defines:

    FIELDS     JSON-schema properties of its own rule fields (merged into the pack schema)
    REQUIRED   the fields a rule of this kind must have

and may define (the defaults below serve a kind that simply reports what its matcher finds):

    languages_of(data) -> list | None     languages its fields name through per-language maps
    check(rule)                           load-time checks beyond the schema (raise ValueError)
    matchers(rule, lang) -> {tag: MatchSpec}
                                          what to look for in a language; tag None: each match is a
                                          finding; any other tag: evidence kept for `judge`
    JUDGED_WHEN                           `when` keys the kind judges itself per document
    judge(rule, severity, evidence)       -> [(outcome, severity, message, mark | None, signals)]:
                                          the document-level findings `<rule id>.<outcome>`

Adding a kind is adding a module here and a line to KINDS.
"""

from __future__ import annotations

from ..matcher import MatchSpec, languages_named, spec_from
from . import pattern, regex_kind, require, suppression, terms

KINDS = {
    "terms": terms,
    "pattern": pattern,
    "regex": regex_kind,
    "require": require,
    "suppression": suppression,
}


def languages_of(kind: str, data: dict) -> list[str] | None:
    module = KINDS[kind]
    if hasattr(module, "languages_of"):
        return module.languages_of(data)
    return languages_named(data) or None


def matchers(rule, lang: str) -> dict[str | None, MatchSpec]:
    module = KINDS[rule.kind]
    if hasattr(module, "matchers"):
        return module.matchers(rule, lang)
    return {None: spec_from(rule.spec, lang, rule.languages, examples=rule.examples["flag"])}


def check(rule) -> None:
    """Every matcher of the rule compiles, in every language, and the kind's own checks pass."""
    from ..matcher import validate

    for lang in rule.languages:
        for tag, spec in matchers(rule, lang).items():
            validate(spec, lang, {"label": "require", "weak": "weak"}.get(tag, tag or ""))
        for i, entry in enumerate(rule.unless):
            validate(unless_spec(rule, entry, lang), lang, f"unless.{i}")
    module = KINDS[rule.kind]
    if hasattr(module, "check"):
        module.check(rule)


def check_signal(signal: dict, languages) -> None:
    """A sponsorship signal's matcher compiles in each of its languages."""
    from ..matcher import validate

    for lang in languages:
        validate(signal_spec(signal, lang, languages), lang)


def signal_spec(signal: dict, lang: str, languages) -> MatchSpec:
    """A sponsorship signal's spec: the same shape, its terms compared case-folded by default."""
    return spec_from(signal, lang, languages, "lower")


def unless_spec(rule, entry: dict, lang: str) -> MatchSpec:
    """An `unless` context of any rule: the same spec shape, in the rule's match mode."""
    return spec_from(entry, lang, rule.languages, rule.spec.get("match"))


def judged_when(kind: str) -> tuple[str, ...]:
    return getattr(KINDS[kind], "JUDGED_WHEN", ())


def judge(kind: str):
    """The kind's document-level `judge`, or None."""
    return getattr(KINDS[kind], "judge", None)
