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
  back in its place without being parsed: an unchanged archive is read back from the cache, and any
  pack change re-checks everything.
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
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from . import __version__
from .model import Document, InputError, Meta, Segment, UsageError
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
_KEY = struct.Struct("<qq")  # a cache key: the first 16 bytes of a SHA-256, as (row id, check)


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
                                               (the list itself without `as_text`: in this process, no cache)
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
        found = checker.check(doc, markets) if checked else []
    except UsageError as exc:
        return ("failed", own_id, str(exc), problems)
    except Exception as exc:  # a rule or the tokenizer raised on this record: report it, go on
        return ("failed", own_id, f"check failed: {type(exc).__name__}: {exc}", problems)
    base = first_line(doc)
    findings = [f.to_dict() for f in found]
    for f in findings:
        f["line"] -= base
        f["end_line"] -= base
        if "record" in f:
            f["record"] = None
    record = isinstance(item, Record)
    fields = fields_of(doc) if record and (findings or all_records) else None
    result = [problems, doc.language, list(doc.languages), list(markets), declared_meta(doc.meta), checked,
              findings, fields if findings else None]
    if as_text:  # (ASCII: a lone surrogate from a JSON escape can be stored)
        result = json.dumps(result, separators=(",", ":"))
    return ("ok", own_id, result, None if findings else fields)


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
    """Worker task: (default markets, all records?, [to_work(item)]) -> [check_item result]."""
    default_markets, all_records, works = payload
    checker, problem = _WORKER_CHECKER, _WORKER_PROBLEM
    return [check_item(checker, from_work(w), default_markets, all_records, problem) for w in works]


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
        self._salt = hashlib.sha256(salt.encode("utf-8"))
        self._sources: dict = {}  # Archive -> hash of the salt and how the archive is read
        self.hits = 0
        self.misses = 0

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
        if not rows:
            return
        data = [(key[0], key[1], record, value) for key, record, value in rows]
        try:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO results (id, chk, record, value) VALUES (?, ?, ?, ?)", data)
            self.db.execute("COMMIT")
        except (sqlite3.Error, UnicodeEncodeError):
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass


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

    __slots__ = ("items", "outcomes", "todo", "keys", "future")

    def __init__(self):
        self.items: list = []
        self.outcomes: list[tuple | None] = []
        self.todo: list[int] = []
        self.keys: list[tuple[int, int]] = []  # of `todo`, in the same order
        self.future: Future | None = None


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

    def place(self, item: Record | Document, outcome: tuple) -> list[dict | InputError]:
        status, rid = outcome[0], outcome[1]
        record = isinstance(item, Record)
        if record:
            path, line, base = item.source.path, item.line, item.line - 1
            if rid is None:
                rid = str(item.number)
        else:
            path, line, base, rid = item.path, item.record_line, first_line(item), item.record
        if status != "ok":
            if status == "unreadable":
                return [InputError(path, outcome[2], line=line)]
            out = [PartialInputError(path, message, line=line, record=rid) for message in outcome[3]]
            out.append(InputError(path, outcome[2], line=line, record=rid))
            return out
        problems, language, languages, markets, meta, checked, findings, kept = self.decode(outcome[2])
        if findings:
            for f in findings:  # (a result with findings is decoded for this record alone)
                f["line"] += base
                f["end_line"] += base
                if "record" in f:
                    f["record"] = rid
        else:
            findings = []
        if record:
            d = record_dict(path, item.source.format, rid, line, language, list(languages), list(markets),
                            dict(meta), checked, findings)
            fields = kept if kept is not None else outcome[3]
            if fields is None and self.all_records:
                doc, _ = item.document()  # a clean record read from the cache, reported whole
                fields = fields_of(doc) if doc is not None else {}
            if fields is not None:
                d["fields"] = fields
            # else: a clean record is only counted (findings only), so its text is left out
        else:
            d = document_dict(item, (), doc_markets(item, self.default_markets))
            d["language"] = language
            d["languages"] = list(languages)
            d["findings"] = findings
        if problems:
            return [*(PartialInputError(path, message, line=line, record=rid) for message in problems), d]
        return [d]


