"""`terms`: phrase lists, matched on whole tokens.

Templates (`{a|b}`, `[opt]`) and, with `match: lemma`, inflected forms are expanded when the pack is
compiled (`matcher.phrase_sequences`), so a caption costs one PhraseMatcher pass whatever the number
of phrases.
"""

from __future__ import annotations

_PHRASES = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
TERMS = {"oneOf": [_PHRASES, {"type": "object", "additionalProperties": _PHRASES, "minProperties": 1}]}
MODE = {"enum": ["lemma", "lower", "exact"]}

FIELDS = {"terms": TERMS, "match": MODE}
REQUIRED = ("terms",)
