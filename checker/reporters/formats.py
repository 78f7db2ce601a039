"""The registry of output formats: `get_reporter("sarif")` -> the Reporter class.

Every list of format names (the CLI's `--format` choices, `vocabulary.output_formats`) comes from
`REPORTERS`. Modules are imported on first use, so a run that writes CSV never imports jinja2.
"""

from __future__ import annotations

from importlib import import_module

from ..model import UsageError
from .base import Reporter

#: format name -> (module under checker.reporters, class name), in the order `--format` lists them
REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("text", "TextReporter"),
    "json": ("json_", "JsonReporter"),
    "html": ("html", "HtmlReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GithubReporter"),
    "junit": ("junit", "JunitReporter"),
    "csv": ("csv_", "CsvReporter"),
    "jsonl": ("jsonl", "JsonlReporter"),
}
#: reporters a command picks itself, never named by the user (`audit`'s terminal summary)
INTERNAL: dict[str, tuple[str, str]] = {"summary": ("summary", "AuditSummaryReporter")}


def formats() -> tuple[str, ...]:
    """Every format a user can name, in registry order."""
    return tuple(REPORTERS)


def get_reporter(name: str) -> type[Reporter]:
    try:
        module_name, class_name = REPORTERS.get(name) or INTERNAL[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}: choose one of {', '.join(formats())}") from None
    module = import_module(f"{__package__}.{module_name}")
    return getattr(module, class_name)
