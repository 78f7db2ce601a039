"""The input stage: paths -> `Document`s (with their `Segment`s) or `InputError`s.

    for item in iter_documents(paths, SourceOptions(meta=Meta(markets=("us",)))):
        if isinstance(item, InputError):
            session.error(item, is_fatal(item))   # counted by `runner.Summary`
        else:
            check(item)                # item.segments may be empty: that record is counted as skipped

Formats are chosen by extension (``.txt``/``.text``, ``.md``/``.markdown``, ``.srt``, ``.vtt``,
``.csv``, ``.tsv``, ``.jsonl``/``.ndjson``, ``.json``), or by `SourceOptions.input_format` for stdin
(``-``; without it stdin is sniffed: WEBVTT / SRT cue / ``{`` JSON Lines / ``[`` JSON, else text) and
for files named explicitly whose extension is not one of these. Inside directories (recursed in sorted order, dot-files and
dot-directories left out, and what `.gitignore`/`.reelcheckignore` ignore, virtual environments and
dependency folders (`checker.discovery`), `include`/`exclude` fnmatch globs tried on the path relative
to the directory and on the file name) files with other extensions are skipped silently, and what is
left out is told to `SourceOptions.on_skip`; a file named explicitly with an unknown extension is read
as text, ignored or not. `SourceOptions.meta_for` gives a file's per-path settings (the configuration's
overrides).

What is not read is said (an `InputError` each, naming the path): inside a directory, a folder that
cannot be listed, a FIFO, device or socket with a checked extension, and a link to a file or folder
outside the directory given (unless `SourceOptions.follow_links`); anywhere, a text, Markdown or subtitle
file over `SourceOptions.max_file_size` (a device named explicitly is read up to it). Archives are
streamed: a JSON array element over 16 MiB or a record nested over 64 levels is one failed record. Every
segment handed on is at most 50,000 characters (`_segments.bounded`).

Counting (what `runner.Summary` does with the stream), so that
``records_read == records_checked + records_skipped + records_failed``:

- every yielded `Document` is one record read: *checked* when it has at least one segment with
  non-blank text, *skipped* otherwise (an empty caption, a subtitle file without cues);
- an `InputError` that stops a file or a record (missing file, binary file, bad encoding, broken JSON
  line, ragged CSV row, broken front matter) is one record read and *failed*;
- an `InputError` about part of a document that is still yielded (a malformed subtitle cue that is
  skipped, an unreadable `sponsored` value) is a `PartialInputError`: it counts in `errors` only.
  `is_fatal(err)` tells them apart.

`errors` counts every `InputError` yielded.

`iter_records` is the same stream with each archive record left as a `Record` (its raw text, line and
number: `Record.document()` builds it): `audit` ships those to its workers, and keys its cache on them.
Its `archive_hook` lets the caller decide, per archive file and before the file is read, what stands in
for the file's records (`audit` replays a file it has seen whole from its cache; see `ArchiveHook`).
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..language import language_code
from ..model import Document, InputError, Meta, UsageError
from ._io import ReadFailure, Undecodable, decode_all, iter_text_chunks, read_binary
from .archives import Archive, Record, csv_records, documents, json_array_records, jsonl_records
from .errors import PartialInputError, is_fatal
from .subtitles import format_time, parse_srt, parse_vtt
from .text import FrontMatterError, parse_text

__all__ = [
    "FORMATS", "EXTENSIONS", "SourceOptions", "PartialInputError", "is_fatal",
    "iter_documents", "iter_records", "Record", "Archive", "ArchiveHook", "format_time", "detect_format",
]

#: --input-format values -> Document.format
FORMATS = {
    "text": "text", "txt": "text",
    "markdown": "markdown", "md": "markdown",
    "srt": "srt", "vtt": "vtt", "webvtt": "vtt",
    "csv": "csv", "tsv": "tsv",
    "jsonl": "jsonl", "ndjson": "jsonl", "json": "json",
}

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".srt": "srt", ".vtt": "vtt",
    ".csv": "csv", ".tsv": "tsv",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
}

ARCHIVE_FORMATS = ("csv", "tsv", "jsonl", "json")
DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024

#: `iter_records(..., archive_hook=hook)`: ``hook(path, fmt, archive, read) -> Iterable``, called once per
#: archive file (CSV/TSV, JSON Lines, JSON; never stdin) before the file is opened, with its path, its
#: reader format (``csv``, ``tsv``, ``jsonl``, ``json``), an `Archive` for how it is read (no CSV header
#: yet: that is in the file; `Archive.identity()` is everything else) and `read`, a callable that returns
#: the iterator of what reading the file yields (its Records and InputErrors, the file's errors included:
#: missing, unreadable, binary...). What the hook returns is yielded in the file's place: ``read()`` itself
#: changes nothing; the hook may wrap it, or yield something else without calling it. Items that are not
#: a Document, Record or InputError are the hook's own markers, passed on as they are: only hand a hook to
#: a consumer that knows them (`audit`; `check` and `iter_documents` pass none).
ArchiveHook = Callable[[str, str, Archive, Callable[[], Iterator]], Iterable]


@dataclass
class SourceOptions:
    """What the CLI says about the inputs. `meta` holds the declared defaults (--market, --sponsored...);
    a document's own front matter or archive fields win over them (`Meta.merged`)."""

    input_format: str | None = None  # a FORMATS key; for stdin and explicit files with an unknown extension
    include: tuple[str, ...] = ()  # fnmatch globs, inside directories
    exclude: tuple[str, ...] = ()
    text_fields: tuple[str, ...] = ()  # archives: fields checked (dotted paths for nested JSON)
    id_field: str | None = None
    market_field: str | None = None
    language_field: str | None = None
    sponsored_field: str | None = None
    product_field: str | None = None
    platform_field: str | None = None
    account_field: str | None = None
    commercial_field: str | None = None
    meta: Meta = field(default_factory=Meta)
    # Largest text, Markdown or subtitle file read (bytes; 0: no limit). Archives are streamed record by
    # record and have no file limit (a JSON array element over 16 MiB is refused on its own).
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    follow_links: bool = False  # inside folders: read links to files and folders outside the folder given
    # per-path settings: path -> the Meta they declare for it (wins over `meta`; a document's own front
    # matter or fields win over it), or None
    meta_for: Callable[[str], Meta | None] | None = None
    leave_out: tuple[str, ...] = ()  # absolute paths never read inside folders (the report being written)
    on_skip: Callable[[str, str], None] | None = None  # told (path, why) of what folders leave out
    on_read: Callable[[int], None] | None = None  # told the bytes of each file read (a progress bar)

    def __getstate__(self) -> dict:
        """Sent to an audit's workers (with each record) without the hooks: they live in this process."""
        state = dict(self.__dict__)
        state.update(meta_for=None, on_skip=None, on_read=None)
        return state


