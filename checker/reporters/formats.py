"""The registry of output formats: `get_reporter("sarif")` -> the Reporter class.

Every list of format names (the CLI's `--format` choices, `vocabulary.output_formats`) comes from
`REPORTERS`. Modules are imported on first use, so a run that writes CSV never imports jinja2.
"""

from __future__ import annotations

from importlib import import_module

from ..model import UsageError
from .base import Reporter

#: format name -> (module under checker.reporters, class name), in the order `--format` lists them
REPORTERS: dict[str, tuple[str, str]] = {
    "text": ("text", "TextReporter"),
    "json": ("json_", "JsonReporter"),
    "html": ("html", "HtmlReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GithubReporter"),
    "junit": ("junit", "JunitReporter"),
    "csv": ("csv_", "CsvReporter"),
    "jsonl": ("jsonl", "JsonlReporter"),
    "gitlab": ("gitlab", "GitlabReporter"),
}
#: format name -> the file extensions it is written to, the first one its own (`-o report.html` picks html);
#: an extension listed by two formats belongs to the first (`.json` is json; gitlab writes JSON too)
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text", ".log"),
    "json": (".json",),
    "html": (".html", ".htm"),
    "sarif": (".sarif", ".sarif.json"),
    "github": (),
    "junit": (".xml", ".junit.xml"),
    "csv": (".csv",),
    "jsonl": (".jsonl", ".ndjson"),
    "gitlab": (".json",),
}
#: reporters a command picks itself, never named by the user (`audit`'s terminal summary)
INTERNAL: dict[str, tuple[str, str]] = {
    "summary": ("summary", "AuditSummaryReporter"),
    "baseline": ("baseline_", "BaselineReporter"),  # `reelcheck baseline`
}


def formats() -> tuple[str, ...]:
    """Every format a user can name, in registry order."""
    return tuple(REPORTERS)


def extension_of(path: str) -> str:
    """The longest extension of `path` any format names (`a.sarif.json` -> `.sarif.json`), else its last one."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    known = sorted({e for exts in EXTENSIONS.values() for e in exts}, key=len, reverse=True)
    for ext in known:
        if name.endswith(ext) and len(name) > len(ext):
            return ext
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


def format_of_extension(path: str) -> str | None:
    """The format `path`'s extension names (`a.html` -> html), or None."""
    ext = extension_of(path)
    return next((name for name, exts in EXTENSIONS.items() if ext and ext in exts), None)


def format_for_output(path: str | None, given: str | None) -> str:
    """The format a report is written in: `given` (`--format`) if any, else the one `path`'s extension
    names, else text. Raises UsageError when `given` and the extension disagree (`--format json -o a.html`);
    an extension no format names (`report.out`) takes any format."""
    ext = extension_of(path) if path else ""
    by_ext = format_of_extension(path) if path else None
    if given is None:
        return by_ext or "text"
    if by_ext is not None and ext not in EXTENSIONS.get(given, ()):
        raise UsageError(
            f"--format {given} does not match the output file {path} (its extension {ext} means {by_ext}); "
            f"drop --format, or name the file {_suggested(path, ext, given)}")
    return given


def _suggested(path: str, ext: str, fmt: str) -> str:
    own = EXTENSIONS.get(fmt) or (".txt",)
    return path[: len(path) - len(ext)] + own[0]


def get_reporter(name: str) -> type[Reporter]:
    try:
        module_name, class_name = REPORTERS.get(name) or INTERNAL[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}: choose one of {', '.join(formats())}") from None
    module = import_module(f"{__package__}.{module_name}")
    return getattr(module, class_name)
