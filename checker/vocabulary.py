"""The words reelcheck's parts share: severities, categories, products, accounts, platforms, segment kinds, fail-on
values, output formats, and how a dotted rule id is selected by prefixes.

Each list is written here once. The pack schema's enums (`rules.packs._validator`), the CLI's choices,
the reporters' labels and the evaluation scripts take them from here; output format names come from
the reporter registry (`reporters.formats.REPORTERS`), read through `output_formats`.
"""

from __future__ import annotations

from collections.abc import Iterable

#: severity -> its label, most severe first
SEVERITY_LABELS = {"error": "Error", "warning": "Warning", "info": "Info"}
SEVERITIES = tuple(SEVERITY_LABELS)
SEVERITY_RANK = {severity: len(SEVERITIES) - i for i, severity in enumerate(SEVERITIES)}  # info 1 .. error 3
#: `--fail-on`: a severity, or never
FAIL_ON = (*SEVERITIES, "never")

#: how words were written to get past a filter (`evasion.CLASSES`) -> what a report calls it
OBFUSCATION_LABELS = {
    "invisible": "invisible characters",
    "homoglyph": "look-alike letters of another script",
    "leet": "digits or symbols for letters",
    "separator": "separators between the letters",
    "spacing": "letters spaced out",
    "repeat": "repeated letters",
    "split": "a word split in two",
    "digits": "digits spaced out",
    "numeral": "a digit for a Chinese numeral",
    "unaccented": "no diacritics",
    "traditional": "traditional characters",
}


#: severity -> GitLab code-quality severity (info, minor, major, critical, blocker): an error would block the post
CODE_QUALITY_SEVERITY = {"error": "critical", "warning": "minor", "info": "info"}


def one_level_lower(severity: str) -> str:
    """error -> warning -> info (info stays info)."""
    return {"error": "warning", "warning": "info"}.get(severity, severity)

#: category -> its label
CATEGORY_LABELS = {
    "claim": "Claim",
    "disclosure": "Disclosure",
    "music": "Music",
    "taboo": "Taboo",
    "offplatform": "Off-platform",
    "pricing": "Pricing",
    "engagement": "Engagement",
    "restricted": "Restricted product",  # products a market or platform bars from ads (tobacco, gambling...)
    "suppression": "Suppression comment",  # reelcheck's own comments that do not do what they say
}
CATEGORIES = tuple(CATEGORY_LABELS)

#: what a post promotes (`--product`, a rule's `when.product`)
PRODUCTS = ("cosmetic", "supplement", "food", "medicine", "device", "alcohol", "apparel", "electronics", "other")
#: who posts it (`--account`, a rule's `when.account`)
ACCOUNTS = ("personal", "creator", "business")
#: where a post goes (`--platform`, a record's platform field, a rule's `when.platform`)
PLATFORMS = ("tiktok", "douyin", "reels", "instagram", "facebook", "shorts", "youtube", "kuaishou", "xiaohongshu",
             "shopee", "lazada", "tokopedia", "live")
#: what a segment of a document is: a spoken line, an on-screen super, a stage direction, a caption
SEGMENT_KINDS = ("spoken", "onscreen", "direction", "caption")


def output_formats() -> tuple[str, ...]:
    """The `--format` names, in the order the reporter registry lists them."""
    from .reporters.formats import formats

    return formats()


def closest(value: str, known: Iterable[str]) -> str:
    """` (did you mean 'x'?)` for the known word closest to a mistyped `value`, or ''."""
    import difflib

    found = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" (did you mean {found[0]!r}?)" if found else ""


def selected_by(rule_id: str, prefixes: Iterable[str]) -> bool:
    """Whether `rule_id` is one of `prefixes` or under one of them, dot by dot: `us.claims` selects
    `us.claims.cure` but not `us.claimsx.cure`; a prefix may end with a dot (`us.claims.`), and the
    empty prefix selects every rule."""
    for prefix in prefixes:
        prefix = prefix.rstrip(".")
        if not prefix or rule_id == prefix or rule_id.startswith(prefix + "."):
            return True
    return False
