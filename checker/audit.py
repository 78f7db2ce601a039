"""`reelcheck audit`: the same check as `check`, at archive scale.

    records as read (main process) -> batches -> worker processes (Checker built once each):
                                                 parse the record, build its Document, check it
                                      <- per record: its result, free of where the record sits (JSON text)
    main process: put each result back in its place (path, line, record number), in input order

- **Streaming, bounded**: records are read, sent and written in batches; at most a few batches per
  worker are in flight, so memory does not grow with the archive.
- **Parallel**: `--jobs N` worker processes (`--jobs 1`: in this process, no pool). An archive record
  travels as it was read (`sources.Record`: its line of text or its CSV row) and the worker parses it,
  so the main process does little more per record than read it and write its result. A document that
  is not an archive record (a script, a subtitle file) travels as plain tuples. Never spaCy Docs:
  shipping Docs between processes costs more than making them. Output order is input order whatever N.
- **Incremental**: with a cache folder, each record's result is kept in a SQLite file under a key that
  hashes the raw record (an archive record; the text, offsets and metadata of other documents), how it
  is read (format, CSV header, field options, declared metadata, default markets), the rule packs'
  content (`RuleSet.fingerprint`), `--select`/`--ignore` and the tool version. A cached record is put
  back in its place without being parsed, and any pack change re-checks everything.
  On top of it, a whole-file layer (`FileLayer`, the `archive_hook` of `sources.iter_records`): an
  archive file audited completely is stored as one entry, keyed on the SHA-256 of its bytes, how it is
  read and the same salt, holding what it takes to replay its outcomes (per record its line, number,
  own id and result; the reader's errors) in compressed chunks. An unchanged archive, wherever it now
  is, is then hashed and replayed without being read or parsed; an edited one is read, its unchanged
  records served by the per-record cache.
- **Nothing lost**: a record whose check raises is reported as an `InputError` naming the record and
  the reason, and the audit goes on; `--max-errors N` stops once more than N errors were seen; on
  Ctrl-C the workers are stopped, what was done is printed, and the caller keeps `<out>.partial`.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import sqlite3
import struct
import sys
import time
import zlib
from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import accumulate
from pathlib import Path

from . import __version__
from .model import Document, InputError, Meta, Segment, UsageError
from .pool import Ticket, WorkerDied, WorkerPool
from .runner import declared_meta, document_dict, fields_of, is_checked, record_dict
from .sources import Archive, Record
from .sources.errors import PartialInputError, is_fatal

FIRST_BATCH = 16  # records; batches double up to MAX_BATCH (early output, small inputs spread over workers)
MAX_BATCH = 256
IN_FLIGHT_PER_JOB = 3  # batches queued per worker: enough to keep it busy, bounded memory
CACHE_FILE = "audit-v2.sqlite3"
CACHE_FORMAT = "2"
CACHE_PAGES_KB = 32 << 10  # SQLite's page cache (the default 2 MB makes every look-up read the file)
_MEMO_SIZE = 4096  # decoded results kept for reuse: a clean record's result is the same for many records
_CLEAN_TAIL = ",[],null]"  # how a result without findings ends (no findings, no fields: `check_item`)
_KEY = struct.Struct("<qq")  # a cache key: the first 16 bytes of a SHA-256, as (row id, check)
FILE_FORMAT = f"1-{sys.byteorder}"  # of the whole-file entries (their chunks hold native 64-bit integers)
RESULT_ROWS = 16384  # per-record results written per transaction
FILE_CHUNK = 4096  # entries per stored chunk of a file's outcomes (what a replay holds in memory at a time)
_CHUNK_HEAD = struct.Struct("<II")  # entries, length of the JSON part


# --- what the workers get and send back --------------------------------------------------------------

def pack_document(doc: Document) -> tuple:
    """A Document as plain tuples (cheap to pickle; shared `origin` strings are pickled once)."""
    m = doc.meta
    meta = (m.markets, m.language, m.sponsored, m.product, m.platform, m.account, m.type)
    segs = tuple(
        (s.text, s.kind, s.origin, s.pieces, s.index, s.cue, s.start_time, s.end_time, s.field, s.speaker,
         s.line_offset)
        for s in doc.segments
    )
    return (doc.path, doc.format, doc.record, doc.record_line, meta, segs)


def unpack_document(data: tuple) -> Document:
    path, fmt, record, record_line, meta, segs = data
    return Document(
        path=path,
        segments=[Segment(*s) for s in segs],
        meta=Meta(*meta),
        format=fmt,
        record=record,
        record_line=record_line,
    )


def doc_markets(doc: Document, default_markets: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(doc.meta.markets or default_markets)))


def first_line(doc: Document) -> int:
    """Lines of the file before the document's text (finding lines are kept relative to it)."""
    return doc.segments[0].line_offset if doc.segments else 0


