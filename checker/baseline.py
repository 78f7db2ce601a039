"""Baselines: the findings a team already has, recorded so that CI reports only new ones.

    reelcheck baseline scripts/ captions.csv -o .reelcheck-baseline.json
    reelcheck check scripts/ captions.csv --baseline .reelcheck-baseline.json

A finding is known by its *fingerprint* (`fingerprint`): a hash of

- the rule id,
- the document's identity: its path relative to the baseline file's folder (``/`` separated), and for an
  archive record its record id and field,
- the words it flagged, and the line they are on (both case-folded, white space collapsed).

Line and column numbers are left out, so inserting or deleting lines above a finding does not bring it
back; editing the flagged line itself does (it is a new sentence: it deserves a new look). A finding
without words (a missing disclosure, which points at the start of the document) is known by its rule and
document alone. The same words flagged twice on identical lines are two entries with one fingerprint:
the baseline is a multiset, and a third occurrence is new.

The file (docs/ci.md shows one) is JSON: ``{"version": 1, "tool": "reelcheck", "findings": [...]}``, one
entry per finding, sorted: ``fingerprint``, ``rule``, ``path``, ``record`` (archives), ``text`` (the
words, for a person reading the file; only the fingerprint is compared).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from .model import UsageError, line_span

VERSION = 1


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def document_identity(doc: dict, base: str | None = None) -> str:
    """`scripts/a.md`, `captions.csv#v123`: the document's path relative to `base` (default: the
    current folder), and its record id."""
    path = str(doc.get("path") or "-")
    if path != "-":
        try:
            path = os.path.relpath(os.path.abspath(path), os.path.abspath(base or "."))
        except ValueError:  # (another drive on Windows)
            path = os.path.abspath(path)
        path = Path(path).as_posix()
    record = doc.get("record")
    return f"{path}#{record}" if record not in (None, "") else path


def _line_at(origin: str | None, start: int) -> str:
    if not origin or start is None or start > len(origin):
        return ""
    s, e = line_span(origin, start)
    return origin[s:e]


def fingerprint(doc: dict, finding: dict, base: str | None = None) -> str:
    """A finding's stable fingerprint (see the module docstring): 16 bytes of SHA-256, in hex."""
    identity = document_identity(doc, base)
    record = doc.get("record") if doc.get("record") is not None else finding.get("record")
    if record is not None and doc.get("record") is None:
        identity += f"#{record}"
    field = finding.get("field")
    words = finding.get("text") or ""
    if words:
        origin = (doc.get("fields") or {}).get(field) if field is not None else doc.get("text")
        context = _line_at(origin, finding.get("start"))
    else:
        context = ""
    parts = (finding.get("rule") or "", identity, field or "", _norm(words), _norm(context))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def entry(doc: dict, finding: dict, base: str | None) -> dict:
    e = {"fingerprint": fingerprint(doc, finding, base), "rule": finding.get("rule"),
         "path": document_identity({"path": doc.get("path")}, base)}
    record = doc.get("record") if doc.get("record") is not None else finding.get("record")
    if record is not None:
        e["record"] = str(record)
    e["text"] = finding.get("text") or ""
    return e


def dumps(entries: list[dict]) -> str:
    entries = sorted(entries, key=lambda e: (e["path"], e.get("record") or "", e["rule"] or "", e["fingerprint"]))
    data = {"version": VERSION, "tool": "reelcheck", "findings": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load(path: str) -> Counter:
    """Fingerprint -> how many findings have it. Raises UsageError naming the file for anything else."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such baseline file (write one with `reelcheck baseline PATHS -o {path}`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}:{exc.lineno}: the baseline is not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise UsageError(f"{path}: not a reelcheck baseline (expected an object with a \"findings\" list)")
    if data.get("version") != VERSION:
        raise UsageError(f"{path}: baseline version {data.get('version')!r} is not {VERSION}; write it again")
    counts: Counter = Counter()
    for i, e in enumerate(data["findings"]):
        fp = e.get("fingerprint") if isinstance(e, dict) else None
        if not isinstance(fp, str) or not fp:
            raise UsageError(f"{path}: baseline entry {i + 1} has no fingerprint")
        counts[fp] += 1
    return counts


class BaselineFilter:
    """Drops the findings a baseline has (each baseline entry matches one finding), and counts the
    entries left over: findings that no longer occur (fixed, or their line was edited)."""

    def __init__(self, path: str):
        self.path = path
        self.base = os.path.dirname(os.path.abspath(path))
        self.left = load(path)
        self.total = sum(self.left.values())
        self.matched = 0

    def __call__(self, doc: dict) -> dict:
        findings = doc.get("findings") or []
        if not findings:
            return doc
        kept = []
        for f in findings:
            fp = fingerprint(doc, f, self.base)
            if self.left.get(fp, 0) > 0:
                self.left[fp] -= 1
                self.matched += 1
            else:
                kept.append(f)
        if len(kept) == len(findings):
            return doc
        return {**doc, "findings": kept}

    @property
    def gone(self) -> int:
        return self.total - self.matched

    def note(self) -> str:
        gone = self.gone
        tail = (f"; {gone} baseline entr{'y' if gone == 1 else 'ies'} no longer occur (write the baseline "
                "again to drop them)") if gone else ""
        return f"reelcheck: baseline {self.path}: {self.matched} known finding{'s' if self.matched != 1 else ''} " \
               f"not reported{tail}"
