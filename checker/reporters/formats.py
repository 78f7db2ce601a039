"""The registry of output formats: `get_reporter("sarif")` -> the Reporter class.

Modules are imported on first use, so a run that writes CSV never imports jinja2.
"""

from __future__ import annotations

from importlib import import_module

from ..model import UsageError
from .base import Reporter

#: format name -> (module under checker.reporters, class name)
REPORTERS: dict[str, tuple[str, str]] = {
    "html": ("html", "HtmlReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GithubReporter"),
    "junit": ("junit", "JunitReporter"),
    "csv": ("csv_", "CsvReporter"),
    "jsonl": ("jsonl", "JsonlReporter"),
}


def formats() -> tuple[str, ...]:
    """Every format name, sorted (for --format choices and help)."""
    return tuple(sorted(REPORTERS))


def get_reporter(name: str) -> type[Reporter]:
    try:
        module_name, class_name = REPORTERS[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}: choose one of {', '.join(formats())}") from None
    module = import_module(f"{__package__}.{module_name}")
    return getattr(module, class_name)