def detect_format(path: str, options: SourceOptions | None = None, explicit: bool = True) -> str | None:
    """The format for `path`: by extension; for a file named explicitly with an unknown extension,
    `options.input_format` or else text; None for an unknown extension found inside a directory."""
    ext = os.path.splitext(path)[1].lower()
    fmt = EXTENSIONS.get(ext)
    if fmt is None and explicit:
        if options is not None and options.input_format:
            return _format_name(options.input_format)
        return "text"
    return fmt


def _format_name(name: str) -> str:
    fmt = FORMATS.get(name.strip().lower())
    if fmt is None:
        raise UsageError(f"unknown input format {name!r} (choose from {', '.join(sorted(set(FORMATS)))})")
    return fmt


def iter_documents(
    paths: list[str],
    options: SourceOptions | None = None,
    stdin=None,
) -> Iterator[Document | InputError]:
    """Yield a `Document` per file (text, markdown, subtitles) or per record (archives), and an
    `InputError` per problem, in input order. Never raises for bad input (only `UsageError` for an
    unknown `input_format`). `stdin` (default `sys.stdin`) is read for the path ``-``."""
    return documents(iter_records(paths, options, stdin))


def iter_records(paths: list[str], options: SourceOptions | None = None, stdin=None, *,
                 archive_hook: ArchiveHook | None = None) -> Iterator[Document | Record | InputError]:
    """`iter_documents` with each archive record left unparsed, as a `Record` (`Record.document()`
    gives what `iter_documents` yields for it: its partial errors and Document, or the error that stops
    it). Same order; errors the reader itself finds (a ragged CSV row, a broken JSON array) are yielded.

    `archive_hook` (see `ArchiveHook`) is asked, per archive file before it is read, what to yield in its
    place; without it every file is read."""
    options = _checked(options or SourceOptions())
    yield from _iter_all(paths, options, stdin, archive_hook)


def _checked(options: SourceOptions) -> SourceOptions:
    """`options` with the declared language as its code (`--lang en-US` -> en); raises UsageError for an
    unknown input format or language."""
    if options.input_format:
        _format_name(options.input_format)
    declared = options.meta.language
    if declared:
        try:
            code = language_code(declared)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if code != declared:
            options = dataclasses.replace(options, meta=dataclasses.replace(options.meta, language=code))
    return options


