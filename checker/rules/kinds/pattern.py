"""`pattern`: spaCy token patterns, for claims with numbers or open slots.

A pattern runs on a segment only when the segment holds one of its literal words (or a literal its
REGEX token needs): every pattern must have such a required token (`matcher.pattern_needles`).
"""

from __future__ import annotations

_PATTERNS = {"type": "array", "items": {"type": "array", "items": {"type": "object"}, "minItems": 1}, "minItems": 1}
FIELDS = {"patterns": {"oneOf": [_PATTERNS, {"type": "object", "minProperties": 1, "additionalProperties": _PATTERNS}]}}
REQUIRED = ("patterns",)
