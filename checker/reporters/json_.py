"""The JSON report (docs/report-format.md), written as it goes so memory stays flat.

Key order is fixed (header, documents, errors, summary) and every mapping inside is written with
sorted keys, so the same input always gives byte-identical output.
"""

from __future__ import annotations

import json

from .base import Reporter

SCHEMA_VERSION = "1.0"


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


class JsonReporter(Reporter):
    name = "json"

    def begin(self, header: dict) -> None:
        super().begin(header)
        w = self.out.write
        w("{\n")
        for key in ("schema_version", "tool", "markets", "packs", "guessed_fields", "overridden", "config"):
            if key in header:  # (the last three only when there is something to say)
                w(f'  "{key}": {_indent(dumps(header[key]), "  ").lstrip()},\n')
        w('  "documents": [')
        self._first = True
        self._errors: list[dict] = []

    def document(self, doc: dict) -> None:
        if not self.options.include_text:
            doc = {k: v for k, v in doc.items() if k not in ("text", "fields")}
        self.out.write(("\n" if self._first else ",\n") + _indent(dumps(doc)))
        self._first = False

    def error(self, err: dict) -> None:
        self._errors.append(err)

    def end(self, summary: dict) -> None:
        w = self.out.write
        w("\n  ],\n" if not self._first else "],\n")
        w(f'  "errors": {_indent(dumps(self._errors), "  ").lstrip()},\n')
        w(f'  "summary": {_indent(dumps(summary), "  ").lstrip()}\n')
        w("}\n")