def _iter_all(paths, options, stdin, archive_hook=None):
    for path in paths:
        if path == "-":
            yield from _read_stdin(options, stdin)
            continue
        if os.path.isdir(path):
            for found in _walk(path, options):
                if isinstance(found, InputError):
                    yield found
                    continue
                yield from _read_file(found, detect_format(found, options, explicit=False), _for_path(options, found),
                                      archive_hook, found=True)
            continue
        if not os.path.exists(path):
            yield InputError(path, "no such file or directory")
            continue
        yield from _read_file(path, detect_format(path, options), _for_path(options, path), archive_hook)


def _for_path(options: SourceOptions, path: str) -> SourceOptions:
    """`options` with the per-path settings of `path` (`meta_for`) over its declared defaults."""
    if options.meta_for is None:
        return options
    over = options.meta_for(path)
    if over is None:
        return options
    return dataclasses.replace(options, meta=options.meta.merged(over))


def _matches(rel: str, name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g.rstrip("/") + "/*")
               for g in globs)


def _walk(root: str, options: SourceOptions, formats: tuple[str, ...] | None = None) -> Iterator[str | InputError]:
    """The files to read under `root` (sorted; a folder's files before its subfolders), and an
    `InputError` for each one left out that the user would expect read: a folder that cannot be listed,
    a FIFO, device or socket with a checked extension (reading it would hang or never end), a symbolic
    link out of `root` (unless `options.follow_links`). `formats`: only files of these formats (by
    extension; the others are passed over unseen and unsaid).

    An archive that is a report reelcheck wrote is left out here (it is streamed: its head is peeked
    at); a text, Markdown or subtitle file that is one is left out when it is read (`_read_file` with
    `found`), from the bytes read anyway, so that a file is opened once."""
    from ..discovery import Ignores, looks_like_report, skipped_folder

    real_root = os.path.realpath(root)
    seen = {real_root}
    stack = [(root, "")]
    ignores = Ignores(root)
    on_skip = options.on_skip or (lambda path, why: None)
    here = root in (".", "./")  # (the current folder: paths shown without "./", as git and ruff show them)

    def told(path: str, why: str) -> None:
        on_skip(path[2:] if here and path.startswith("./") else path, why)

    leave_out = set(options.leave_out)
    while stack:
        dirpath, rel_dir = stack.pop()
        ignores.enter(dirpath, rel_dir)
        try:
            with os.scandir(dirpath) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield InputError(dirpath, f"cannot read the folder: {exc.strerror or exc}; skipped")
            continue
        subdirs = []
        for entry in entries:
            name = entry.name
            rel = rel_dir + name
            if name.startswith("."):
                if _is_dir(entry):
                    if name != ".git":
                        told(entry.path + os.sep, "hidden")
                elif _checked_extension(name):
                    told(entry.path, "hidden")
                continue
            try:
                is_dir = entry.is_dir()  # (through a link: a link to a folder is a folder here)
                link = entry.is_symlink()
            except OSError as exc:
                yield InputError(entry.path, f"cannot read: {exc.strerror or exc}; skipped")
                continue
            if is_dir:
                why = skipped_folder(entry.path, name) or ignores.why(rel, True)
                if why:
                    told(entry.path + os.sep, why)
                    continue
                if _matches(rel, name, options.exclude):
                    told(entry.path + os.sep, "--exclude")
                    continue
                if link:
                    target = os.path.realpath(entry.path)
                    if not options.follow_links:
                        if not _inside(target, real_root):
                            yield InputError(entry.path, f"link to a folder outside {root} ({target}); skipped "
                                                         "(follow links to read it)")
                        continue
                    if target in seen:
                        continue  # (a loop, or a folder read already)
                    seen.add(target)
                subdirs.append((entry.path, rel + "/"))
                continue
            fmt = EXTENSIONS.get(os.path.splitext(name)[1].lower())
            if fmt is None or (formats is not None and fmt not in formats):
                continue
            if options.include and not _matches(rel, name, options.include):
                continue
            if options.exclude and _matches(rel, name, options.exclude):
                told(entry.path, "--exclude")
                continue
            why = ignores.why(rel, False)
            if why is None and leave_out and os.path.abspath(entry.path) in leave_out:
                why = "the report being written"
            if why:
                told(entry.path, why)
                continue
            # Only a regular file of a readable size is opened, even to peek at its first bytes (a FIFO
            # would block the walk, a device would never end).
            skipped = _why_skipped(entry, link, real_root, root, options)
            if skipped:
                yield InputError(entry.path, skipped)
                continue
            if fmt in ARCHIVE_FORMATS and looks_like_report(entry.path):
                told(entry.path, "a reelcheck report")
                continue
            yield entry.path[2:] if here and entry.path.startswith("./") else entry.path
        stack.extend(reversed(subdirs))


