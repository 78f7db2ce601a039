"""`regex`: regular expressions on the normalized segment text (phone numbers, e-mails, prices).

Uses the `regex` module (Unicode-aware `\\b`, `\\p{Han}`) with a time limit per segment, so a
pathological pattern cannot hang a batch audit.
"""

from __future__ import annotations

import regex

from ..matching import Hit, MatchContext

TIMEOUT = 0.25  # seconds per rule and segment

FIELDS = {
    "regex": {
        "oneOf": [
            {"type": "string", "minLength": 1},
            {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string", "minLength": 1}},
        ]
    },
    "group": {"type": ["integer", "string"]},
    "prefilter": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
}
REQUIRED = ("regex",)


def languages_of(data: dict) -> list[str] | None:
    rx = data.get("regex")
    return list(rx) if isinstance(rx, dict) else None


def regex_for(rule, lang: str) -> str | None:
    rx = rule.spec["regex"]
    if isinstance(rx, dict):
        return rx.get(lang)
    return rx if lang in rule.languages else None


def check(rule) -> None:
    for lang in rule.languages:
        source = regex_for(rule, lang)
        if source is None:
            continue
        try:
            compiled = regex.compile(source, regex.V0)
        except regex.error as exc:
            raise ValueError(f"field 'regex': {exc}") from None
        prefilter = rule.spec.get("prefilter")
        if prefilter:
            for example in rule.examples["flag"]:
                text = (example if isinstance(example, str) else example["text"]).lower()
                if compiled.search(text) and not any(s.lower() in text for s in prefilter):
                    raise ValueError(f"field 'prefilter': none of {prefilter} is in the flag example {text!r}")
        group = rule.spec.get("group")
        if group is not None and (
            (isinstance(group, int) and group > compiled.groups)
            or (isinstance(group, str) and group not in compiled.groupindex)
        ):
            raise ValueError(f"field 'group': the regex has no group {group!r}")


def prefilter_regex(strings) -> regex.Pattern | None:
    """One literal alternation for a rule's prefilter strings (searched in lower-cased text)."""
    if not strings:
        return None
    return regex.compile("|".join(regex.escape(s.lower()) for s in sorted(set(strings), key=len, reverse=True)))


class CompiledRegexes:
    """Every regex of one language. A rule's optional `prefilter` lists strings one of which must be
    in the (lower-cased) text for its regex to run at all: `@` for e-mail addresses, `http` for links."""

    keys = None  # prefilters are substrings, not words: checked per rule in find()

    def __init__(self, rules, lang: str):
        self.items = []
        for rule in rules:
            source = regex_for(rule, lang)
            if source is not None:
                pre = prefilter_regex(rule.spec.get("prefilter"))
                self.items.append((rule, regex.compile(source), rule.spec.get("group") or 0, pre))

    def find(self, ctx: MatchContext) -> list[Hit]:
        hits = []
        lower = None
        for rule, rx, group, pre in self.items:
            if rule.id not in ctx.active:
                continue
            if pre is not None:
                if lower is None:
                    lower = ctx.text.lower()
                if pre.search(lower) is None:
                    continue
            try:
                for m in rx.finditer(ctx.text, timeout=TIMEOUT):
                    s, e = m.span(group)
                    if e > s:
                        hits.append(Hit(rule, s, e))
            except TimeoutError:
                ctx.extra.setdefault("timeouts", []).append(rule.id)
        return hits


def compile(rules, lang: str):
    compiled = CompiledRegexes(rules, lang)
    return compiled if compiled.items else None
