"""Per-path settings: `[[tool.reelcheck.overrides]]` (or `[[overrides]]` in reelcheck.toml), like ruff's
per-file settings and Vale's `[*.md]` sections.

    [[tool.reelcheck.overrides]]
    paths = ["scripts/id/**"]          # git-style patterns, relative to the configuration file's folder
    market = "id"                      # market(s), lang, sponsored, commercial, product, platform, account
    sponsored = true
    ignore = ["global.music"]          # select / ignore: rule ids or prefixes, for these files only
    severity = {"id.claims" = "warning"}   # rule id or prefix -> error | warning | info

What they declare about a file (market, sponsorship...) wins over the run's settings (the command line
and the configuration's top level) and yields to the file's own front matter or an archive record's
fields. `select` narrows the run's rules for those files (a rule the run left out stays out); `ignore`
leaves rules out; `severity` sets a rule's severity there (the longest matching id or prefix wins).
When several overrides match a file, they apply in the order written, a later one over an earlier one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pathspec

from .model import Meta, UsageError
from .vocabulary import SEVERITIES, selected_by

META_SETTINGS = ("market", "markets", "lang", "language", "sponsored", "commercial", "product", "platform", "account")
KEYS = ("paths", *META_SETTINGS, "select", "ignore", "severity", "severities")


@dataclass
class Override:
    where: str  # "reelcheck.toml: overrides[2]"
    spec: pathspec.GitIgnoreSpec
    meta: Meta
    declares_meta: bool
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)


def _names(value, where: str, key: str) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        if not isinstance(v, str):
            raise UsageError(f"{where}: {key} must be a rule id or prefix, or a list of them")
        out.extend(p.strip().lower() for p in v.split(",") if p.strip())
    return tuple(out)


def parse(data, config: Path) -> Overrides:
    """The `overrides` array of a configuration file; a UsageError names the file and the entry."""
    from .sources._segments import META_KEYS, meta_from_values

    if not isinstance(data, list):
        raise UsageError(f"{config}: overrides must be an array of tables ([[overrides]])")
    entries = []
    for i, item in enumerate(data, 1):
        where = f"{config}: overrides[{i}]"
        if not isinstance(item, dict):
            raise UsageError(f"{where}: must be a table with paths = [...]")
        unknown = sorted(set(item) - set(KEYS))
        if unknown:
            raise UsageError(f"{where}: unknown setting {unknown[0]!r} (known: {', '.join(KEYS)})")
        paths = item.get("paths")
        if isinstance(paths, str):
            paths = [paths]
        if not paths or not isinstance(paths, list) or not all(isinstance(p, str) and p.strip() for p in paths):
            raise UsageError(f"{where}: paths must be a non-empty list of patterns (e.g. [\"scripts/id/**\"])")
        values = {META_KEYS[k]: v for k, v in item.items() if k in META_SETTINGS}
        try:
            meta = meta_from_values(values)
        except ValueError as exc:
            raise UsageError(f"{where}: {exc}") from None
        severity = item.get("severity", item.get("severities", {}))
        if not isinstance(severity, dict):
            raise UsageError(f"{where}: severity must be a table of rule id or prefix = severity")
        for rule, sev in severity.items():
            if sev not in SEVERITIES:
                raise UsageError(f"{where}: severity of {rule!r} must be one of {', '.join(SEVERITIES)}, not {sev!r}")
        entries.append(Override(
            where=where, spec=pathspec.GitIgnoreSpec.from_lines(paths), meta=meta, declares_meta=bool(values),
            select=_names(item.get("select", []), where, "select"),
            ignore=_names(item.get("ignore", []), where, "ignore"),
            severity={str(k).lower(): v for k, v in severity.items()},
        ))
    return Overrides(str(config.resolve().parent), entries)


class Overrides:
    def __init__(self, base: str, entries: list[Override]):
        self.base = base
        self.entries = entries
        self._memo: dict[str, list[Override]] = {}

    def matching(self, path: str) -> list[Override]:
        """The overrides whose paths match `path` (a path as the user gave it, or found in a folder)."""
        found = self._memo.get(path)
        if found is None:
            if path == "-":
                found = []
            else:
                rel = Path(os.path.relpath(os.path.abspath(path), self.base)).as_posix()
                found = [] if rel.startswith("../") else [o for o in self.entries if o.spec.match_file(rel)]
            if len(self._memo) > 10_000:
                self._memo.clear()
            self._memo[path] = found
        return found

    def meta_for(self, path: str) -> Meta | None:
        """What the overrides matching `path` declare about it (a later one over an earlier one)."""
        meta = None
        for o in self.matching(path):
            if o.declares_meta:
                meta = o.meta if meta is None else meta.merged(o.meta)
        return meta

    def filter(self, doc: dict) -> dict:
        """A document's findings with the rule selection and severities of the overrides of its path."""
        findings = doc.get("findings")
        if not findings:
            return doc
        found = [o for o in self.matching(str(doc.get("path") or "-")) if o.select or o.ignore or o.severity]
        if not found:
            return doc
        kept = []
        for f in findings:
            rule = f["rule"]
            if any((o.select and not selected_by(rule, o.select)) or selected_by(rule, o.ignore) for o in found):
                continue
            severity = None
            for o in found:
                best = max((k for k in o.severity if selected_by(rule, (k,))), key=len, default=None)
                if best is not None:
                    severity = o.severity[best]
            if severity is not None and severity != f["severity"]:
                f = {**f, "severity": severity}
            kept.append(f)
        return {**doc, "findings": kept}
