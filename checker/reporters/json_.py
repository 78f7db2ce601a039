"""The JSON report (docs/report-format.md), written as it goes so memory stays flat.

Key order is fixed (header, documents, errors, summary) and every mapping inside is written with
sorted keys, so the same input always gives byte-identical output.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

from .base import Reporter

SCHEMA_VERSION = "1.0"


def dumps(value, indent: str = "") -> str:
    """`json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)`, each line after the first
    starting with `indent` as well. Written here because `json` encodes in Python, token by token, as
    soon as it indents (its C encoder does not indent): a report of thousands of documents spent more
    time here than reading their files. Only the newlines between tokens are indented (a string's
    U+2028 or U+0085, which `json` leaves as they are, is not a line break here)."""
    parts: list[str] = []
    _encode(value, "\n" + indent, parts.append)
    return "".join(parts)


def _encode(value, nl: str, out) -> None:
    """Append `value`'s JSON to `out`, its inner lines after `nl` (a newline and the indent so far)."""
    kind = type(value)
    if kind is str:
        out(encode_basestring(value))
    elif kind is dict and all(type(k) is str for k in value):
        if not value:
            out("{}")
            return
        inner = nl + "  "
        sep = "{" + inner
        for key in sorted(value):
            out(sep)
            out(encode_basestring(key))
            out(": ")
            _encode(value[key], inner, out)
            sep = "," + inner
        out(nl + "}")
    elif kind is list or kind is tuple:
        if not value:
            out("[]")
            return
        inner = nl + "  "
        sep = "[" + inner
        for item in value:
            out(sep)
            _encode(item, inner, out)
            sep = "," + inner
        out(nl + "]")
    elif value is None:
        out("null")
    elif value is True:
        out("true")
    elif value is False:
        out("false")
    elif kind is int:
        out(int.__repr__(value))
    else:  # floats, subclasses, keys that are not strings: json itself (its only raw newlines indent)
        out(json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2).replace("\n", nl))


class JsonReporter(Reporter):
    name = "json"

    def begin(self, header: dict) -> None:
        super().begin(header)
        w = self.out.write
        w("{\n")
        for key in ("schema_version", "tool", "markets", "packs", "guessed_fields", "overridden", "config"):
            if key in header:  # (the last three only when there is something to say)
                w(f'  "{key}": {dumps(header[key], "  ")},\n')
        w('  "documents": [')
        self._first = True
        self._errors: list[dict] = []

    def document(self, doc: dict) -> None:
        if not self.options.include_text:
            doc = {k: v for k, v in doc.items() if k not in ("text", "fields")}
        self.out.write(("\n    " if self._first else ",\n    ") + dumps(doc, "    "))
        self._first = False

    def error(self, err: dict) -> None:
        self._errors.append(err)

    def end(self, summary: dict) -> None:
        w = self.out.write
        w("\n  ],\n" if not self._first else "],\n")
        w(f'  "errors": {dumps(self._errors, "  ")},\n')
        w(f'  "summary": {dumps(summary, "  ")}\n')
        w("}\n")
