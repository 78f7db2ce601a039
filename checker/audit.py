"""`reelcheck audit`: the same check as `check`, at archive scale.

    documents (main process) -> batches of plain data -> worker processes (Checker built once each)
                             <- per record: language(s) and finding dicts, in input order

- **Streaming, bounded**: records are read, sent and written in batches; at most a few batches per
  worker are in flight, so memory does not grow with the archive.
- **Parallel**: `--jobs N` worker processes (`--jobs 1`: in this process, no pool). Workers get text
  and send findings back (never spaCy Docs: shipping Docs between processes costs more than making
  them). Output order is input order whatever N.
- **Incremental**: with a cache folder, each record's result is kept in a SQLite file under a key
  that hashes the record's text, offsets and metadata, its markets, the rule packs' content
  (`RuleSet.fingerprint`), `--select`/`--ignore` and the tool version: an unchanged archive is read
  back from the cache, and any pack change re-checks everything.
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
import sys
import time
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from . import __version__
from .model import Document, InputError, Meta, Segment, UsageError
from .runner import document_dict
from .sources.errors import is_fatal

FIRST_BATCH = 16  # records; batches double up to MAX_BATCH (early output, small inputs spread over workers)
MAX_BATCH = 256
IN_FLIGHT_PER_JOB = 3  # batches queued per worker: enough to keep it busy, bounded memory
CACHE_FILE = "audit-v1.sqlite3"
CACHE_FORMAT = "1"


# --- plain data for the workers ---------------------------------------------------------------------

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


def check_one(checker, doc: Document, markets: tuple[str, ...]) -> tuple:
    """("ok", language, languages, finding dicts) or ("error", reason): never raises for a record."""
    try:
        findings = checker.check(doc, markets)
        return ("ok", doc.language, tuple(doc.languages), [f.to_dict() for f in findings])
    except UsageError as exc:
        return ("error", str(exc))
    except Exception as exc:  # a rule or the tokenizer raised on this record: report it, go on
        return ("error", f"check failed: {type(exc).__name__}: {exc}")


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


def _check_batch(batch: list[tuple]) -> list[tuple]:
    """Worker task: [(packed document, markets)] -> [result of check_one]."""
    if _WORKER_PROBLEM:
        return [("error", _WORKER_PROBLEM)] * len(batch)
    checker = _WORKER_CHECKER
    return [check_one(checker, unpack_document(data), markets) for data, markets in batch]


# --- the cache ----------------------------------------------------------------------------------------

def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reelcheck"


class ResultCache:
    """Per-record results in one SQLite file (WAL), keyed by `key()`."""

    def __init__(self, folder: str | os.PathLike, salt: str):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / CACHE_FILE
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS results (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
        self._salt = hashlib.sha256(salt.encode("utf-8"))
        self.hits = 0
        self.misses = 0

    @staticmethod
    def salt(ruleset, select: Iterable[str], ignore: Iterable[str]) -> str:
        return "\x1e".join([
            CACHE_FORMAT, __version__, ruleset.fingerprint, ",".join(sorted(select)), ",".join(sorted(ignore)),
        ])

    def key(self, doc: Document, markets: tuple[str, ...]) -> bytes:
        """Everything the findings depend on: text, offsets into the original, metadata, markets."""
        h = self._salt.copy()
        m = doc.meta
        base = doc.segments[0].line_offset if doc.segments else 0
        h.update(repr((markets, m.language, m.sponsored, m.product, m.platform, m.account, m.type)).encode())
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
        return h.digest()

    def get_many(self, keys: list[bytes]) -> dict[bytes, tuple]:
        out: dict[bytes, tuple] = {}
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), 500):
            part = unique[i : i + 500]
            q = f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(part))})"
            for key, value in self.db.execute(q, part):
                out[key] = json.loads(zlib.decompress(value))
        return out

    def put_many(self, rows: list[tuple[bytes, tuple]]) -> None:
        if not rows:
            return
        data = [(k, zlib.compress(json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1))
                for k, v in rows]
        try:
            self.db.execute("BEGIN")
            self.db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", data)
            self.db.execute("COMMIT")
        except sqlite3.Error:
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


def _to_cache(doc: Document, result: tuple) -> tuple:
    """A result without what depends on where the record sits (its id, its line in the file)."""
    _, language, languages, findings = result
    base = doc.segments[0].line_offset if doc.segments else 0
    rel = []
    for f in findings:
        f = dict(f)
        f.pop("record", None)
        f["line"] -= base
        f["end_line"] -= base
        rel.append(f)
    return (language, list(languages), rel)


def _from_cache(doc: Document, value) -> tuple:
    language, languages, rel = value
    base = doc.segments[0].line_offset if doc.segments else 0
    findings = []
    for f in rel:
        f = dict(f)  # (the same cached value may serve several records of a batch)
        f["line"] += base
        f["end_line"] += base
        if doc.record is not None:
            f["record"] = doc.record
        findings.append(f)
    return ("ok", language, tuple(languages), findings)


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
    __slots__ = ("entries", "future", "todo")

    def __init__(self):
        self.entries: list = []  # InputError, or [Document, markets, cache key, result, fresh]
        self.todo: list = []  # entries whose result the workers compute
        self.future: Future | None = None


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def audit_items(checker, items: Iterable, markets: tuple[str, ...], p: dict, session) -> Iterator:
    """Check `items` (Documents and InputErrors, as `iter_documents` yields them) and yield, in input
    order, a document dict (`runner.document_dict`) per Document and the InputErrors, plus an
    InputError for each record whose check failed."""
    jobs = p.get("jobs") or os.cpu_count() or 1
    jobs = max(1, int(jobs))
    max_errors = p.get("max_errors")
    quiet = bool(p.get("quiet"))
    if hasattr(session, "findings_only"):
        session.findings_only = not p.get("all_records")
    select = tuple(getattr(checker, "select", ()))
    ignore = tuple(getattr(checker, "ignore", ()))

    cache = None
    if p.get("cache"):
        try:
            cache = ResultCache(p["cache"], ResultCache.salt(checker.ruleset, select, ignore))
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

    def submit(batch: _Batch) -> None:
        nonlocal executor
        if not batch.todo:
            return
        if jobs == 1:
            for entry in batch.todo:
                entry[3] = check_one(checker, entry[0], entry[1])
            return
        if executor is None:
            executor = start_pool()
        payload = [(pack_document(e[0]), e[1]) for e in batch.todo]
        batch.future = executor.submit(_check_batch, payload)

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
                results = executor.submit(_check_batch, [(pack_document(e[0]), e[1]) for e in batch.todo]).result()
            except BrokenProcessPool:
                _stop(executor)
                executor = start_pool()
                results = [("error", "check failed: the worker process died on this batch")] * len(batch.todo)
            # later batches were lost with the old pool: send them again
            for later in pending:
                if later.future is not None:
                    later.future = None
                    submit(later)
        for entry, result in zip(batch.todo, results, strict=True):
            entry[3] = result

    def emit(batch: _Batch) -> Iterator:
        nonlocal errors
        collect(batch)
        store = []
        records = findings = 0
        for entry in batch.entries:
            if isinstance(entry, InputError):
                errors += 1
                records += is_fatal(entry)
                yield entry
                continue
            doc, doc_mk, key, result, fresh = entry
            records += 1
            if result[0] == "error":
                errors += 1
                yield InputError(doc.path, result[1], line=doc.record_line, record=doc.record)
                continue
            if fresh and cache is not None:
                store.append((key, _to_cache(doc, result)))
            _, language, languages, found = result
            doc.language = language
            doc.languages = tuple(languages)
            d = document_dict(doc, (), doc_mk)
            d["findings"] = found
            findings += len(found)
            yield d
        if store:
            try:
                cache.put_many(store)
            except sqlite3.Error as exc:
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
                if isinstance(item, InputError):
                    batch.entries.append(item)
                else:
                    doc_mk = doc_markets(item, markets)
                    entry = [item, doc_mk, None, None, False]
                    if not any(s.text and not s.text.isspace() for s in item.segments):
                        entry[3] = ("ok", None, (), [])  # nothing to check (counted as skipped)
                    else:
                        entry[4] = True  # checked in this run (not read from the cache)
                        batch.todo.append(entry)
                    batch.entries.append(entry)
                if len(batch.entries) < size:
                    continue
            if batch.entries:
                if cache is not None and batch.todo:
                    for entry in batch.todo:
                        entry[2] = cache.key(entry[0], entry[1])
                    found = cache.get_many([e[2] for e in batch.todo])
                    cache.hits += len(found)
                    todo = []
                    for entry in batch.todo:
                        value = found.get(entry[2])
                        if value is None:
                            todo.append(entry)
                        else:
                            entry[3] = _from_cache(entry[0], value)
                            entry[4] = False
                    cache.misses += len(todo)
                    batch.todo = todo
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
