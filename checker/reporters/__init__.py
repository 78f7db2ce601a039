"""Stage 7: reporters. Every format streams a run through the Reporter interface (base.py); the
format names and their classes are registered in formats.py."""

from __future__ import annotations

from .base import Reporter, ReportOptions
from .formats import get_reporter

__all__ = ["Reporter", "ReportOptions", "get_reporter"]
