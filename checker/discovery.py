"""What a folder walk leaves out, as a repository's owner expects: what `.gitignore` and
`.reelcheckignore` ignore (git's own rules, through pathspec), virtual environments and dependency
folders, and the report being written.

    ignores = Ignores(root)            # the ignore files of root's repository above root, and root's own
    ignores.enter(folder, rel)         # a folder's own ignore files, as the walk goes into it
    ignores.why(rel, is_dir)           # "ignored by .gitignore:3", or None

Hidden files and folders (a name starting with ".") are left out by the walk itself.

The ignore files of a repository apply from the folder they are in down, later (deeper) files after
earlier ones, and the last pattern that matches decides (``!keep.md`` takes a file back), as in git; a
folder that is ignored is not walked, so nothing under it can be taken back. Above the folder walked,
the ignore files of the folders up to the repository's top (the folder holding ``.git``) apply too, so
`reelcheck check` in a subfolder leaves out what git leaves out.
"""

from __future__ import annotations

import os
import re
import stat

import pathspec

IGNORE_FILES = (".gitignore", ".reelcheckignore")

#: folders never walked: dependencies and tool caches whose files are nobody's scripts
SKIPPED_NAMES = {
    "node_modules": "dependencies",
    "__pycache__": "Python cache",
    "site-packages": "Python packages",
    "bower_components": "dependencies",
}


def skipped_folder(path: str, name: str) -> str | None:
    """Why a folder is not walked whatever the ignore files say (a virtual environment, dependencies),
    or None."""
    why = SKIPPED_NAMES.get(name)
    if why:
        return why
    if os.path.isfile(os.path.join(path, "pyvenv.cfg")) or os.path.isdir(os.path.join(path, "conda-meta")):
        return "virtual environment"
    return None


# (every pattern not anchored at the start names reelcheck: `report_head` relies on it)
_REPORT_HEAD = re.compile(
    r'"tool":\s*\{\s*"name":\s*"reelcheck"'  # JSON report
    r'|"driver":\s*\{\s*"name":\s*"reelcheck"'  # SARIF
    r'|^\[\s*\{\s*"description":.*"check_name":'  # GitLab code quality
    r'|"tool":\s*"reelcheck"'  # baseline
    r'|^\ufeff?document,record,field,line,column,cue,time,rule,'  # CSV
    r'|^\{"category":"[a-z]+","column":\d+,"end":\d+,'  # JSON Lines
    r'|^\S[^\n]*:\d+:\d+  [a-z]+\.[\w.\-]+  (?:error|warning|info)  '  # terminal text
    r'|^(?:No problems found in \d+ document|Records: \d+ read, )',
    re.DOTALL,
)


REPORT_HEAD_SIZE = 2048


def looks_like_report(path: str) -> bool:
    """Whether the file found in a folder is a report reelcheck wrote (its first 2 KB say so): an earlier
    `-o report.json` is not an archive of captions."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # never open a FIFO or a device to peek at it
        with open(path, "rb") as fh:
            head = fh.read(REPORT_HEAD_SIZE)
    except OSError:
        return False
    return report_head(head)


def report_head(data: bytes) -> bool:
    """Whether a file starting with `data` is a report reelcheck wrote (`looks_like_report` of a file
    read whole already: only its first 2 KB are looked at)."""
    head = data[:REPORT_HEAD_SIZE].decode("utf-8", errors="ignore")
    # (the patterns that may match past the start all name reelcheck: without it, only the start is tried)
    return bool(_REPORT_HEAD.search(head) if "reelcheck" in head else _REPORT_HEAD.match(head))


class _Layer:
    __slots__ = ("prefix", "spec", "sources")

    def __init__(self, prefix: str, spec: pathspec.GitIgnoreSpec, sources: list[tuple[str, int]]):
        self.prefix = prefix  # the folder of the ignore file, relative to the walk's root ("" or "a/b/")
        self.spec = spec
        self.sources = sources  # (file, line) of each pattern, for -v


class Ignores:
    """The ignore files that apply inside a walk of `root`."""

    def __init__(self, root: str):
        self.layers: list[_Layer] = []
        real = os.path.realpath(root)
        above: list[str] = []
        folder = real
        while True:
            if os.path.exists(os.path.join(folder, ".git")):
                break
            parent = os.path.dirname(folder)
            if parent == folder:
                above = []  # not in a repository: only the walked folder's own files
                break
            above.append(parent)
            folder = parent
        for ancestor in reversed(above):
            rel = os.path.relpath(real, ancestor).replace(os.sep, "/") + "/"
            self._load(ancestor, "", above_prefix=rel)
        self._load(real, "")

    def _load(self, folder: str, prefix: str, above_prefix: str | None = None) -> None:
        lines: list[str] = []
        sources: list[tuple[str, int]] = []
        for name in IGNORE_FILES:
            path = os.path.join(folder, name)
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    for number, line in enumerate(fh, 1):
                        lines.append(line.rstrip("\r\n"))
                        sources.append((path, number))
            except OSError:
                continue
        if not lines:
            return
        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        if above_prefix is not None:  # a file above the root: paths below the root are `above_prefix` + rel
            self.layers.append(_Layer("\0" + above_prefix, spec, sources))
        else:
            self.layers.append(_Layer(prefix, spec, sources))

    def enter(self, folder: str, rel: str) -> None:
        """Read the ignore files of `folder` (`rel`: its path under the root, ending with "/")."""
        if rel:
            self._load(folder, rel)

    def why(self, rel: str, is_dir: bool) -> str | None:
        """`ignored by .gitignore:3` when the last pattern matching `rel` ignores it, else None."""
        decided = None
        for layer in self.layers:
            if layer.prefix.startswith("\0"):
                path = layer.prefix[1:] + rel
            elif rel.startswith(layer.prefix):
                path = rel[len(layer.prefix):]
            else:
                continue
            result = layer.spec.check_file(path + "/" if is_dir else path)
            if result.include is not None:
                decided = (result.include, layer, result.index)
        if decided is None or not decided[0]:
            return None
        _, layer, index = decided
        file, line = layer.sources[index] if index is not None and index < len(layer.sources) else ("", 0)
        return f"ignored by {os.path.basename(file)}:{line}" if file else "ignored"
