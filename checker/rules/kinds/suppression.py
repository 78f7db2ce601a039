"""`suppression`: a suppression comment (`<!-- reelcheck: ignore[...] -->`) naming a rule or prefix
that no loaded pack has. It suppresses nothing, which its author did not mean (a typo, or a rule
renamed since): each such name is a finding `<rule id>.unknown-rule` over the name, with the closest
known id suggested. Like ruff's unused-noqa check, it is a rule, so it can be selected, ignored or
given another severity like any other."""

from __future__ import annotations

from ...model import Segment
from ...suppress import comments
from ..matching import Mark

FIELDS: dict = {}
REQUIRED: tuple = ()


def matchers(rule, lang: str) -> dict:
    return {}  # (nothing to find in the segments: the comments are read from the whole text)


def judge(rule, severity: str, evidence) -> list[tuple[str, str, str, Mark | None, list[str]]]:
    text, names = evidence.text, evidence.names
    if not text or names is None or "reelcheck:" not in text:
        return []
    whole = None
    out = []
    for comment in comments(text):
        for name, start, end in comment.names:
            unknown = names.unknown([name]) if name else []
            if not unknown:
                continue
            if whole is None:
                whole = Segment.whole(text, kind="direction")
            mark = Mark("unknown-rule", rule.id, name, text[start:end], whole, -1, start, end, None)
            message = f"The suppression comment names an unknown rule {unknown[0]}; it suppresses nothing"
            out.append(("unknown-rule", severity, message, mark, []))
    return out