def audit_items(checker, items: Iterable, markets: tuple[str, ...], p: dict, session) -> Iterator:
    """Check `items` (Records, Documents and InputErrors, as `sources.iter_records` yields them) and
    yield, in input order, what `check` would: the InputErrors, and per record or Document its partial
    errors and its document dict (`runner.document_dict`), or an InputError when it could not be read or
    checked. Unless `p["all_records"]`, the session reports only documents with findings, and the dict
    of a clean archive record leaves out its `fields` (its text: it is only counted)."""
    jobs = p.get("jobs") or os.cpu_count() or 1
    jobs = max(1, int(jobs))
    max_errors = p.get("max_errors")
    quiet = bool(p.get("quiet"))
    all_records = bool(p.get("all_records"))
    if hasattr(session, "findings_only"):
        session.findings_only = not all_records
    select = tuple(getattr(checker, "select", ()))
    ignore = tuple(getattr(checker, "ignore", ()))
    placer = _Placer(markets, all_records)

    cache = None
    if p.get("cache"):
        try:
            cache = ResultCache(p["cache"], ResultCache.salt(checker.ruleset, select, ignore, markets))
        except (OSError, sqlite3.Error) as exc:
            print(f"reelcheck: warning: cache disabled ({p['cache']}: {exc})", file=sys.stderr)
    stderr_tty = hasattr(sys.stderr, "isatty") and sys.stderr.isatty()
    progress = Progress(enabled=stderr_tty and not quiet)

    executor: ProcessPoolExecutor | None = None
    pending: deque[_Batch] = deque()
    errors = 0
    finished = False

    def start_pool() -> ProcessPoolExecutor:
        global _FORK_CHECKER
        context = _mp_context()
        _FORK_CHECKER = checker if context.get_start_method() == "fork" else None
        return ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=context,
            initializer=_init_worker,
            initargs=(tuple(p.get("packs") or ()), select, ignore, checker.ruleset.fingerprint),
        )

    def payload(batch: _Batch) -> tuple:
        items = batch.items
        return (markets, all_records, [to_work(items[i]) for i in batch.todo])

    def prepare(batch: _Batch) -> None:
        """Take what the cache has; leave the rest to check."""
        items = batch.items
        batch.outcomes = [None] * len(items)
        todo = [i for i, item in enumerate(items) if not isinstance(item, InputError)]
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
        nonlocal executor
        if not batch.todo:
            return
        if jobs == 1:
            for i in batch.todo:
                batch.outcomes[i] = check_item(checker, batch.items[i], markets, all_records, as_text=cache is not None)
            return
        if executor is None:
            executor = start_pool()
        batch.future = executor.submit(_check_batch, payload(batch))

    def collect(batch: _Batch) -> None:
        """Wait for a batch's results (a dead worker fails its records, never the audit)."""
        nonlocal executor
        if batch.future is None:
            return
        try:
            results = batch.future.result()
        except BrokenProcessPool:
            # a worker died (killed, out of memory): retry this batch once in a fresh pool
            _stop(executor)
            executor = start_pool()
            try:
                results = executor.submit(_check_batch, payload(batch)).result()
            except BrokenProcessPool:
                _stop(executor)
                executor = start_pool()
                results = [("failed", None, "check failed: the worker process died on this batch", ())
                           ] * len(batch.todo)
            # later batches were lost with the old pool: send them again
            for later in pending:
                if later.future is not None:
                    later.future = None
                    submit(later)
        for i, result in zip(batch.todo, results, strict=True):
            batch.outcomes[i] = result

    def emit(batch: _Batch) -> Iterator:
        nonlocal errors
        collect(batch)
        records = findings = 0
        for item, outcome in zip(batch.items, batch.outcomes, strict=True):
            if outcome is None:  # an InputError from the sources
                errors += 1
                records += is_fatal(item)
                yield item
                continue
            records += 1
            for out in placer.place(item, outcome):
                if isinstance(out, InputError):
                    errors += 1
                else:
                    findings += len(out["findings"])
                yield out
        if cache is not None and batch.keys:
            store = [(key, outcome[1], outcome[2]) for key, outcome in
                     zip(batch.keys, (batch.outcomes[i] for i in batch.todo), strict=True) if outcome[0] == "ok"]
            try:
                cache.put_many(store)
            except (sqlite3.Error, UnicodeEncodeError) as exc:  # (a record id with a lone surrogate)
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
                or pending[0].future is None or pending[0].future.done()
            ):
                done = pending.popleft()
                for out in emit(done):
                    yield out
                    if too_many():
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
        if executor is not None:
            _stop(executor)
            executor = None
        out = p.get("output")
        where = f"; the report so far is in {out}.partial" if out else ""
        print(f"reelcheck: {progress.report('interrupted')}{where}", file=sys.stderr)
        raise
    finally:
        progress.close()
        if executor is not None:
            if finished:
                executor.shutdown(wait=True)
            else:
                _stop(executor)
        if cache is not None:
            cache.close()
    if not quiet and cache is not None and (cache.hits or cache.misses) and stderr_tty:
        print(f"reelcheck: cache: {cache.hits:,} records reused, {cache.misses:,} checked ({cache.path})",
              file=sys.stderr)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop a pool now: cancel what is queued, end the workers."""
    processes = set((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    # the pool may have started a worker after the first look: look again once it can start no more
    processes |= set((getattr(executor, "_processes", None) or {}).values())
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(timeout=5)
    executor.shutdown(wait=True)  # the pool's manager thread reaps what is left
    # a worker the pool was starting while it was stopped: ours too (the pool names them *Process-N)
    for proc in multiprocessing.active_children():
        if proc.name.startswith(("ForkProcess-", "SpawnProcess-", "ForkServerProcess-")) and proc.is_alive():
            proc.terminate()
            proc.join(timeout=5)
