"""`--format gitlab`: GitLab's code-quality report (a JSON array in the Code Climate format), which a
merge request shows as a widget when a CI job names it under `artifacts:reports:codequality`.

    [{"description": "...", "check_name": "us.claims.cure", "fingerprint": "...", "severity": "critical",
      "location": {"path": "scripts/a.md", "lines": {"begin": 7}}}, ...]

The fingerprint is the baseline's (`checker.baseline.fingerprint`, paths relative to the current folder,
which in CI is the repository's root): GitLab compares it between the branch and its target to tell new
findings from old, so it must not change when lines are inserted above a finding.
"""

from __future__ import annotations

import json

from ..baseline import document_identity, fingerprint
from ..vocabulary import CODE_QUALITY_SEVERITY
from .base import Reporter


class GitlabReporter(Reporter):
    name = "gitlab"
    needs_text = True  # (the fingerprint reads the flagged line)

    def begin(self, header: dict) -> None:
        super().begin(header)
        self.issues: list[dict] = []

    def document(self, doc: dict) -> None:
        path = document_identity({"path": doc.get("path")})
        for f in doc.get("findings") or ():
            record = doc.get("record") if doc.get("record") is not None else f.get("record")
            line = doc.get("record_line") if record is not None else f.get("line")
            description = f"{f.get('message') or f.get('rule')}"
            if f.get("text"):
                description += f": \u201c{f['text']}\u201d"
            if record is not None:
                description += f" (record {record}" + (f", field {f['field']})" if f.get("field") else ")")
            self.issues.append({
                "description": description,
                "check_name": f.get("rule"),
                "fingerprint": fingerprint(doc, f),
                "severity": CODE_QUALITY_SEVERITY.get(f.get("severity"), "info"),
                "location": {"path": path, "lines": {"begin": int(line or 1)}},
            })

    def end(self, summary: dict) -> None:
        self.out.write(json.dumps(self.issues, ensure_ascii=False, indent=2) + "\n")
