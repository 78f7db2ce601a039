"""Inline suppression comments: where they are and which rules they name.

`<!-- reelcheck: ignore[rule, prefix] why -->` (Markdown, text) or `NOTE reelcheck: ignore[...]`
(WebVTT); `ignore-file` covers the whole file, no brackets means every rule. The engine applies them
(`engine.apply_suppressions`); the `suppression` rule kind reports a name no rule has."""

from __future__ import annotations

from dataclasses import dataclass

import regex

SUPPRESS = regex.compile(
    r"<!--\s*reelcheck:\s*(ignore-file|ignore)(?:\[([^\]]*)\])?[^>]*?-->"
    r"|(?:^|(?<=\r))NOTE\s+reelcheck:\s*(ignore-file|ignore)(?:\[([^\]]*)\])?",  # (after a lone CR too)
    regex.M)


@dataclass(slots=True)
class Comment:
    whole_file: bool
    start: int  # the comment's offsets in the text
    end: int
    names: list[tuple[str, int, int]]  # (rule id or prefix, start, end); ("", start, start): every rule


def comments(text: str) -> list[Comment]:
    out = []
    for m in SUPPRESS.finditer(text):
        group = 2 if m.group(1) else 4
        what = m.group(1) or m.group(3)
        names = []
        if m.group(group):
            at = m.start(group)
            for part in regex.finditer(r"[^,]+", m.group(group)):
                name = part.group().strip()
                if name:
                    s = at + part.start() + part.group().index(name)
                    names.append((name, s, s + len(name)))
        out.append(Comment(what == "ignore-file", m.start(), m.end(), names or [("", m.start(), m.start())]))
    return out
