"""`--format github`: GitHub Actions workflow commands, one annotation per finding.

    ::error file=scripts/a.md,line=7,col=23,endLine=7,endColumn=32,title=us.claims.cure::Disease claim ...

error -> `::error`, warning -> `::warning`, info -> `::notice`. Values are escaped as GitHub's
toolkit does it: `%`, CR and LF everywhere, and also `:` and `,` inside properties.
"""

from __future__ import annotations

from ._common import fix_text, printable
from .base import Reporter

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """GitHub's escaping, then any other control character as a visible escape (`\\x1b`): a log shows
    it, never acts on it."""
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict, message: str) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


class GithubReporter(Reporter):
    name = "github"
    needs_text = False

    def document(self, doc: dict) -> None:
        lines = []
        for f in doc.get("findings") or ():
            lines.append(self._finding(doc, f))
        if lines:
            self.out.write("\n".join(lines) + "\n")

    def _finding(self, doc: dict, f: dict) -> str:
        props: dict = {"file": doc.get("path")}
        record = doc.get("record") if doc.get("record") is not None else f.get("record")
        if record is not None:
            # line/column of a record finding are inside the field value: point at the record's line
            props["line"] = doc.get("record_line")
        else:
            props["line"] = f.get("line")
            props["col"] = f.get("column")
            if f.get("end") != f.get("start") and f.get("end_line") is not None:
                props["endLine"] = f["end_line"]
                if f["end_line"] == f.get("line"):  # GitHub takes an end column on a one-line span only
                    props["endColumn"] = f.get("end_column")
        props["title"] = f.get("rule")
        message = f.get("message") or f.get("rule") or "finding"
        text = f.get("text")
        if text:
            message += f": \u201c{text}\u201d"
        extra = []
        if record is not None:
            extra.append(f"record {record}" + (f", field {f['field']}" if f.get("field") else ""))
        if f.get("cue") is not None:
            extra.append(f"cue {f['cue']}" + (f" at {f['time']}" if f.get("time") else ""))
        if extra:
            message += " (" + "; ".join(extra) + ")"
        if f.get("suggestion"):
            message += "\nSuggestion: " + f["suggestion"]
        if f.get("fix") is not None:
            message += "\nFix: " + fix_text(f)
        return command(COMMANDS.get(f.get("severity"), "warning"), props, message)

    def error(self, err: dict) -> None:
        props = {"file": err.get("path"), "line": err.get("line"), "col": err.get("column"),
                 "title": "reelcheck input error"}
        message = err.get("message") or "input error"
        if err.get("record") is not None:
            message += f" (record {err['record']})"
        self.out.write(command("error", props, message) + "\n")