def check_item(checker, item: Record | Document, default_markets: tuple[str, ...], all_records: bool = False,
               problem: str | None = None, as_text: bool = True) -> tuple:
    """Build the item's Document (a `Record` is parsed here, in the worker) and check it. Never raises:

        ("ok", own id, result, fields)         result: JSON text of the result, free of the record's place
                                               (the list itself without `as_text`: no cache to store it in)
        ("failed", own id, message, problems)  the check raised (or `problem`: the worker has no Checker)
        ("unreadable", None, message)          the record is not a JSON object

    `own id` is the record's id field, None when the record is named by its number (which depends on
    where it is) or is not an archive record. The result is the list

        [problems, language, languages, markets, declared meta, checked, findings, fields]

    with `problems` the messages of its partial errors (e.g. an unreadable `sponsored` value), finding
    lines relative to the record's first line and their `record` null, and `fields` only for a record
    with findings: a clean record's fields are its own text, most of a result's size and decoding time,
    and reported only with --all-records (then `fields` in the tuple, or rebuilt from a cached record)."""
    if isinstance(item, Record):
        doc, errors = item.source.document(item.raw, item.line, None)
        if doc is None:
            return ("unreadable", None, errors[0].message)
        own_id = doc.record
        if own_id is None:
            doc.record = str(item.number)
        problems = [e.message for e in errors]
    else:
        doc, own_id, problems = item, None, []
    markets = doc_markets(doc, default_markets)
    checked = is_checked(doc)
    try:
        if problem:
            raise UsageError(problem)
        outcome = checker.run(doc, markets) if checked else None
    except UsageError as exc:
        return ("failed", own_id, str(exc), problems)
    except Exception as exc:  # a rule or the tokenizer raised on this record: report it, go on
        return ("failed", own_id, f"check failed: {type(exc).__name__}: {exc}", problems)
    base = first_line(doc)
    found = outcome.findings if outcome else []
    language, languages = (outcome.language, outcome.languages) if outcome else (None, ())
    findings = [f.to_dict() for f in found]
    for f in findings:
        f["line"] -= base
        f["end_line"] -= base
        if "record" in f:
            f["record"] = None
    record = isinstance(item, Record)
    fields = fields_of(doc) if record and (findings or all_records) else None
    if not findings and not problems:
        # a clean record's result is the same for every clean record of a language and market: made once
        # (the placer copies what it puts in a document dict, so one list can serve many records)
        m = doc.meta
        key = (as_text, language, languages, markets, checked, m.sponsored, m.product, m.platform,
               m.account, m.type)
        result = _CLEAN_RESULTS.get(key)
        if result is None:
            if len(_CLEAN_RESULTS) >= _MEMO_SIZE:
                _CLEAN_RESULTS.clear()
            result = [[], language, list(languages), list(markets), declared_meta(m), checked, [], None]
            if as_text:
                result = json.dumps(result, separators=(",", ":"))
            _CLEAN_RESULTS[key] = result
        return ("ok", own_id, result, fields)
    result = [problems, language, list(languages), list(markets), declared_meta(doc.meta), checked,
              findings, fields if findings else None]
    if as_text:  # (ASCII: a lone surrogate from a JSON escape can be stored)
        result = json.dumps(result, separators=(",", ":"))
    return ("ok", own_id, result, None if findings else fields)


_CLEAN_RESULTS: dict[tuple, str | list] = {}  # check_item's memo of clean results (texts, or lists)


_WORKER_CHECKER = None
_WORKER_PROBLEM: str | None = None
# Set by the main process before it forks its workers: they reuse its Checker (copy-on-write, with
# whatever it has compiled already) when it was built from the same packs. Spawned workers build their own.
_FORK_CHECKER = None


def _init_worker(packs: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...], fingerprint: str) -> None:
    """Runs once in each worker: build the rules and the Checker; leave Ctrl-C to the main process."""
    global _WORKER_CHECKER, _WORKER_PROBLEM
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    inherited = _FORK_CHECKER
    if (inherited is not None and inherited.ruleset.fingerprint == fingerprint
            and tuple(inherited.select) == select and tuple(inherited.ignore) == ignore):
        _WORKER_CHECKER = inherited
        return
    from .engine import Checker
    from .rules import load_rules

    try:
        _WORKER_CHECKER = Checker(load_rules(tuple(packs)), select=select, ignore=ignore)
    except UsageError as exc:
        _WORKER_PROBLEM = f"the worker could not load the rule packs: {exc}"
        return
    if _WORKER_CHECKER.ruleset.fingerprint != fingerprint:
        _WORKER_PROBLEM = "the rule packs changed while the audit ran"


def to_work(item: Record | Document) -> tuple:
    """What a worker gets: a record as (archive, line, number, raw), a Document as `pack_document`'s tuples."""
    if isinstance(item, Record):
        return (item.source, item.line, item.number, item.raw)
    return pack_document(item)


def from_work(work: tuple) -> Record | Document:
    return Record(*work) if isinstance(work[0], Archive) else unpack_document(work)


def _check_batch(payload: tuple) -> list[tuple]:
    """Worker task: (default markets, all records?, results as text?, [to_work(item)]) -> [check_item result].

    Results go back as JSON text only for the cache, which stores them so; otherwise as the lists
    themselves (pickled with the batch: no JSON to write here and to read in the main process)."""
    default_markets, all_records, as_text, works = payload
    checker, problem = _WORKER_CHECKER, _WORKER_PROBLEM
    return [check_item(checker, from_work(w), default_markets, all_records, problem, as_text) for w in works]


# --- the cache ----------------------------------------------------------------------------------------

def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reelcheck"


