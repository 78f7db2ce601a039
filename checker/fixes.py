"""`reelcheck check --fix` and `--diff`: the safe replacements of the findings, written into the scripts.

A finding carries a `fix` when its rule has a `replacements` entry for the flagged words, and `fix_safe`
when the pack marks that entry `safe: true` (a rewording that reads right wherever the rule flags those
words, and claims nothing new). Only those are applied, and only to text and Markdown files named or
found in folders: never to standard input, to subtitles (a cue's text is bound to its timing: a longer
line may not fit its time on screen) or to archives (a caption archive is an export, not the source).

- `--fix` writes each file in place (through a temporary file, renamed over it; the file's encoding,
  byte-order mark and line endings are kept) when it still holds what was checked, and leaves the fixed
  findings out of the report: what is reported is what is left to do.
- `--diff` writes nothing: it prints a unified diff per file on stdout instead of the report, and the
  findings it would fix are left out as with `--fix`.

Two fixes that overlap are not both applied: the first (in the text) is, the other stays reported.
"""

from __future__ import annotations

import difflib
import os
import sys
import tempfile

FIXABLE_FORMATS = ("text", "markdown")


def planned(doc: dict) -> list[dict]:
    """The findings of `doc` that `--fix` applies, in text order, none overlapping another."""
    if doc.get("format") not in FIXABLE_FORMATS or doc.get("path") in (None, "-") or doc.get("text") is None:
        return []
    chosen: list[dict] = []
    end = -1
    candidates = [f for f in doc.get("findings") or () if f.get("fix_safe") and f.get("fix") is not None
                  and f.get("field") is None and f["end"] > f["start"]]
    for f in sorted(candidates, key=lambda f: (f["start"], f["end"])):
        if f["start"] < end:
            continue
        chosen.append(f)
        end = f["end"]
    return chosen


def apply(text: str, fixes: list[dict]) -> str:
    """`text` with each fix's `fix` written over `text[start:end]` (fixes in order, not overlapping)."""
    out, pos = [], 0
    for f in fixes:
        out.append(text[pos:f["start"]])
        out.append(f["fix"])
        pos = f["end"]
    out.append(text[pos:])
    return "".join(out)


def unified_diff(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
    return text


class Fixer:
    """A session filter: fixes a document's safe findings (or shows them), and reports the rest."""

    def __init__(self, write: bool, out=None):
        self.write = write
        self.out = out  # where --diff writes (default: stdout)
        self.fixed = 0  # findings fixed (or that would be)
        self.files = 0
        self.failed: list[str] = []  # files that could not be written, with why

    def __call__(self, doc: dict) -> dict:
        fixes = planned(doc)
        if not fixes:
            return doc
        path, before = doc["path"], doc["text"]
        after = apply(before, fixes)
        if self.write:
            problem = write_back(path, before, after)
            if problem:
                self.failed.append(f"{path}: {problem}")
                return doc
        else:
            (self.out or sys.stdout).write(unified_diff(path, before, after))
        self.fixed += len(fixes)
        self.files += 1
        done = {id(f) for f in fixes}
        return {**doc, "findings": [f for f in doc["findings"] if id(f) not in done]}

    def finish(self, err) -> None:
        for line in self.failed:
            print(f"reelcheck: warning: not fixed: {line}", file=err)
        n, files = self.fixed, self.files
        problems = f"{n} problem{'s' if n != 1 else ''}"
        where = f"in {files} file{'s' if files != 1 else ''}"
        if self.write:
            print(f"reelcheck: fixed {problems} {where}" if n else "reelcheck: nothing to fix", file=err)
        else:
            print(f"reelcheck: --fix would fix {problems} {where}" if n else "reelcheck: nothing to fix", file=err)


def write_back(path: str, before: str, after: str) -> str | None:
    """Write `after` over the file at `path` if it still decodes to `before`; None, or why not."""
    from .sources._io import ReadFailure, decode_all, sniff

    try:
        with open(path, "rb") as fh:
            data = fh.read()
        encoding, bom = sniff(data[:4096])
        if decode_all(data) != before:
            return "the file changed since it was read"
        encoded = data[:bom] + after.encode(encoding)
        folder = os.path.dirname(os.path.abspath(path))
        mode = os.stat(path).st_mode & 0o7777
        fd, tmp = tempfile.mkstemp(prefix=".reelcheck-fix-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(encoded)
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.remove(tmp)
            except OSError:
                pass
            raise
    except (OSError, ReadFailure, UnicodeEncodeError) as exc:
        return f"cannot write: {getattr(exc, 'strerror', None) or exc}"
    return None
