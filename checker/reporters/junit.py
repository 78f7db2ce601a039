"""`--format junit`: JUnit XML for CI test dashboards.

One `<testsuite>` for the run, one `<testcase>` per document (name = path, or path#record for an
archive record), and one `<failure>` per finding at or above `--fail-on` (type = rule id). Findings
below the threshold are listed in the test case's `<system-out>`. Input errors are test cases with
an `<error>`. The suite's `tests`, `failures` and `errors` count test cases, as JUnit readers expect;
the number of failing findings is in the `findings_failing` property.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ._common import doc_label, fix_text, where
from .base import Reporter, at_or_above

# characters XML 1.0 cannot carry at all (even escaped)
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(value) -> str:
    if value is None:
        return ""
    return _XML_INVALID.sub("\ufffd", str(value))


class JunitReporter(Reporter):
    name = "junit"
    needs_text = False

    def __init__(self, out, options=None):
        super().__init__(out, options)
        self.header: dict = {}
        self._cases: list[ET.Element] = []
        self._tests = 0
        self._failed_cases = 0
        self._error_cases = 0
        self._failing_findings = 0

    def document(self, doc: dict) -> None:
        label = doc_label(doc)
        case = ET.Element("testcase", {"name": _clean(label), "classname": _clean(_classname(doc)), "time": "0"})
        below = []
        failing = 0
        for f in doc.get("findings") or ():
            if at_or_above(f.get("severity", "info"), self.options.fail_on):
                failing += 1
                failure = ET.SubElement(case, "failure", {
                    "message": _clean(_message(f)),
                    "type": _clean(f.get("rule")),
                })
                failure.text = _clean(_body(doc, f))
            else:
                below.append(f"{f.get('severity')}: {f.get('rule')}: {_message(f)} ({where(f)})")
        if below:
            ET.SubElement(case, "system-out").text = _clean("\n".join(below))
        self._tests += 1
        if failing:
            self._failed_cases += 1
            self._failing_findings += failing
        self._cases.append(case)

    def error(self, err: dict) -> None:
        name = str(err.get("path") or "-")
        if err.get("record") is not None:
            name += f"#{err['record']}"
        case = ET.Element("testcase", {"name": _clean(name), "classname": "reelcheck.input", "time": "0"})
        error = ET.SubElement(case, "error", {"message": _clean(err.get("message")), "type": "input-error"})
        where_ = str(err.get("path") or "-") + (f":{err['line']}" if err.get("line") is not None else "")
        if err.get("line") is not None and err.get("column") is not None:
            where_ += f":{err['column']}"
        error.text = _clean(f"{where_}: {err.get('message')}")
        self._tests += 1
        self._error_cases += 1
        self._cases.append(case)

    def end(self, summary: dict) -> None:
        tool = (self.header or {}).get("tool") or {}
        counts = {
            "tests": str(self._tests),
            "failures": str(self._failed_cases),
            "errors": str(self._error_cases),
            "skipped": "0",
            "time": "0",
        }
        root = ET.Element("testsuites", {"name": _clean(tool.get("name") or "reelcheck"), **counts})
        suite = ET.SubElement(root, "testsuite", {"name": _clean(tool.get("name") or "reelcheck"), **counts})
        props = ET.SubElement(suite, "properties")
        prop_values = [
            ("tool.version", tool.get("version")),
            ("fail_on", self.options.fail_on),
            ("markets", ",".join((self.header or {}).get("markets") or ())),
            ("findings", summary.get("findings")),
            ("findings_failing", self._failing_findings),
        ]
        for pack in (self.header or {}).get("packs") or ():
            prop_values.append((f"pack.{pack.get('market')}", pack.get("version")))
        for name, value in prop_values:
            if value is not None:
                ET.SubElement(props, "property", {"name": _clean(name), "value": _clean(value)})
        suite.extend(self._cases)
        ET.indent(root, space="  ")
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(ET.tostring(root, encoding="unicode"))
        self.out.write("\n")


def _classname(doc: dict) -> str:
    path = str(doc.get("path") or "-").replace("\\", "/")
    stem = path.rsplit("/", 1)[-1]
    return "reelcheck." + (stem.rsplit(".", 1)[0] if "." in stem else stem)


def _message(f: dict) -> str:
    message = f.get("message") or f.get("rule") or "finding"
    if f.get("text"):
        message += f": \u201c{f['text']}\u201d"
    return message


def _body(doc: dict, f: dict) -> str:
    lines = [f"{doc_label(doc)}, {where(f)}", f"{f.get('severity')} {f.get('rule')} ({f.get('category')})"]
    if f.get("markets"):
        lines.append("Markets: " + ", ".join(m.upper() for m in f["markets"]))
    if f.get("text"):
        lines.append(f"Text: {f['text']}")
    if f.get("rationale"):
        lines.append(f"Why: {f['rationale']}")
    if f.get("suggestion"):
        lines.append(f"Suggestion: {f['suggestion']}")
    if f.get("fix") is not None:
        lines.append(f"Fix: {fix_text(f)}")
    if f.get("source"):
        lines.append(f"Source: {f['source']}")
    return "\n".join(lines)
