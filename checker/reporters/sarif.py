"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, VS Code, ...).

One run. `tool.driver.rules` holds one reporting descriptor per rule that produced a finding (in
order of first use); each result points at it by `ruleId` and `ruleIndex`. Regions use the report's
lines and columns (code points, so `columnKind` is `unicodeCodePoints`); `endColumn` is the column
after the last character, as SARIF wants. For archive records the region is the record's line in the
archive and the record and field are named in a logical location.
"""

from __future__ import annotations

import hashlib
import json
import os
from urllib.parse import quote

from ..vocabulary import SEVERITY_RANK
from ._common import category_label, fix_text, rule_docs_url, rule_market, split_source
from .base import Reporter

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SECURITY_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
INFORMATION_URI = "https://github.com/reelcheck/reelcheck"


SRCROOT = "%SRCROOT%"  # the uriBaseId of relative paths: the folder reelcheck ran in


def artifact_uri(path: str) -> str:
    """A relative URI reference for a relative path as the user gave it: everything but letters, digits,
    `-._~` and `/` percent-encoded, `:` too, so that no name (`javascript:alert(1).txt`) reads as a scheme."""
    path = (path or "-").replace("\\", "/")
    return quote(path, safe="/")


def artifact_location(path: str) -> dict:
    """`{"uri": ..., "uriBaseId": "%SRCROOT%"}` for a path relative to the folder reelcheck ran in (an
    absolute one inside it is made relative); an absolute `file:` URI for a path outside it."""
    path = path or "-"
    if path != "-" and os.path.isabs(path):
        relative = os.path.relpath(path)
        if relative.startswith(".."):
            return {"uri": _file_uri(path)}
        path = relative
    return {"uri": artifact_uri(path), "uriBaseId": SRCROOT}


def _file_uri(path: str) -> str:
    path = path.replace("\\", "/")
    return "file://" + quote(path if path.startswith("/") else "/" + path, safe="/")


class SarifReporter(Reporter):
    name = "sarif"
    needs_text = False

    def __init__(self, out, options=None):
        super().__init__(out, options)
        self.header: dict = {}
        self._rules: dict[str, dict] = {}
        self._results: list[dict] = []
        self._notifications: list[dict] = []
        self._occurrences: dict[tuple, int] = {}

    # -- rules -------------------------------------------------------------------------------------
    def _rule_index(self, f: dict) -> int:
        rule_id = f.get("rule") or "unknown"
        known = self._rules.get(rule_id)
        if known is not None:
            if _rank(f.get("severity")) > _rank(known["_severity"]):
                known["_severity"] = f.get("severity")
                known["defaultConfiguration"]["level"] = LEVELS.get(f.get("severity"), "warning")
            return known["_index"]
        message = f.get("message") or rule_id
        rationale = f.get("rationale") or ""
        suggestion = f.get("suggestion")
        source = f.get("source") or ""
        help_text = [message, "", f"Why: {rationale}" if rationale else ""]
        help_md = [f"**{_md(message)}**", ""]
        if rationale:
            help_md.append(f"**Why:** {_md(rationale)}")
        if suggestion:
            help_text.append(f"Suggestion: {suggestion}")
            help_md += ["", f"**Suggestion:** {_md(suggestion)}"]
        if source:
            help_text.append(f"Source: {source}")
            pre, url, post = split_source(source)
            linked = _md(pre) + (f"[{_md(url)}]({url})" if url else "") + _md(post)
            help_md += ["", f"**Source:** {linked}"]
        category = f.get("category") or ""
        descriptor = {
            "id": rule_id,
            "name": _rule_name(rule_id),
            "shortDescription": {"text": message},
            "fullDescription": {"text": f"{message.rstrip('.')}. {rationale}" if rationale else message},
            "help": {
                "text": "\n".join(line for line in help_text if line is not None).strip(),
                "markdown": "\n".join(help_md).strip(),
            },
            "helpUri": rule_docs_url(self.options.docs_url, rule_id),
            "defaultConfiguration": {"level": LEVELS.get(f.get("severity"), "warning")},
            "properties": {
                "category": category,
                "market": rule_market(rule_id),
                "tags": sorted({t for t in (category, category_label(category), rule_market(rule_id)) if t}),
                "problem.severity": SECURITY_SEVERITY.get(f.get("severity"), "warning"),
            },
            "_index": len(self._rules),
            "_severity": f.get("severity"),
        }
        self._rules[rule_id] = descriptor
        return descriptor["_index"]

    # -- results -----------------------------------------------------------------------------------
    def document(self, doc: dict) -> None:
        path = doc.get("path") or "-"
        record = doc.get("record")
        for f in doc.get("findings") or ():
            index = self._rule_index(f)
            rule_id = f.get("rule") or "unknown"
            message = f.get("message") or rule_id
            if f.get("text"):
                message += f": \u201c{f['text']}\u201d"
            if f.get("suggestion"):
                message += f" Suggestion: {f['suggestion']}"
            rec = record if record is not None else f.get("record")
            region = _region(doc, f, rec)
            physical: dict = {"artifactLocation": artifact_location(path)}
            if region:
                physical["region"] = region
            location: dict = {"physicalLocation": physical}
            if rec is not None:
                name = str(rec) + (f".{f['field']}" if f.get("field") else "")
                location["logicalLocations"] = [{"name": name, "fullyQualifiedName": f"{path}#{name}",
                                                 "kind": "object"}]
            key = (path, str(rec), f.get("field"), rule_id, f.get("text") or "")
            seen = self._occurrences.get(key, 0)
            self._occurrences[key] = seen + 1
            digest = hashlib.sha256("\x1f".join([*map(str, key), str(seen)]).encode("utf-8")).hexdigest()
            props = {
                k: f[k] for k in ("category", "markets", "segment", "language", "cue", "time", "field",
                                  "related", "signals")
                if f.get(k) not in (None, [], "")
            }
            if rec is not None:
                props["record"] = rec
                props["fieldLine"], props["fieldColumn"] = f.get("line"), f.get("column")
            if f.get("suggestion"):
                props["suggestion"] = f["suggestion"]
            if f.get("obfuscation"):  # the words were written to get past a filter
                props["obfuscated"] = True
                props["readAs"] = f["obfuscation"]["read_as"]
                props["obfuscation"] = list(f["obfuscation"]["how"])
            result = {
                "ruleId": rule_id,
                "ruleIndex": index,
                "level": LEVELS.get(f.get("severity"), "warning"),
                "message": {"text": message},
                "locations": [location],
                "partialFingerprints": {"reelcheckFinding/v1": digest[:32]},
                "properties": props,
            }
            fix = _fix(path, f, region) if rec is None else None
            if fix is not None:
                result["fixes"] = [fix]
            self._results.append(result)

    def error(self, err: dict) -> None:
        physical: dict = {"artifactLocation": artifact_location(err.get("path") or "-")}
        if err.get("line") is not None:
            physical["region"] = {"startLine": max(1, int(err["line"]))}
            if err.get("column") is not None:
                physical["region"]["startColumn"] = max(1, int(err["column"]))
        message = err.get("message") or "input error"
        if err.get("record") is not None:
            message += f" (record {err['record']})"
        self._notifications.append({
            "level": "error",
            "message": {"text": message},
            "locations": [{"physicalLocation": physical}],
        })

    def end(self, summary: dict) -> None:
        tool = (self.header or {}).get("tool") or {}
        rules = []
        for descriptor in self._rules.values():
            rules.append({k: v for k, v in descriptor.items() if not k.startswith("_")})
        invocation: dict = {"executionSuccessful": True}
        if self._notifications:
            invocation["toolExecutionNotifications"] = self._notifications
        run = {
            "tool": {
                "driver": {
                    "name": tool.get("name") or "reelcheck",
                    "version": str(tool.get("version") or "0"),
                    "informationUri": tool.get("informationUri") or INFORMATION_URI,
                    "rules": rules,
                }
            },
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": _file_uri(os.getcwd()).rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": self._results,
            "properties": {
                "markets": list((self.header or {}).get("markets") or ()),
                "packs": [
                    {k: p.get(k) for k in ("market", "name", "version") if p.get(k) is not None}
                    for p in (self.header or {}).get("packs") or ()
                ],
                "summary": {k: v for k, v in (summary or {}).items() if isinstance(v, int | str)},
                **{k: (self.header or {})[k] for k in ("overridden", "config") if k in (self.header or {})},
            },
        }
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        self.out.write(json.dumps(log, ensure_ascii=False, indent=2))
        self.out.write("\n")


def _region(doc: dict, f: dict, record) -> dict | None:
    empty = f.get("start") == f.get("end")
    if record is not None:
        # the finding's lines and columns are inside the field value; the record's line is in the file
        region: dict = {}
        if doc.get("record_line"):
            region["startLine"] = int(doc["record_line"])
        if f.get("text"):
            region["snippet"] = {"text": f["text"]}
        return region or None
    line, col = f.get("line"), f.get("column")
    region = {}
    if line:
        region["startLine"] = int(line)
        if col:
            region["startColumn"] = int(col)
        end_line, end_col = f.get("end_line"), f.get("end_column")
        if empty:
            region["endLine"] = int(line)
            if col:
                region["endColumn"] = int(col)
        elif end_line:
            region["endLine"] = int(end_line)
            if end_col:
                region["endColumn"] = int(end_col) + 1  # SARIF: the column after the last character
    if isinstance(f.get("start"), int) and isinstance(f.get("end"), int) and f["end"] >= f["start"] >= 0:
        region["charOffset"] = f["start"]
        region["charLength"] = f["end"] - f["start"]
    if f.get("text"):
        region["snippet"] = {"text": f["text"]}
    return region or None


def _fix(path: str, f: dict, region: dict | None) -> dict | None:
    """The rule's replacement for the finding's words as a SARIF fix: one change to the file, the
    finding's region replaced by `fix`. Only for a file document (an archive record's region is its line,
    not the words, whose offsets count in the field value)."""
    if f.get("fix") is None or not region or "startColumn" not in region or f.get("start") == f.get("end"):
        return None
    deleted = {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength")
               if k in region}
    return {
        "description": {"text": f"Replace: {fix_text(f)}"},
        "artifactChanges": [{
            "artifactLocation": artifact_location(path),
            "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": f["fix"]}}],
        }],
    }


def _rank(severity) -> int:
    return SEVERITY_RANK.get(severity, 0)


def _rule_name(rule_id: str) -> str:
    """`us.claims.cure` -> `UsClaimsCure` (SARIF's readable name; the id stays the key)."""
    parts = [p for chunk in rule_id.split(".") for p in chunk.replace("_", "-").split("-") if p]
    return "".join(p[:1].upper() + p[1:] for p in parts) or rule_id


def _md(text: str) -> str:
    """Escape Markdown control characters in plain text."""
    out = []
    for ch in text or "":
        if ch in "\\`*_{}[]()<>#+!|":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)
