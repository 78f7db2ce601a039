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
    "prefilter": {
        "oneOf": [
            {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
            {"type": "object", "additionalProperties": False, "required": ["regex"],
             "properties": {"regex": {"type": "string", "minLength": 1}}},
        ]
    },
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
        try:
            pre = prefilter_regex(rule.spec.get("prefilter"))
        except regex.error as exc:
            raise ValueError(f"field 'prefilter.regex': {exc}") from None
        if pre is not None:
            for example in rule.examples["flag"]:
                text = example if isinstance(example, str) else example["text"]
                if compiled.search(text) and not pre.passes(text.lower()):
                    raise ValueError(f"field 'prefilter': it would skip the flag example {text!r}")
        group = rule.spec.get("group")
        if group is not None and (
            (isinstance(group, int) and group > compiled.groups)
            or (isinstance(group, str) and group not in compiled.groupindex)
        ):
            raise ValueError(f"field 'group': the regex has no group {group!r}")


class Prefilter:
    """A rule's prefilter: literal strings (any of them in the lower-cased text; plain `in` tests,
    faster than an alternation), or `{regex: ...}`, a cheap pattern such as '\\w@\\w'."""

    __slots__ = ("strings", "pattern")

    def __init__(self, prefilter):
        if isinstance(prefilter, dict):
            self.strings, self.pattern = (), regex.compile(prefilter["regex"])
        else:
            self.strings, self.pattern = tuple(sorted({s.lower() for s in prefilter})), None

    def passes(self, lower: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(lower) is not None
        for s in self.strings:  # a plain loop: cheaper than any() over a generator on this hot path
            if s in lower:
                return True
        return False


def prefilter_regex(prefilter) -> Prefilter | None:
    return Prefilter(prefilter) if prefilter else None


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
                if not pre.passes(lower):
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