def _checked_extension(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in EXTENSIONS


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _inside(target: str, real_root: str) -> bool:
    return target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)


def _why_skipped(entry: os.DirEntry, link: bool, real_root: str, root: str, options: SourceOptions) -> str | None:
    """Why a file found in a folder is not read (None: it is read)."""
    if link and not options.follow_links:
        target = os.path.realpath(entry.path)
        if not _inside(target, real_root):
            return f"link to a file outside {root} ({target}); skipped (follow links to read it)"
    try:
        mode = entry.stat().st_mode
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}; skipped"
    if not stat.S_ISREG(mode):
        return f"not a regular file ({_file_kind(mode)}); skipped"
    return None


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _read_file(path: str, fmt: str, options: SourceOptions, archive_hook: ArchiveHook | None = None,
               found: bool = False) -> Iterator[Document | Record | InputError]:
    """What reading the file `path` in format `fmt` yields. `found`: in a folder walk (a text, Markdown or
    subtitle file that turns out to be a report reelcheck wrote is left out, and said to `on_skip`)."""
    if archive_hook is not None and fmt in ARCHIVE_FORMATS:
        archive = Archive(path, "csv" if fmt in ("csv", "tsv") else fmt, options)
        yield from archive_hook(path, fmt, archive, lambda: _read_file(path, fmt, options))
        return
    limit = options.max_file_size
    try:
        if fmt in ARCHIVE_FORMATS:
            with open(path, "rb") as raw:
                yield from _read_archive(path, raw if options.on_read is None else _Counted(raw, options.on_read),
                                         fmt, options)
            return
        with open(path, "rb", buffering=0) as raw:
            size = os.fstat(raw.fileno()).st_size
            if limit and size > limit:
                yield InputError(path, _too_large(size, limit))
                return
            # (up to the limit, asking first for the size the file has: not a buffer of the limit's size
            # for each small file; a device or a pipe has no size to ask, and a file may grow meanwhile)
            data = _read_up_to(raw, limit + 1, size + 1) if limit else raw.readall()
    except IsADirectoryError:
        yield InputError(path, "is a directory")
        return
    except FileNotFoundError:
        yield InputError(path, "no such file or directory")
        return
    except OSError as exc:
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    if limit and len(data) > limit:
        yield InputError(path, _too_large(None, limit))
        return
    if options.on_read is not None:
        options.on_read(len(data))
    if found:
        from ..discovery import report_head

        if report_head(data):
            if options.on_skip is not None:
                options.on_skip(path, "a reelcheck report")
            return
    yield from _parse_whole(path, data, fmt, options)


def _read_up_to(raw, n: int, first: int) -> bytes:
    """At most `n` bytes of an unbuffered stream, to its end: `first` bytes asked for at first, then 1 MB
    at a time."""
    parts = []
    ask = first
    while n > 0:
        part = raw.read(min(n, ask))
        if not part:
            break
        parts.append(part)
        n -= len(part)
        ask = 1 << 20
    return parts[0] if len(parts) == 1 else b"".join(parts)


class _Counted:
    """A byte stream that tells `told` how many bytes each read returned."""

    def __init__(self, raw, told):
        self.raw = raw
        self.told = told

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.told(len(data))
        return data


def _too_large(size: int | None, limit: int) -> str:
    shown = f" ({size:,} bytes)" if size is not None else ""
    return f"file is larger than {limit:,} bytes{shown}; skipped (raise the file size limit to read it)"


def _read_stdin(options: SourceOptions, stdin) -> Iterator[Document | Record | InputError]:
    """Standard input: an archive is streamed (also when sniffed: only its first 4 KB are read to tell);
    anything else is read whole, up to `options.max_file_size`."""
    stream = sys.stdin if stdin is None else stdin
    fmt = _format_name(options.input_format) if options.input_format else None
    raw = read_binary(stream)
    if _is_text_stream(raw):
        raw = _TextAsBytes(raw)
    head = b""
    if fmt is None:
        head = raw.read(SNIFF_SIZE)
        fmt = _sniff_format(head.decode("utf-8", errors="ignore").lstrip("\ufeff"))
    if fmt in ARCHIVE_FORMATS:
        yield from _read_archive("-", _Prefixed(head, raw) if head else raw, fmt, options)
        return
    limit = options.max_file_size
    if not limit:
        data = head + raw.read()
    else:
        rest = limit + 1 - len(head)
        data = head + (raw.read(rest) if rest > 0 else b"")
        if len(data) > limit:
            yield InputError("-", _too_large(None, limit))
            return
    yield from _parse_whole("-", data, fmt, options)


