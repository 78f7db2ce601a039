"""Small helpers shared by the reporters (labels, locations, rule links)."""

from __future__ import annotations

import re

from ..vocabulary import CATEGORY_LABELS, OBFUSCATION_LABELS, SEVERITY_LABELS

SEVERITY_ICON = {"error": "\u2716", "warning": "\u25b2", "info": "\u2139"}  # ✖ ▲ ℹ

_URL = re.compile(r"https?://[^\s<>\"']+")

# What a terminal or a CI log acts on instead of showing: C0 controls but tab (ESC starts escape sequences:
# clear screen, window title, OSC 52 clipboard writes; CR and LF start a new line, which GitHub Actions reads
# as a workflow command when it starts with `::`), DEL and C1 controls (CSI, OSC...), line and paragraph
# separators, and the bidirectional embeddings, overrides and isolates (they reorder what is shown).
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escaped(m: re.Match) -> str:
    ch = m.group(0)
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def printable(text) -> str:
    """`text` safe to show in a terminal or a log: control characters written as escapes (`\\n`, `\\x1b`,
    `\\u202e`), everything else as it is (tabs, CJK, Thai, emoji with their joiners)."""
    text = str(text)
    return _CONTROLS.sub(_escaped, text) if _CONTROLS.search(text) else text


def doc_label(doc: dict) -> str:
    """`path` for a file document, `path#record` for an archive record."""
    path = str(doc.get("path") or "-")
    record = doc.get("record")
    return f"{path}#{record}" if record not in (None, "") else path


def rule_market(rule_id: str) -> str:
    """The pack a rule comes from: the first part of its dotted id (`us.claims.cure` -> `us`)."""
    return rule_id.split(".", 1)[0] if rule_id else ""


def rule_docs_url(docs_url: str, rule_id: str) -> str:
    return f"{docs_url}{rule_market(rule_id)}.md#{rule_id}"


def split_source(source: str | None) -> tuple[str, str | None, str]:
    """Split a source reference into (text before the URL, URL or None, text after).

    Only http(s) URLs are recognised, so nothing else ever becomes a link target.
    """
    source = source or ""
    m = _URL.search(source)
    if not m:
        return source, None, ""
    url = m.group(0)
    # punctuation that ends a sentence is not part of the URL
    trimmed = url.rstrip(".,;:!?")
    if trimmed.endswith(")") and trimmed.count("(") < trimmed.count(")"):
        trimmed = trimmed[:-1]
    end = m.start() + len(trimmed)
    return source[: m.start()], trimmed, source[end:]


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category.replace("-", " ").replace("_", " ").capitalize())


def severity_label(severity: str) -> str:
    return SEVERITY_LABELS.get(severity, severity.capitalize())


def obfuscation_text(finding: dict) -> str | None:
    """`read as “cures acne” (written with separators between the letters)`: what obfuscated words
    were read as (None for words written plainly)."""
    ob = finding.get("obfuscation")
    if not ob:
        return None
    how = ", ".join(OBFUSCATION_LABELS.get(h, h) for h in ob.get("how") or ())
    return f"read as \u201c{ob.get('read_as', '')}\u201d" + (f" (written with {how})" if how else "")


def fix_text(finding: dict) -> str | None:
    """`“cures acne” -> “soothes the look of acne”`: the finding's words and the rule's replacement for
    them (None when the rule has none)."""
    if finding.get("fix") is None:
        return None
    return f"\u201c{finding.get('text') or ''}\u201d -> \u201c{finding['fix']}\u201d"


def where(finding: dict) -> str:
    """A short human description of where a finding is (`line 7, col 23`, `cue 3 at 00:00:03,200`)."""
    parts: list[str] = []
    if finding.get("field"):
        parts.append(f"field {finding['field']}")
    if finding.get("cue") is not None:
        cue = f"cue {finding['cue']}"
        if finding.get("time"):
            cue += f" at {finding['time']}"
        parts.append(cue)
    line, col = finding.get("line"), finding.get("column")
    if line is not None:
        parts.append(f"line {line}, col {col}" if col is not None else f"line {line}")
    return ", ".join(parts) if parts else "document"


def header_notes(header: dict) -> list[str]:
    """What a terminal report says before its findings: the configuration file, when it came from
    another folder (one found in a folder above is named, so that its settings are not a surprise), and
    each built-in rule a team pack replaced (`overrides: true`)."""
    notes = []
    config = header.get("config")
    if config and ("/" in config or "\\" in config):
        notes.append(f"Configuration: {printable(config)}")
    for item in header.get("overridden") or ():
        notes.append(f"Rule {printable(item['rule'])} is replaced by the {printable(item['pack'])} pack "
                     f"({printable(item['where'])})")
    return notes


def not_selling_line(quiet: int, docs: int) -> str:
    """The summary's note on documents read as selling nothing: the advertising-law rules said nothing
    about them, which a seller checking its own ads should know."""
    if quiet == docs == 1:
        return ("The text reads as selling nothing, so advertising-law rules (claims, prices, off-platform "
                "selling) were not applied; say --commercial if it sells.")
    return (f"{quiet} of {docs} documents read as selling nothing, so advertising-law rules (claims, prices, "
            "off-platform selling) were not applied to them; say --commercial if they sell.")
