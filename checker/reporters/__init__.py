"""Stage 7: reporters. Every format streams a run through the Reporter interface (base.py)."""

from __future__ import annotations

from ..model import UsageError
from .base import Reporter, ReportOptions


def get_reporter(name: str) -> type[Reporter]:
    if name == "text":
        from .text import TextReporter

        return TextReporter
    if name == "summary":
        from .summary import AuditSummaryReporter

        return AuditSummaryReporter
    if name == "json":
        from .json_ import JsonReporter

        return JsonReporter
    try:
        from .formats import get_reporter as more
    except ImportError:  # pragma: no cover - formats.py ships with the package
        raise UsageError(f"output format {name!r} is not available") from None
    return more(name)


__all__ = ["Reporter", "ReportOptions", "get_reporter"]