SNIFF_SIZE = 4096


def _is_text_stream(stream) -> bool:
    import io

    return isinstance(stream, io.TextIOBase)


class _TextAsBytes:
    """A text stream (e.g. io.StringIO in tests) read as UTF-8 bytes (`size` counts characters)."""

    def __init__(self, stream):
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        return self.stream.read(size).encode("utf-8", errors="surrogatepass")


class _Prefixed:
    """A byte stream with `head`, read from it already, put back in front."""

    def __init__(self, head: bytes, stream):
        self.head = head
        self.stream = stream

    def read(self, size: int = -1) -> bytes:
        if not self.head:
            return self.stream.read(size)
        if size < 0:
            data, self.head = self.head + self.stream.read(), b""
            return data
        data, self.head = self.head[:size], self.head[size:]
        if len(data) < size:
            data += self.stream.read(size - len(data))
        return data


def _sniff_format(head: str) -> str:
    """Format of unnamed input (stdin without --input-format): subtitles and JSON Lines are recognised."""
    import re

    start = head.lstrip()
    if start.startswith("WEBVTT"):
        return "vtt"
    if re.match(r"\d+[ \t]*(?:\r\n?|\n)[ \t]*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->", start):
        return "srt"
    if start.startswith("{"):
        return "jsonl"
    if start.startswith("["):
        return "json"
    return "text"


def _parse_whole(
    path: str, data: bytes, fmt: str, options: SourceOptions,
) -> Iterator[Document | Record | InputError]:
    try:
        text = decode_all(data)
    except ReadFailure as exc:
        yield InputError(path, exc.message, line=exc.line, offset=exc.offset)
        return
    yield from _parse_decoded(path, text, fmt, options)


def _parse_decoded(
    path: str, text: str, fmt: str, options: SourceOptions,
) -> Iterator[Document | Record | InputError]:
    if fmt in ("srt", "vtt"):
        parse = parse_srt if fmt == "srt" else parse_vtt
        doc, errors = parse(path, text, options.meta)
        yield from errors
        yield doc
        return
    try:
        yield parse_text(path, text, fmt, options.meta)
    except FrontMatterError as exc:
        yield InputError(path, str(exc), line=exc.line)


def _read_archive(path: str, raw, fmt: str, options: SourceOptions) -> Iterator[Record | InputError]:
    bad = Undecodable()  # (a byte that is not UTF-8 spoils its record only)
    try:
        chunks = iter_text_chunks(raw, lenient=bad)
        if fmt in ("csv", "tsv"):
            yield from csv_records(path, chunks, options, delimiter="\t" if fmt == "tsv" else None, bad=bad)
        elif fmt == "jsonl":
            yield from jsonl_records(path, chunks, options, bad)
        else:
            yield from json_array_records(path, chunks, options, bad)
    except ReadFailure as exc:
        message = exc.message
        if exc.offset is not None:
            message += "; the rest of the file was not read"
        yield InputError(path, message, line=exc.line, offset=exc.offset)


def guessed_columns(paths: list[str], options: SourceOptions | None = None) -> dict[str, list[str]]:
    """The archive columns that will be read by guess, by their names, because no option named them and
    no value for them was declared: meta key -> the column names found (`language`: [`lang`]).

    Read from the first record of each archive file among `paths` (folders walked as the check walks
    them); standard input cannot be read twice and is left out. Never raises for bad input: a file that
    cannot be read tells nothing here, and the check reports it."""
    try:
        options = _checked(options or SourceOptions())
    except UsageError:
        return {}
    # A quiet look: what the folders leave out is told once, by the check that follows.
    options = dataclasses.replace(options, on_skip=None, on_read=None)
    found: dict[str, list[str]] = {}
    files: list[str] = []
    for path in paths:
        if path == "-":
            continue
        if os.path.isdir(path):
            files.extend(f for f in _walk(path, options, ARCHIVE_FORMATS) if isinstance(f, str))
        elif os.path.isfile(path):
            files.append(path)
    for path in files:
        fmt = detect_format(path, options, explicit=path in paths)
        if fmt not in ARCHIVE_FORMATS:
            continue
        items = _read_file(path, fmt, options)
        try:
            first = next((i for i in items if isinstance(i, Record)), None)
        except Exception:  # noqa: BLE001 - a broken file is the check's to report
            first = None
        finally:
            items.close()
        record = first.source.record(first.raw) if first is not None else None
        if record:
            for key, column in first.source.plan.guessed(record).items():
                names = found.setdefault(key, [])
                if column not in names:
                    names.append(column)
    return found
