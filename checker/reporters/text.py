"""Terminal output in the style of ruff and rustc: one block per finding, then a summary line."""

from __future__ import annotations

import unicodedata

from ..model import line_span
from ..vocabulary import SEVERITIES
from ._common import fix_text, header_notes, not_selling_line, obfuscation_text, printable
from .base import Reporter

_COLORS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_BOLD, _DIM, _RESET, _CYAN = "\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[36m"


def display_width(text: str) -> int:
    """Columns a terminal gives `text` (CJK and full-width characters take two, marks none)."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or ch in "\u200b\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def location(doc: dict, f: dict) -> str:
    path = doc["path"]
    if f.get("record") is not None or doc.get("record") is not None:
        record = f.get("record") or doc.get("record")
        field = f".{f['field']}" if f.get("field") else ""
        return printable(f"{path}#{record}{field}:{f['line']}:{f['column']}")
    return printable(f"{path}:{f['line']}:{f['column']}")


class TextReporter(Reporter):
    name = "text"
    needs_text = True

    def begin(self, header: dict) -> None:
        super().begin(header)
        self.counts = dict.fromkeys(SEVERITIES, 0)
        notes = header_notes(header)
        if notes:
            self.out.write("".join(f"{self._c(_DIM, note)}\n" for note in notes) + "\n")

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.options.color else text

    def document(self, doc: dict) -> None:
        for f in doc["findings"]:
            self.counts[f["severity"]] += 1
            self._finding(doc, f)

    def _finding(self, doc: dict, f: dict) -> None:
        w = self.out.write
        sev = f["severity"]
        where = location(doc, f)
        extra = []
        if f.get("cue") is not None:
            extra.append(f"cue {f['cue']} @ {f['time']}")
        if len(f["markets"]) > 1:
            extra.append("markets " + ", ".join(f["markets"]))
        tail = f"  ({'; '.join(extra)})" if extra else ""
        w(f"{self._c(_BOLD, where)}  {self._c(_BOLD, printable(f['rule']))}  {self._c(_COLORS[sev], sev)}  "
          f"{printable(f['message'] + tail)}\n")
        origin = doc.get("text") if f.get("field") is None else (doc.get("fields") or {}).get(f["field"])
        if origin is not None:
            self._snippet(origin, f)
        if f.get("obfuscation"):
            w(f"  {self._c(_CYAN, 'obfuscated:')} {printable(obfuscation_text(f))}\n")
        if f.get("signals"):
            w(f"  {self._c(_CYAN, 'signals:')} {printable(', '.join(f['signals']))}\n")
        if f.get("related"):  # other rules that flagged these words or words inside them
            w(f"  {self._c(_CYAN, 'also:')} {printable(', '.join(f['related']))}\n")
        w(f"  {self._c(_CYAN, 'why:')} {printable(f['rationale'])}\n")
        if f.get("suggestion"):
            w(f"  {self._c(_CYAN, 'try:')} {printable(f['suggestion'])}\n")
        if f.get("fix") is not None:
            safe = " (reelcheck check --fix applies it)" if f.get("fix_safe") else ""
            w(f"  {self._c(_CYAN, 'try:')} {printable(fix_text(f))}{safe}\n")
        if self.options.show_source:
            w(f"  {self._c(_DIM, 'source: ' + printable(f['source']))}\n")
        w("\n")

    def _snippet(self, origin: str, f: dict) -> None:
        start, end = f["start"], f["end"]
        line_start, line_end = line_span(origin, start)
        raw = origin[line_start:line_end].replace("\t", " ")
        line = printable(raw)  # (a caption's escape sequences are shown, never acted on)
        gutter = str(f["line"])
        pad = " " * len(gutter)
        lead = display_width(printable(raw[: start - line_start]))
        width = max(1, display_width(printable(origin[start : min(end, line_end)])))
        marks = "^" * width if end > start else "^ here"
        w = self.out.write
        w(f" {pad} {self._c(_DIM, '|')}\n")
        w(f" {self._c(_DIM, gutter)} {self._c(_DIM, '|')} {line}\n")
        w(f" {pad} {self._c(_DIM, '|')} {' ' * lead}{self._c(_COLORS[f['severity']], marks)}\n")

    def error(self, err: dict) -> None:
        pass  # input errors go to stderr, one line each (see runner)

    def end(self, summary: dict) -> None:
        total = summary["findings"]
        docs = summary["documents"]
        noun = "document" if docs == 1 else "documents"
        if total == 0:
            line = f"No problems found in {docs} {noun}."
        else:
            parts = []
            for sev in SEVERITIES:
                n = summary["by_severity"].get(sev, 0)
                if n:
                    label = sev if n == 1 or sev == "info" else sev + "s"
                    parts.append(self._c(_COLORS[sev], f"{n} {label}"))
            problems = "problem" if total == 1 else "problems"
            line = (
                f"Found {total} {problems} ({', '.join(parts)}) in "
                f"{summary['documents_with_findings']} of {docs} {noun}."
            )
        if summary.get("errors"):
            n = summary["errors"]
            line += f" {n} input error{'s' if n != 1 else ''} (see above)."
        self.out.write(line + "\n")
        quiet = summary.get("not_selling")
        if quiet:
            self.out.write(self._c(_DIM, not_selling_line(quiet, docs)) + "\n")
        guessed = (getattr(self, "header", None) or {}).get("guessed_fields")
        if guessed:
            self.out.write(guessed_line(guessed) + "\n")


def guessed_line(guessed: dict) -> str:
    """The summary's note on archive columns read by guess, with the option that names or refuses each."""
    option = {"markets": "market"}
    parts = [f"{key} from column {' / '.join(repr(c) for c in cols)}" for key, cols in sorted(guessed.items())]
    flags = ", ".join(f"--{option.get(k, k)}-field" for k in sorted(guessed))
    return f"Read by guess from archive columns: {'; '.join(parts)} (name them with {flags}, or 'none' to ignore)."
