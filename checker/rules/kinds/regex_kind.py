"""`regex`: a regular expression on the normalized segment text (phone numbers, e-mails, prices).

Uses the `regex` module (Unicode-aware `\\b`, `\\p{Han}`). The literals a match needs are derived
from the pattern and screened for (`matcher.required_literals`); `prefilter` overrides them where a
pack knows better. Every run has the matcher's time limit.
"""

from __future__ import annotations

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
