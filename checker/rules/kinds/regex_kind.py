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
        group = rule.spec.get("group")
        if group is not None and (
            (isinstance(group, int) and group > compiled.groups)
            or (isinstance(group, str) and group not in compiled.groupindex)
        ):
            raise ValueError(f"field 'group': the regex has no group {group!r}")


class CompiledRegexes:
    keys = None  # no cheap prefilter: every regex runs on every segment of its language

    def __init__(self, rules, lang: str):
        self.items = []
        for rule in rules:
            source = regex_for(rule, lang)
            if source is not None:
                self.items.append((rule, regex.compile(source), rule.spec.get("group") or 0))

    def find(self, ctx: MatchContext) -> list[Hit]:
        hits = []
        for rule, rx, group in self.items:
            if rule.id not in ctx.active:
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