class ResultCache:
    """Per-record results (`check_item`'s JSON text, and the record's own id) in one SQLite file (WAL).

    A key is 128 bits of a SHA-256: the first 64 are the row id (SQLite's fastest look-up, about half
    the time of a BLOB primary key), the next 64 are checked on the way out."""

    def __init__(self, folder: str | os.PathLike, salt: str):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / CACHE_FILE
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(f"PRAGMA cache_size={-CACHE_PAGES_KB}")
        self.db.execute("CREATE TABLE IF NOT EXISTS results"
                        " (id INTEGER PRIMARY KEY, chk INTEGER NOT NULL, record TEXT, value TEXT NOT NULL)")
        # the whole-file layer (`FileLayer`): one row per archive file audited whole (key NULL while it is
        # written), its outcomes in `file_chunks`; `scope` and `path` find the older versions of a file
        self.db.execute("CREATE TABLE IF NOT EXISTS files (id INTEGER PRIMARY KEY, key BLOB UNIQUE,"
                        " scope BLOB NOT NULL, path BLOB NOT NULL, entries INTEGER NOT NULL, chunks INTEGER NOT NULL,"
                        " size INTEGER NOT NULL, written REAL NOT NULL)")
        self.db.execute("CREATE INDEX IF NOT EXISTS files_by_path ON files (scope, path)")
        self.db.execute("CREATE TABLE IF NOT EXISTS file_chunks (file INTEGER NOT NULL, seq INTEGER NOT NULL,"
                        " data BLOB NOT NULL, PRIMARY KEY (file, seq)) WITHOUT ROWID")
        self._salt = hashlib.sha256(salt.encode("utf-8"))
        self._sources: dict = {}  # Archive -> hash of the salt and how the archive is read
        self._rows: list[tuple] = []  # results queued by put_many
        self.hits = 0  # records looked up in the per-record table and found
        self.misses = 0  # and not found (checked)
        self.files_replayed = 0  # archive files replayed whole, and their records (as counted in records_read)
        self.records_replayed = 0
        self.files_stored = 0

    @staticmethod
    def salt(ruleset, select: Iterable[str], ignore: Iterable[str], markets: Iterable[str] = ()) -> str:
        """What every result depends on: tool, packs, rule selection, default markets."""
        return "\x1e".join([
            CACHE_FORMAT, __version__, ruleset.fingerprint, ",".join(sorted(select)), ",".join(sorted(ignore)),
            ",".join(sorted(set(markets))),
        ])

    def record_key(self, record: Record) -> tuple[int, int]:
        """An archive record: the raw record and how its archive is read (never its path, line or number)."""
        h = self._sources.get(record.source)
        if h is None:
            if len(self._sources) > 256:
                self._sources.clear()
            h = self._sources[record.source] = self._salt.copy()
            h.update(record.source.identity().encode("utf-8", "surrogatepass"))
        h = h.copy()
        raw = record.raw
        if not isinstance(raw, str):  # a CSV row's values
            raw = json.dumps(raw, ensure_ascii=False)
        h.update(raw.encode("utf-8", "surrogatepass"))
        return _KEY.unpack_from(h.digest())

    def document_key(self, doc: Document, markets: tuple[str, ...]) -> tuple[int, int]:
        """Any other document: text, offsets into the original, metadata, markets."""
        h = self._salt.copy()
        m = doc.meta
        base = first_line(doc)
        h.update(repr((doc.format, markets, m.language, m.sponsored, m.product, m.platform, m.account, m.type,
                       doc.text)).encode("utf-8", "surrogatepass"))
        origins: dict[int, int] = {}
        for s in doc.segments:
            o = origins.get(id(s.origin))
            if o is None:
                o = origins[id(s.origin)] = len(origins)
                h.update(b"\x1dO")
                h.update(s.origin.encode("utf-8", "surrogatepass"))
            h.update(b"\x1dS")
            h.update(s.text.encode("utf-8", "surrogatepass"))
            h.update(repr((o, s.kind, s.pieces, s.index, s.cue, s.start_time, s.end_time, s.field, s.speaker,
                           s.line_offset - base)).encode())
        return _KEY.unpack_from(h.digest())

    def get_many(self, keys: list[tuple[int, int]]) -> list[tuple[str | None, str] | None]:
        """Per key, (own id, result text), or None when it is not there."""
        rows: dict[int, tuple] = {}
        ids = list(dict.fromkeys(k[0] for k in keys))
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            q = f"SELECT id, chk, record, value FROM results WHERE id IN ({','.join('?' * len(part))})"
            rows.update((row[0], row) for row in self.db.execute(q, part))
        out: list[tuple[str | None, str] | None] = []
        for row_id, chk in keys:
            row = rows.get(row_id)
            out.append(row[2:] if row is not None and row[1] == chk else None)
        return out

    def put_many(self, rows: list[tuple[tuple[int, int], str | None, str]]) -> None:
        """Store results: queued, and written RESULT_ROWS at a time in one transaction, and at `close`.
        (A transaction per batch of 256 cost ~9 us of CPU per record: the keys are random, so each
        commit rewrote nearly as many B-tree pages as it had rows.)"""
        self._rows.extend((key[0], key[1], record, value) for key, record, value in rows)
        if len(self._rows) >= RESULT_ROWS:
            self.flush()

    def flush(self) -> None:
        rows, self._rows = self._rows, []
        if not rows:
            return
        try:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO results (id, chk, record, value) VALUES (?, ?, ?, ?)", rows)
            self.db.execute("COMMIT")
        except (sqlite3.Error, UnicodeEncodeError):
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise

    # the whole-file layer

    def file_key(self, fmt: str, archive: Archive, digest: bytes) -> tuple[bytes, bytes]:
        """(key, scope) of an archive file: scope hashes the salt and how the file is read, the key that
        and the SHA-256 of its bytes."""
        h = self._salt.copy()
        h.update(f"\x1efile {FILE_FORMAT}\x1e{fmt}\x1e{archive.identity()}".encode("utf-8", "surrogatepass"))
        scope = h.digest()
        h.update(digest)
        return h.digest(), scope

    def find_file(self, key: bytes) -> tuple[int, int] | None:
        """(entry, chunks) of a stored file whose chunks are all there, or None."""
        try:
            row = self.db.execute("SELECT id, chunks, size FROM files WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            count, size = self.db.execute("SELECT count(*), total(length(data)) FROM file_chunks WHERE file = ?",
                                          (row[0],)).fetchone()
        except sqlite3.Error as exc:
            print(f"reelcheck: warning: cannot read the cache: {exc}", file=sys.stderr)
            return None
        if count != row[1] or int(size) != row[2]:  # damaged (a complete entry's chunks are never taken
            self.drop_file(row[0])                   # without it): dropped, so that it is stored again
            return None
        return row[0], row[1]

    def file_chunks(self, entry: int, chunks: int) -> Iterator[tuple]:
        """A stored file's chunks, decoded one at a time (`decode_chunk`); raises LookupError when one is
        missing or damaged (a concurrent audit replaced the entry, or the file is corrupt)."""
        for seq in range(chunks):
            try:
                row = self.db.execute("SELECT data FROM file_chunks WHERE file = ? AND seq = ?", (entry, seq)
                                      ).fetchone()
                if row is None:
                    raise LookupError("missing")
                yield decode_chunk(row[0])
            except (sqlite3.Error, zlib.error, ValueError, TypeError) as exc:
                raise LookupError(str(exc)) from exc

    def begin_file(self, start: _FileStart) -> int:
        cursor = self.db.execute(
            "INSERT INTO files (key, scope, path, entries, chunks, size, written) VALUES (NULL, ?, ?, 0, 0, 0, ?)",
            (start.scope, _path_bytes(start.path), time.time()))
        return cursor.lastrowid

    def put_file_chunk(self, entry: int, seq: int, data: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO file_chunks (file, seq, data) VALUES (?, ?, ?)", (entry, seq, data))

    def end_file(self, entry: int, start: _FileStart, entries: int, chunks: int, size: int) -> None:
        """Make a written entry findable, and drop the older entries of the same path read the same way
        (and any left incomplete a day ago by an audit that was killed)."""
        path = _path_bytes(start.path)
        stale = time.time() - 86400
        try:
            self.db.execute("BEGIN IMMEDIATE")
            if self.db.execute("SELECT count(*) FROM file_chunks WHERE file = ?", (entry,)).fetchone()[0] != chunks:
                raise sqlite3.IntegrityError("chunks missing")  # (taken by a concurrent prune)
            self.db.execute("UPDATE files SET key = ?, entries = ?, chunks = ?, size = ? WHERE id = ?",
                            (start.key, entries, chunks, size, entry))
            old = "(SELECT id FROM files WHERE (scope = ? AND path = ? AND key IS NOT NULL OR key IS NULL AND written < ?) AND id != ?)"
            args = (start.scope, path, stale, entry)
            self.db.execute(f"DELETE FROM file_chunks WHERE file IN {old}", args)
            self.db.execute(f"DELETE FROM files WHERE id IN {old}", args)
            self.db.execute("COMMIT")
            self.files_stored += 1
        except sqlite3.Error as exc:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if not isinstance(exc, sqlite3.IntegrityError):
                raise
            self.drop_file(entry)  # the same file stored meanwhile by another audit: that one is kept

    def drop_file(self, entry: int) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM file_chunks WHERE file = ?", (entry,))
            self.db.execute("DELETE FROM files WHERE id = ?", (entry,))
            self.db.execute("COMMIT")
        except sqlite3.Error:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def close(self) -> None:
        """Write what is queued and close (an error writing is raised, after closing)."""
        try:
            self.flush()
        finally:
            try:
                self.db.close()
            except sqlite3.Error:
                pass


# --- the cache's whole-file layer ----------------------------------------------------------------------

class _FileStart:
    """Marker before the records of an archive file that is read (and recorded, to be stored once complete)."""

    __slots__ = ("path", "key", "scope")

    def __init__(self, path: str, key: bytes, scope: bytes):
        self.path = path
        self.key = key
        self.scope = scope


class _FileEnd:
    """Marker after them: `unchanged` when the file's bytes still hash to the key (it did not change as it was read)."""

    __slots__ = ("start", "unchanged")

    def __init__(self, start: _FileStart, unchanged: bool):
        self.start = start
        self.unchanged = unchanged


class _Replay:
    """Marker standing for a whole archive file whose outcomes are in the cache (`ResultCache.find_file`)."""

    __slots__ = ("path", "format", "entry", "chunks")

    def __init__(self, path: str, fmt: str, entry: int, chunks: int):
        self.path = path
        self.format = fmt  # Document.format
        self.entry = entry
        self.chunks = chunks


_MARKERS = (_FileStart, _FileEnd, _Replay)


def file_digest(path: str) -> bytes:
    """SHA-256 of a file's bytes (read 64 KB at a time: the buffer stays in the CPU cache, about twice as
    fast as `hashlib.file_digest`'s 256 KB here)."""
    h = hashlib.sha256()
    buf = bytearray(1 << 16)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as fh:
        while n := fh.readinto(buf):
            h.update(view[:n])
    return h.digest()


class FileLayer:
    """The cache's whole-file layer: `sources.iter_records(..., archive_hook=layer)` and
    `audit_items(..., files=layer)` (audit_items attaches its cache while it runs; unattached, every file is
    read as usual).

    Per archive file, before it is read, its bytes are hashed (SHA-256). The key hashes that digest with
    the reader format, `Archive.identity()` (how the file is read) and the cache's salt (tool, packs,
    --select/--ignore, default markets): not the path, so a file moved or copied still hits.

    - hit: the file is not read; a `_Replay` marker stands for it and `audit_items` replays its stored
      outcomes (record lines, numbers, own ids, result texts; the reader's errors) through the same
      placing and emitting as read records, with this path. Not with --all-records (a clean record's
      text is not stored: those runs read the file, the per-record cache serving it).
    - miss: the file is read as usual between `_FileStart` and `_FileEnd` markers; `audit_items` records
      each outcome as it emits it and stores the entry when it reaches `_FileEnd`, i.e. once every
      outcome of the file was handed on (not after Ctrl-C or a --max-errors stop), when the file still
      hashes the same, and when every outcome can be replayed (none is a check that failed: those are
      checked again, as the per-record cache does)."""

    def __init__(self):
        self.cache: ResultCache | None = None
        self.replay = True

    def __call__(self, path: str, fmt: str, archive: Archive, read) -> Iterable:
        cache = self.cache
        if cache is None:
            return read()
        try:
            digest = file_digest(path)
        except OSError:
            return read()  # (the reader reports why)
        key, scope = cache.file_key(fmt, archive, digest)
        found = cache.find_file(key)
        if found is None:
            return self._recorded(path, key, scope, digest, read)
        if self.replay:
            return (_Replay(path, archive.format, *found),)
        return read()  # (--all-records: stored already)

    @staticmethod
    def _recorded(path: str, key: bytes, scope: bytes, digest: bytes, read) -> Iterator:
        start = _FileStart(path, key, scope)
        yield start
        yield from read()
        try:
            unchanged = file_digest(path) == digest
        except OSError:
            unchanged = False
        yield _FileEnd(start, unchanged)


class _FileWriter:
    """Records a file's outcomes as they are emitted, in chunks of FILE_CHUNK entries written as they fill
    (one `file_chunks` row each, under an incomplete `files` row), so memory does not grow with the file.

    A chunk (zlib) is a head (entries, length of the JSON part), the JSON ``[results, others, own ids]``
    and three arrays of 64-bit integers: line and number (each as the difference from the entry before)
    and ref. An entry is (line, number, own id, ref): ref >= 0 is an "ok" record, `results[ref]` its result
    (`check_item`'s, stored as JSON in the JSON: decoded once with the chunk); a result without findings is
    stored once per chunk (clean results repeat: a few serve thousands of records), one with findings once
    per record (it is placed, and so changed, for its record). ref < 0 is `others[-1 - ref]`: an unreadable
    record ``["u", message]`` or an error of the reader ``["e", fatal, message, line, record, offset]``."""

    def __init__(self, cache: ResultCache, start: _FileStart):
        self.cache = cache
        self.start = start
        self.path = start.path
        self.entry: int | None = None  # the files row, once a chunk is written
        self.chunks = 0
        self.size = 0
        self.entries = 0
        self._new_chunk()

    def _new_chunk(self) -> None:
        self.results: list[str] = []  # result texts
        self.clean: dict[str, int] = {}  # result text without findings -> its index in `results`
        self.others: list[list] = []
        self.ids: list[str | None] = []
        self.lines = array("q")
        self.numbers = array("q")
        self.refs = array("q")
        self.last = (0, 0)

    def _put(self, line: int, number: int, rid: str | None, ref: int) -> None:
        last_line, last_number = self.last
        self.lines.append(line - last_line)
        self.numbers.append(number - last_number)
        self.last = (line, number)
        self.ids.append(rid)
        self.refs.append(ref)
        if len(self.refs) >= FILE_CHUNK:
            self._flush()

    def add(self, item, outcome: tuple | None) -> bool:
        """Take an emitted item and its outcome; False when the file cannot be stored."""
        if outcome is None:  # an error of the reader
            if type(item) not in (InputError, PartialInputError) or item.path != self.path:
                return False
            self.others.append(["e", is_fatal(item), item.message, item.line, item.record, item.offset])
            self._put(self.last[0], self.last[1], None, -len(self.others))
            return True
        if not isinstance(item, Record) or item.source.path != self.path:
            return False
        status = outcome[0]
        if status == "ok":
            text = outcome[2]
            if not isinstance(text, str):
                return False
            if text.endswith(_CLEAN_TAIL):
                ref = self.clean.get(text)
                if ref is None:
                    ref = self.clean[text] = len(self.results)
                    self.results.append(text)
            else:
                ref = len(self.results)
                self.results.append(text)
            self._put(item.line, item.number, outcome[1], ref)
            return True
        if status == "unreadable":
            self.others.append(["u", outcome[2]])
            self._put(item.line, item.number, None, -len(self.others))
            return True
        return False  # a failed check: checked again next time

    def _flush(self) -> None:
        if not self.refs:
            return
        rest = json.dumps([self.others, self.ids], separators=(",", ":"))  # (ASCII, as the results)
        js = f"[[{','.join(self.results)}],{rest[1:]}".encode("ascii")
        # (zlib level 1: 1.2 us per record on the benchmark archive; level 6 took 3.0 us, for 22% less)
        data = zlib.compress(b"".join((_CHUNK_HEAD.pack(len(self.refs), len(js)), js, self.lines.tobytes(),
                                       self.numbers.tobytes(), self.refs.tobytes())), 1)
        if self.entry is None:
            self.entry = self.cache.begin_file(self.start)
        self.cache.put_file_chunk(self.entry, self.chunks, data)
        self.chunks += 1
        self.size += len(data)
        self.entries += len(self.refs)
        self._new_chunk()

    def finish(self) -> None:
        self._flush()
        if self.entry is None:
            self.entry = self.cache.begin_file(self.start)
        self.cache.end_file(self.entry, self.start, self.entries, self.chunks, self.size)
        self.entry = None

    def abandon(self) -> None:
        if self.entry is not None:
            self.cache.drop_file(self.entry)
            self.entry = None


def decode_chunk(data: bytes) -> tuple[list[list], list[list], list, Iterator[int], Iterator[int], array]:
    """A stored chunk: (results, others, own ids, lines, numbers, refs), as `_FileWriter` wrote it."""
    raw = zlib.decompress(data)
    n, size = _CHUNK_HEAD.unpack_from(raw)
    at = _CHUNK_HEAD.size
    results, others, ids = json.loads(raw[at : at + size])
    at += size
    columns = []
    for _ in range(3):
        column = array("q")
        column.frombytes(raw[at : at + 8 * n])
        at += 8 * n
        columns.append(column)
    if len(ids) != n or at != len(raw) or len(columns[2]) != n:
        raise ValueError("a cached chunk does not add up")
    lines, numbers, refs = columns
    return results, others, ids, accumulate(lines), accumulate(numbers), refs


def _path_bytes(path: str) -> bytes:
    return path.encode("utf-8", "surrogatepass")


# --- progress ------------------------------------------------------------------------------------------

class Progress:
    """`12,345 records  3,210/s  0:00:04` on stderr, redrawn at most 5 times a second."""

    def __init__(self, enabled: bool, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.done = 0
        self.findings = 0
        self.drawn = False

    def update(self, records: int, findings: int) -> None:
        self.done += records
        self.findings += findings
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last >= 0.2:
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        line = (f"\rreelcheck: {self.done:,} records  {rate:,.0f} records/s  {self.findings:,} findings"
                f"  {_clock(elapsed)} ")
        self.stream.write(line)
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.enabled and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def report(self, what: str) -> str:
        elapsed = time.monotonic() - self.start
        return f"{what} after {self.done:,} records ({self.findings:,} findings) in {_clock(elapsed)}"


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


# --- the audit -------------------------------------------------------------------------------------------

class _Batch:
    """Items in input order with their outcomes (`check_item`'s; None for an InputError), the indexes of
    those the workers check (`todo`), and with a cache the keys of those (stored once checked)."""

    __slots__ = ("items", "outcomes", "todo", "keys", "ticket")

    def __init__(self):
        self.items: list = []
        self.outcomes: list[tuple | None] = []
        self.todo: list[int] = []
        self.keys: list[tuple[int, int]] = []  # of `todo`, in the same order
        self.ticket: Ticket | None = None


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Placer:
    """Turns an outcome back into what `check` would have yielded for the item, in its place: the partial
    errors, then the document dict (or the InputError of a record that could not be read or checked)."""

    def __init__(self, default_markets: tuple[str, ...], all_records: bool):
        self.default_markets = default_markets
        self.all_records = all_records
        self._memo: dict[str, list] = {}
        self._clean: dict[int, tuple[list, dict]] = {}  # id(decoded clean result) -> (it, its dict)

    def decode(self, text: str | list) -> list:
        """A result's JSON text, decoded; a result without findings is shared by many records: kept."""
        if not isinstance(text, str):
            return text  # checked in this process: not encoded
        value = self._memo.get(text)
        if value is None:
            value = json.loads(text)
            if not value[6]:
                if len(self._memo) >= _MEMO_SIZE:
                    self._memo.clear()
                self._memo[text] = value
        return value

    def clean(self, value: list) -> dict | None:
        """The document dict of a decoded clean result without partial errors, shared by every record of
        that result and without its place: such a record is only counted (`Session.count_clean`). None
        for any other result, and with --all-records (every record is reported)."""
        if value[0] or value[6] or self.all_records:
            return None
        template = self._clean.get(id(value))
        if template is None or template[0] is not value:
            if len(self._clean) >= _MEMO_SIZE:
                self._clean.clear()
            template = self._clean[id(value)] = (value, record_dict(
                None, None, None, None, value[1], list(value[2]), list(value[3]), dict(value[4]), value[5], []))
        return template[1]

    def place(self, item: Record | Document, outcome: tuple) -> list[dict | InputError]:
        if isinstance(item, Record):
            return self.place_at(item.source.path, item.source.format, item.line, item.number, outcome, item)
        status, rid = outcome[0], outcome[1]
        path, line, base, rid = item.path, item.record_line, first_line(item), item.record
        if status != "ok":
            return self._failed(path, line, rid, outcome)
        problems, language, languages, markets, meta, checked, findings, kept = self.decode(outcome[2])
        findings = self._placed(findings, base, rid)
        d = document_dict(item, (), doc_markets(item, self.default_markets))
        d["language"] = language
        d["languages"] = list(languages)
        d["findings"] = findings
        if problems:
            return [*(PartialInputError(path, message, line=line, record=rid) for message in problems), d]
        return [d]

    def place_at(self, path: str, fmt: str, line: int, number: int, outcome: tuple,
                 item: Record | None = None, value: list | None = None) -> list[dict | InputError]:
        """An archive record's outcome, put at `path`, `line`, `number` (its `Record`, `item`, is needed only
        to rebuild a cached clean record's fields with --all-records; a file replayed from the cache has none).
        `value`: the result, when the caller decoded it already."""
        status, rid = outcome[0], outcome[1]
        if rid is None:
            rid = str(number)
        if status != "ok":
            return self._failed(path, line, rid, outcome)
        if value is None:
            value = self.decode(outcome[2])
        problems, language, languages, markets, meta, checked, findings, kept = value
        findings = self._placed(findings, line - 1, rid)
        d = record_dict(path, fmt, rid, line, language, list(languages), list(markets), dict(meta), checked,
                        findings)
        fields = kept if kept is not None else outcome[3]
        if fields is None and self.all_records and item is not None:
            doc, _ = item.document()  # a clean record read from the cache, reported whole
            fields = fields_of(doc) if doc is not None else {}
        if fields is not None:
            d["fields"] = fields
        # else: a clean record is only counted (findings only), so its text is left out
        if problems:
            return [*(PartialInputError(path, message, line=line, record=rid) for message in problems), d]
        return [d]

    @staticmethod
    def _placed(findings: list, base: int, rid: str | None) -> list:
        if not findings:
            return []
        for f in findings:  # (a result with findings is decoded for this record alone)
            f["line"] += base
            f["end_line"] += base
            if "record" in f:
                f["record"] = rid
        return findings

    @staticmethod
    def _failed(path: str, line: int, rid: str | None, outcome: tuple) -> list[InputError]:
        if outcome[0] == "unreadable":
            return [InputError(path, outcome[2], line=line)]
        out = [PartialInputError(path, message, line=line, record=rid) for message in outcome[3]]
        out.append(InputError(path, outcome[2], line=line, record=rid))
        return out


class _Tally:
    """Clean records of a findings-only audit, counted into the session in runs instead of being yielded
    one by one. A run is counted before anything after it is yielded, so the session's counts are those
    of the records before the item being reported (as if each clean record had been passed)."""

    __slots__ = ("session", "runs")

    def __init__(self, session):
        self.session = session
        self.runs: dict[int, list] = {}  # id(template dict) -> [it, records] (holding it keeps its id its own)

    def add(self, template: dict) -> None:
        run = self.runs.get(id(template))
        if run is None:
            self.runs[id(template)] = [template, 1]
        else:
            run[1] += 1

    def flush(self) -> None:
        if self.runs:
            for template, n in self.runs.values():
                self.session.count_clean(template, n)
            self.runs.clear()


def audit_items(checker, items: Iterable, markets: tuple[str, ...], p: dict, session,
                files: FileLayer | None = None) -> Iterator:
    """Check `items` (Records, Documents and InputErrors, as `sources.iter_records` yields them) and
    yield, in input order, what `check` would: the InputErrors, and per record or Document its partial
    errors and its document dict (`runner.document_dict`), or an InputError when it could not be read or
    checked. Unless `p["all_records"]`, the session reports only documents with findings, and a clean
    archive record is not yielded: it is counted into `session` (`Session.count_clean`, a run of them at
    a time, always before the next item is yielded).

    `files`: the `FileLayer` given to `iter_records` as its `archive_hook` (with a cache, archive files
    audited whole before are replayed from it, and those audited whole now are stored)."""
    jobs = p.get("jobs") or os.cpu_count() or 1
    jobs = max(1, int(jobs))
    max_errors = p.get("max_errors")
    quiet = bool(p.get("quiet"))
    all_records = bool(p.get("all_records"))
    session.findings_only = not all_records
    select = tuple(getattr(checker, "select", ()))
    ignore = tuple(getattr(checker, "ignore", ()))
    placer = _Placer(markets, all_records)
    tally = _Tally(session)

    cache = None
    if p.get("cache"):
        try:
            cache = ResultCache(p["cache"], ResultCache.salt(checker.ruleset, select, ignore, markets))
        except (OSError, sqlite3.Error) as exc:
            print(f"reelcheck: warning: cache disabled ({p['cache']}: {exc})", file=sys.stderr)
    if files is not None:  # (no cache: the hook reads every file as usual)
        files.cache = cache
        files.replay = not all_records
    writer: _FileWriter | None = None  # records the archive file being emitted, to store it once complete
    stderr_tty = hasattr(sys.stderr, "isatty") and sys.stderr.isatty()
    progress = Progress(enabled=stderr_tty and not quiet)

    pool: WorkerPool | None = None
    pending: deque[_Batch] = deque()
    errors = 0
    finished = False

    def start_pool() -> WorkerPool:
        global _FORK_CHECKER
        context = _mp_context()
        _FORK_CHECKER = checker if context.get_start_method() == "fork" else None
        return WorkerPool(jobs, context, _check_batch, _init_worker,
                          (tuple(p.get("packs") or ()), select, ignore, checker.ruleset.fingerprint))

    def payload(batch: _Batch, todo: list[int] | None = None) -> tuple:
        items = batch.items
        return (markets, all_records, cache is not None,
                [to_work(items[i]) for i in (batch.todo if todo is None else todo)])

    def prepare(batch: _Batch) -> None:
        """Take what the cache has; leave the rest to check."""
        items = batch.items
        batch.outcomes = [None] * len(items)
        todo = [i for i, item in enumerate(items) if isinstance(item, (Record, Document))]
        if cache is not None and todo:
            keys = [
                cache.record_key(items[i]) if isinstance(items[i], Record)
                else cache.document_key(items[i], doc_markets(items[i], markets))
                for i in todo
            ]
            misses = []
            for i, key, hit in zip(todo, keys, cache.get_many(keys), strict=True):
                if hit is None:
                    misses.append(i)
                    batch.keys.append(key)
                else:
                    batch.outcomes[i] = ("ok", hit[0], hit[1], None)
            cache.hits += len(todo) - len(misses)
            cache.misses += len(misses)
            todo = misses
        batch.todo = todo

    def submit(batch: _Batch) -> None:
        nonlocal pool
        if not batch.todo:
            return
        if jobs == 1:
            for i in batch.todo:
                batch.outcomes[i] = check_item(checker, batch.items[i], markets, all_records, as_text=cache is not None)
            return
        if pool is None:
            pool = start_pool()
        batch.ticket = pool.submit(payload(batch))

    def own_id(item: Record | Document) -> str | None:
        """The id field of a record a worker could not check (read here: the worker died on it)."""
        if isinstance(item, Record):
            doc, _ = item.document()
            return doc.record if doc is not None else None
        return None

    def collect(batch: _Batch) -> None:
        """Wait for a batch's results (a dead worker fails its records, never the audit)."""
        nonlocal pool
        if batch.ticket is None:
            return
        try:
            results = pool.result(batch.ticket)
        except WorkerDied:
            # a worker died (killed, out of memory, or a record crashed it): retry the batch once in a
            # fresh pool; if it dies again, check its records one by one, so that only the record that
            # kills a worker fails
            pool.stop()
            pool = start_pool()
            try:
                results = pool.result(pool.submit(payload(batch)))
            except WorkerDied:
                results = []
                for i in batch.todo:
                    try:
                        results.extend(pool.result(pool.submit(payload(batch, [i]))))
                    except WorkerDied:
                        pool.stop()
                        pool = start_pool()
                        results.append(("failed", own_id(batch.items[i]),
                                        "check failed: the worker process died on this record", ()))
            # later batches were lost with the old pool: send them again
            for later in pending:
                if later.ticket is not None:
                    later.ticket = None
                    submit(later)
        batch.ticket = None
        for i, result in zip(batch.todo, results, strict=True):
            batch.outcomes[i] = result

    def record(item, outcome: tuple | None) -> None:
        nonlocal writer
        try:
            kept = writer.add(item, outcome)
        except (sqlite3.Error, UnicodeEncodeError) as exc:
            print(f"reelcheck: warning: cannot write the cache: {exc}", file=sys.stderr)
            kept = False
        if not kept:
            writer.abandon()
            writer = None

    def marker(item: _FileStart | _FileEnd) -> None:
        """Start or end recording an archive file."""
        nonlocal writer
        if type(item) is _FileStart:
            if writer is not None:  # (a file whose end never came)
                writer.abandon()
            writer = _FileWriter(cache, item)
        elif writer is not None and writer.start is item.start:  # the end of the file being recorded
            done, writer = writer, None
            try:
                if item.unchanged:
                    done.finish()
                else:
                    done.abandon()
            except sqlite3.Error as exc:
                print(f"reelcheck: warning: cannot write the cache: {exc}", file=sys.stderr)
                done.abandon()

    def replay(item: _Replay) -> Iterator:
        """A whole file's outcomes from the cache, emitted as `emit` does a batch's."""
        nonlocal errors
        path, fmt = item.path, item.format
        place, clean, count = placer.place_at, placer.clean, tally.add
        cache.files_replayed += 1
        try:
            for results, others, ids, lines, numbers, refs in cache.file_chunks(item.entry, item.chunks):
                records = findings = 0
                for line, number, rid, ref in zip(lines, numbers, ids, refs, strict=True):
                    if ref >= 0:
                        result = results[ref]
                        template = clean(result)
                        if template is not None:  # (most records: only counted)
                            records += 1
                            count(template)
                            continue
                        outs = place(path, fmt, line, number, ("ok", rid, result, None), None, result)
                    else:
                        tally.flush()
                        other = others[-1 - ref]
                        if other[0] == "e":  # an error of the reader
                            _, fatal, message, err_line, err_record, offset = other
                            err = (InputError if fatal else PartialInputError)(
                                path, message, line=err_line, record=err_record, offset=offset)
                            errors += 1
                            records += fatal
                            yield err
                            continue
                        outs = place(path, fmt, line, number, ("unreadable", None, other[1]))
                    records += 1
                    tally.flush()
                    for out in outs:
                        if isinstance(out, InputError):
                            errors += 1
                        else:
                            findings += len(out["findings"])
                        yield out
                tally.flush()
                cache.records_replayed += records
                progress.update(records, findings)
        except LookupError as exc:
            tally.flush()
            errors += 1
            yield InputError(path, f"the cached outcomes of this file are damaged ({exc}); audit it again, "
                                   "or with --no-cache")

    def emit(batch: _Batch) -> Iterator:
        nonlocal errors
        collect(batch)
        records = findings = 0
        decode, clean, count = placer.decode, placer.clean, tally.add
        for item, outcome in zip(batch.items, batch.outcomes, strict=True):
            if outcome is None:
                tally.flush()
                if isinstance(item, _MARKERS):
                    if records or findings:
                        progress.update(records, findings)
                        records = findings = 0
                    if type(item) is _Replay:
                        yield from replay(item)
                    else:
                        marker(item)
                    continue
                # an InputError from the sources
                if writer is not None:
                    record(item, None)
                errors += 1
                records += is_fatal(item)
                yield item
                continue
            if writer is not None:
                record(item, outcome)
            records += 1
            if type(item) is Record and outcome[0] == "ok":
                value = decode(outcome[2])
                if outcome[3] is None:
                    template = clean(value)
                    if template is not None:  # (most records: only counted)
                        count(template)
                        continue
                source = item.source
                outs = placer.place_at(source.path, source.format, item.line, item.number, outcome, item, value)
            else:
                outs = placer.place(item, outcome)
            tally.flush()
            for out in outs:
                if isinstance(out, InputError):
                    errors += 1
                else:
                    findings += len(out["findings"])
                yield out
        tally.flush()
        if cache is not None and batch.keys:
            store = [(key, outcome[1], outcome[2]) for key, outcome in
                     zip(batch.keys, (batch.outcomes[i] for i in batch.todo), strict=True) if outcome[0] == "ok"]
            try:
                cache.put_many(store)
            except (sqlite3.Error, UnicodeEncodeError) as exc:
                print(f"reelcheck: warning: cannot write the cache: {exc}", file=sys.stderr)
        progress.update(records, findings)

    def too_many() -> bool:
        return max_errors is not None and errors > max_errors

    try:
        size = FIRST_BATCH
        batch = _Batch()
        stopped = False
        iterator = iter(items)
        while not stopped:
            item = next(iterator, None)
            if item is not None:
                batch.items.append(item)
                if len(batch.items) < size:
                    continue
            if batch.items:
                prepare(batch)
                submit(batch)
                pending.append(batch)
                batch = _Batch()
                size = min(size * 2, MAX_BATCH)
            if item is None:
                stopped = True
            # write out every batch that is done; wait when too many are in flight
            while pending and (
                stopped or len(pending) > jobs * IN_FLIGHT_PER_JOB
                or pending[0].ticket is None or pool.done(pending[0].ticket)
            ):
                done = pending.popleft()
                for out in emit(done):
                    yield out
                    if max_errors is not None and errors > max_errors:  # (too_many(), inline: per record)
                        break
                if too_many():
                    print(f"reelcheck: error: stopped after {errors} errors (--max-errors {max_errors}); "
                          f"{progress.done:,} records read, the rest of the input was not", file=sys.stderr)
                    pending.clear()
                    stopped = True
                    break
        finished = True
    except KeyboardInterrupt:
        progress.close()
        if pool is not None:
            pool.stop()
            pool = None
        out = p.get("output")
        where = f"; the report so far is in {out}.partial" if out else ""
        print(f"reelcheck: {progress.report('interrupted')}{where}", file=sys.stderr)
        raise
    finally:
        progress.close()
        if pool is not None:
            if finished:
                pool.close()
            else:
                pool.stop()
        if files is not None:
            files.cache = None
        if writer is not None:  # interrupted, or stopped by --max-errors: the file is not stored
            writer.abandon()
        if cache is not None:
            try:
                cache.close()
            except (sqlite3.Error, UnicodeEncodeError) as exc:
                print(f"reelcheck: warning: cannot write the cache: {exc}", file=sys.stderr)
    if not quiet and cache is not None and (cache.hits or cache.misses or cache.files_replayed) and stderr_tty:
        whole = f" ({cache.files_replayed:,} unchanged files replayed whole)" if cache.files_replayed else ""
        print(f"reelcheck: cache: {cache.hits + cache.records_replayed:,} records reused{whole}, "
              f"{cache.misses:,} checked ({cache.path})", file=sys.stderr)
