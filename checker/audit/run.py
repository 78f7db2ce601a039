"""The audit's executor: items in batches to the workers (or this process), outcomes put back in their
place, in input order, with the result cache and its whole-file layer around them.

- **Streaming, bounded**: items are read, sent and written in batches that double from FIRST_BATCH to
  MAX_BATCH; at most IN_FLIGHT_PER_JOB batches per worker are in flight, so memory does not grow with
  the archive.
- **Nothing lost**: a record whose check fails is reported as an `InputError` naming the record and the
  reason, and the audit goes on; a worker that dies fails only the record that killed it;
  `--max-errors N` stops once more than N errors were seen; on Ctrl-C the workers are stopped and what
  was done is printed (the caller keeps `<out>.partial`).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..check import ItemResult, fields_of, has_text, item_markets, record_dict
from ..model import Document, InputError
from ..pool import Ticket, WorkerDied, WorkerPool
from ..reporters._common import printable
from ..sources import Record
from ..sources.errors import PartialInputError, is_fatal
from . import work
from .cache import ResultCache
from .filecache import MARKERS, ChunkWriter, FileLayer, FileStart, Replay

FIRST_BATCH = 16  # records; batches double up to MAX_BATCH (early output, small inputs spread over workers)
MAX_BATCH = 256
IN_FLIGHT_PER_JOB = 3  # batches queued per worker: enough to keep it busy, bounded memory


@dataclass(frozen=True)
class AuditOptions:
    """How an audit runs (the CLI builds it from `reelcheck audit`'s options)."""

    jobs: int = 1  # worker processes; 1 checks in this process
    cache: str | None = None  # cache folder, None for no cache
    max_errors: int | None = None  # stop once more than this many errors were seen
    all_records: bool = False  # report clean records too (else they are only counted)
    quiet: bool = False  # no progress line or cache note on stderr
    packs: tuple[str, ...] = ()  # the extra pack folders the Checker was built from (for spawned workers)
    output: str | None = None  # where the report goes (named when the audit is interrupted)
    progress: bool | None = None  # progress bar on stderr (None: when stderr is a terminal, unless quiet)
    input_bytes: int | None = None  # size of the input files, when known: the bar shows a percentage
    bytes_read: object = None  # () -> bytes of the input read so far


# --- progress ------------------------------------------------------------------------------------------

class Progress:
    """A tqdm progress bar on stderr: records and findings so far, their rate and the time, and with the
    input's size known (`total`: bytes of the files named) a percentage and an ETA from the bytes read
    (`bytes_read()`). Lines printed through `above` go above the bar, never into it."""

    def __init__(self, enabled: bool, stream=None, total: int | None = None, bytes_read=None):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.start = time.monotonic()
        self.done = 0
        self.findings = 0
        self.bytes_read = bytes_read if total else None
        self.bar = None
        if enabled:
            from tqdm import tqdm

            if self.bytes_read is not None:
                self.bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=self.stream,
                                desc="reelcheck", leave=False, mininterval=0.2, dynamic_ncols=True,
                                bar_format="{desc}: {percentage:3.0f}%|{bar}| {postfix} [{elapsed}<{remaining}]")
            else:
                self.bar = tqdm(unit=" records", file=self.stream, desc="reelcheck", leave=False, mininterval=0.2,
                                dynamic_ncols=True)

    def update(self, records: int, findings: int) -> None:
        self.done += records
        self.findings += findings
        bar = self.bar
        if bar is None:
            return
        if self.bytes_read is not None:
            bar.set_postfix_str(f"{self.done:,} records, {self.findings:,} findings, "
                                f"{self.done / max(time.monotonic() - self.start, 1e-9):,.0f} records/s", refresh=False)
            bar.update(min(self.bytes_read(), bar.total) - bar.n)
        else:
            bar.set_postfix_str(f"{self.findings:,} findings", refresh=False)
            bar.update(records)

    def above(self):
        """A stream for stderr lines while the bar is drawn: each is printed above it."""
        return _Above(self) if self.bar is not None else self.stream

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def report(self, what: str, records: int, findings: int) -> str:
        """`what` after N records (the session's count: the one the summary gives)."""
        elapsed = time.monotonic() - self.start
        return f"{what} after {records:,} records ({findings:,} findings) in {_clock(elapsed)}"


class _Above:
    def __init__(self, progress: Progress):
        self.progress = progress

    def write(self, text: str) -> None:
        bar = self.progress.bar
        if bar is None:
            self.progress.stream.write(text)
        elif text.strip():
            bar.write(text.rstrip("\n"), file=self.progress.stream)

    def flush(self) -> None:
        self.progress.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _warn(what: str, exc: Exception) -> None:
    print(f"reelcheck: warning: {what}: {printable(exc)}", file=sys.stderr)


# --- putting outcomes back in their place ---------------------------------------------------------------

class _Batch:
    """Items in input order with their outcomes (`work.check_work`'s; None for an InputError or a marker),
    the indexes of those to check (`todo`), and with a cache the keys of those (stored once checked)."""

    __slots__ = ("items", "outcomes", "todo", "keys", "ticket")

    def __init__(self):
        self.items: list = []
        self.outcomes: list[tuple | None] = []
        self.todo: list[int] = []
        self.keys: list[tuple[int, int]] = []  # of `todo`, in the same order
        self.ticket: Ticket | None = None


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
                if len(self._memo) >= work.MEMO_SIZE:
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
            if len(self._clean) >= work.MEMO_SIZE:
                self._clean.clear()
            template = self._clean[id(value)] = (value, record_dict(
                None, None, None, None, value[1], list(value[2]), list(value[3]), dict(value[4]), value[5], [],
                _commerce(value)))
        return template[1]

    def place(self, item: Record | Document, outcome: tuple) -> list[dict | InputError]:
        if isinstance(item, Record):
            return self.place_at(item.source.path, item.source.format, item.line, item.number, outcome, item)
        path, line, rid = item.path, item.record_line, item.record
        if outcome[0] != "ok":
            return self._failed(path, line, rid, outcome)
        value = self.decode(outcome[2])
        problems, language, languages, _, _, _, findings, _ = value[:8]
        d = ItemResult(item, item_markets(item, self.default_markets), has_text(item), language=language,
                       languages=tuple(languages)).to_dict()
        if "commerce" in d:
            d["commerce"] = _commerce(value)
        base = work.first_line(item)
        d["findings"] = self._placed(findings, base, rid)
        return [*(_problem(path, p, line, base, rid) for p in problems), d]

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
        problems, language, languages, markets, meta, checked, findings, kept = value[:8]
        findings = self._placed(findings, line - 1, rid)
        d = record_dict(path, fmt, rid, line, language, list(languages), list(markets), dict(meta), checked,
                        findings, _commerce(value))
        fields = kept if kept is not None else outcome[3]
        if fields is None and self.all_records and item is not None:
            doc, _ = item.document()  # a clean record read from the cache, reported whole
            fields = fields_of(doc) if doc is not None else {}
        if fields is not None:
            d["fields"] = fields
        # else: a clean record is only counted (findings only), so its text is left out
        return [*(_problem(path, p, line, line - 1, rid) for p in problems), d]

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
        if outcome[0] == "unreadable":  # ("unreadable", None, why, line, column: where in the file it goes wrong)
            return [InputError(path, outcome[2], line=outcome[3], column=outcome[4])]
        out = [PartialInputError(path, message, line=line, record=rid) for message in outcome[3]]
        out.append(InputError(path, outcome[2], line=line, record=rid))
        return out


def _problem(path: str, problem, line: int | None, base: int, rid: str | None) -> PartialInputError:
    """A partial error of a document at `line` (its record's), or at its own line (`work.portable`: a
    problem with a line relative to `base`)."""
    if isinstance(problem, list):
        message, rel = problem
        return PartialInputError(path, message, line=base + rel, record=rid)
    return PartialInputError(path, problem, line=line, record=rid)


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


def _mp_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


# --- the audit -------------------------------------------------------------------------------------------

def audit_items(checker, items: Iterable, markets: tuple[str, ...], options: AuditOptions, session,
                files: FileLayer | None = None) -> Iterator:
    """Check `items` (Records, Documents and InputErrors, as `sources.iter_records` yields them) and
    yield, in input order, what `check` would: the InputErrors, and per record or Document its partial
    errors and its document dict, or an InputError when it could not be read or checked. Unless
    `options.all_records`, the session reports only documents with findings, and a clean archive record
    is not yielded: it is counted into `session` (`Session.count_clean`, a run of them at a time, always
    before the next item is yielded).

    `files`: the `FileLayer` given to `iter_records` as its `archive_hook` (with a cache, archive files
    audited whole before are replayed from it, and those audited whole now are stored)."""
    yield from _Audit(checker, markets, options, session, files).run(items)


class _Audit:
    """The state of one audit: its pool, the batches in flight, the cache, the file being recorded."""

    def __init__(self, checker, markets: tuple[str, ...], options: AuditOptions, session,
                 files: FileLayer | None):
        self.checker = checker
        self.markets = markets
        self.options = options
        self.jobs = max(1, int(options.jobs or 1))
        self.all_records = options.all_records
        self.session = session
        session.findings_only = not options.all_records
        self.select = tuple(getattr(checker, "select", ()))
        self.ignore = tuple(getattr(checker, "ignore", ()))
        self.placer = _Placer(markets, options.all_records)
        self.tally = _Tally(session)
        self.cache: ResultCache | None = None
        if options.cache:
            try:
                self.cache = ResultCache(options.cache,
                                         ResultCache.salt(checker.ruleset, self.select, self.ignore, markets))
            except (OSError, sqlite3.Error) as exc:
                print(f"reelcheck: warning: cache disabled ({options.cache}: {exc})", file=sys.stderr)
        self.files = files
        if files is not None:  # (no cache: the hook reads every file as usual)
            files.cache = self.cache
            files.replay = not options.all_records
        self.writer: ChunkWriter | None = None  # records the archive file being emitted, to store it once complete
        self.stderr_tty = hasattr(sys.stderr, "isatty") and sys.stderr.isatty()
        show = options.progress if options.progress is not None else (self.stderr_tty and not options.quiet)
        self.progress = Progress(enabled=show, total=options.input_bytes, bytes_read=options.bytes_read)
        session.stderr = self.progress.above()  # (input errors print above the bar)
        self.pool: WorkerPool | None = None
        self.pending: deque[_Batch] = deque()
        self.errors = 0

    # -- checking batches --

    def start_pool(self) -> WorkerPool:
        context = _mp_context()
        fork = context.get_start_method() == "fork"
        languages = self.checker.market_info(self.markets)[0]
        if fork and len(languages) == 1:
            # the one language of the run's markets (every record of them is checked in it) made ready
            # here, once (read from the compiled-pack cache, or compiled on every core), before the
            # workers fork: they inherit it, instead of each reading or compiling its own copy. (Where
            # the markets have several, a worker makes only those its records turn out to need.)
            self.checker.compiled.for_language(languages[0])
        work.FORK_CHECKER = self.checker if fork else None
        return WorkerPool(self.jobs, context, work.check_batch, work.init_worker,
                          (tuple(self.options.packs), self.select, self.ignore, self.checker.ruleset.fingerprint))

    def payload(self, batch: _Batch, todo: list[int] | None = None) -> tuple:
        items = batch.items
        return (self.markets, self.all_records, self.cache is not None,
                [work.to_work(items[i]) for i in (batch.todo if todo is None else todo)])

    def prepare(self, batch: _Batch) -> None:
        """Take what the cache has; leave the rest to check."""
        items, cache = batch.items, self.cache
        batch.outcomes = [None] * len(items)
        todo = [i for i, item in enumerate(items) if isinstance(item, (Record, Document))]
        if cache is not None and todo:
            keys = [
                cache.record_key(items[i]) if isinstance(items[i], Record)
                else cache.document_key(items[i], item_markets(items[i], self.markets))
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

    def submit(self, batch: _Batch) -> None:
        if not batch.todo:
            return
        if self.jobs == 1:
            outcomes = work.check_works(self.checker, [batch.items[i] for i in batch.todo], self.markets,
                                        self.all_records, as_text=self.cache is not None)
            for i, outcome in zip(batch.todo, outcomes, strict=True):
                batch.outcomes[i] = outcome
            return
        if self.pool is None:
            self.pool = self.start_pool()
        batch.ticket = self.pool.submit(self.payload(batch))

    def collect(self, batch: _Batch) -> None:
        """Wait for a batch's results (a dead worker fails its records, never the audit)."""
        if batch.ticket is None:
            return
        try:
            results = self.pool.result(batch.ticket)
        except WorkerDied:
            results = self.after_death(batch)
        batch.ticket = None
        for i, result in zip(batch.todo, results, strict=True):
            batch.outcomes[i] = result

    def after_death(self, batch: _Batch) -> list[tuple]:
        """A worker died (killed, out of memory, or a record crashed it): the batch is retried once in a
        fresh pool; if it dies again its records are checked one by one, so that only the record that
        kills a worker fails. The later batches, lost with the old pool, are sent again."""
        self.pool.stop()
        self.pool = self.start_pool()
        try:
            results = self.pool.result(self.pool.submit(self.payload(batch)))
        except WorkerDied:
            results = []
            for i in batch.todo:
                try:
                    results.extend(self.pool.result(self.pool.submit(self.payload(batch, [i]))))
                except WorkerDied:
                    self.pool.stop()
                    self.pool = self.start_pool()
                    results.append(("failed", _own_id(batch.items[i]),
                                    "check failed: the worker process died on this record", ()))
        for later in self.pending:
            if later.ticket is not None:
                later.ticket = None
                self.submit(later)
        return results

    # -- recording archive files for the whole-file layer --

    def record(self, item, outcome: tuple | None, value: list | None = None) -> None:
        try:
            kept = self.writer.add(item, outcome, value)
        except (sqlite3.Error, UnicodeEncodeError) as exc:
            _warn("cannot write the cache", exc)
            kept = False
        if not kept:
            self.writer.abandon()
            self.writer = None

    def marker(self, item) -> None:
        """Start or end recording an archive file."""
        if type(item) is FileStart:
            if self.writer is not None:  # (a file whose end never came)
                self.writer.abandon()
            self.writer = ChunkWriter(self.cache, item)
        elif self.writer is not None and self.writer.start is item.start:  # the end of the file being recorded
            done, self.writer = self.writer, None
            try:
                if item.unchanged:
                    done.finish()
                else:
                    done.abandon()
            except sqlite3.Error as exc:
                _warn("cannot write the cache", exc)
                done.abandon()

    # -- emitting outcomes in input order --

    def _yield_outs(self, outs: list) -> Iterator:
        """Yield placed outcomes, counting errors; returns the findings yielded (via StopIteration)."""
        findings = 0
        for out in outs:
            if isinstance(out, InputError):
                self.errors += 1
            else:
                findings += len(out["findings"])
            yield out
        return findings

    def replay(self, item: Replay) -> Iterator:
        """A whole file's outcomes from the cache, emitted as `emit` does a batch's."""
        cache, tally = self.cache, self.tally
        path, fmt = item.path, item.format
        place, clean, count = self.placer.place_at, self.placer.clean, tally.add
        cache.files_replayed += 1
        done = 0  # entries replayed (one per record or error of the reader, in file order)
        try:
            for results, others, ids, lines, numbers, refs in cache.file_chunks(item.entry, item.chunks, item.key):
                records = findings = 0
                for line, number, rid, ref in zip(lines, numbers, ids, refs, strict=True):
                    done += 1
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
                            _, fatal, message, err_line, err_record, offset, column = other
                            err = (InputError if fatal else PartialInputError)(
                                path, message, line=err_line, record=err_record, offset=offset, column=column)
                            self.errors += 1
                            records += fatal
                            yield err
                            continue
                        outs = place(path, fmt, line, number, ("unreadable", None, *other[1:]))
                    records += 1
                    tally.flush()
                    findings += yield from self._yield_outs(outs)
                tally.flush()
                cache.records_replayed += records
                self.progress.update(records, findings)
        except LookupError as exc:
            tally.flush()
            cache.damaged += 1
            cache.drop_file(item.entry)
            if item.read is None:
                self.errors += 1
                yield InputError(path, f"the cached outcomes of this file are damaged ({exc}); audit it again, "
                                       "or with --no-cache")
                return
            _warn(f"{path}: the cached outcomes of this file could not be read to the end; the rest is checked "
                  "again", exc)
            yield from self.read_rest(item, done)

    def read_rest(self, item: Replay, done: int) -> Iterator:
        """A file whose replay stopped after `done` entries: read it again, skip what was replayed, and
        check the rest in batches, emitted in place (so the report is complete whatever the cache held)."""
        rest = iter(item.read())
        for _ in range(done):  # (an entry per record or error of the reader, as ChunkWriter stored them)
            if next(rest, None) is None:
                return
        while True:
            batch = _Batch()
            batch.items = [i for _, i in zip(range(MAX_BATCH), rest, strict=False)]
            if not batch.items:
                return
            self.prepare(batch)
            self.submit(batch)
            yield from self.emit(batch)

    def emit(self, batch: _Batch) -> Iterator:
        self.collect(batch)
        records = findings = 0
        placer, tally = self.placer, self.tally
        decode, clean, count = placer.decode, placer.clean, tally.add
        for item, outcome in zip(batch.items, batch.outcomes, strict=True):
            if outcome is None:
                tally.flush()
                if isinstance(item, MARKERS):
                    if records or findings:
                        self.progress.update(records, findings)
                        records = findings = 0
                    if type(item) is Replay:
                        yield from self.replay(item)
                    else:
                        self.marker(item)
                    continue
                # an InputError from the sources
                if self.writer is not None:
                    self.record(item, None)
                self.errors += 1
                records += is_fatal(item)
                yield item
                continue
            records += 1
            if type(item) is Record and outcome[0] == "ok":
                value = decode(outcome[2])
                if self.writer is not None:
                    self.record(item, outcome, value)
                if outcome[3] is None:
                    template = clean(value)
                    if template is not None:  # (most records: only counted)
                        count(template)
                        continue
                source = item.source
                outs = placer.place_at(source.path, source.format, item.line, item.number, outcome, item, value)
            else:
                if self.writer is not None:
                    self.record(item, outcome)
                outs = placer.place(item, outcome)
            tally.flush()
            findings += yield from self._yield_outs(outs)
        tally.flush()
        self.store(batch)
        self.progress.update(records, findings)

    def store(self, batch: _Batch) -> None:
        """Put a batch's checked results in the per-record cache."""
        if self.cache is None or not batch.keys:
            return
        store = [(key, outcome[1], outcome[2]) for key, outcome in
                 zip(batch.keys, (batch.outcomes[i] for i in batch.todo), strict=True) if outcome[0] == "ok"]
        try:
            self.cache.put_many(store)
        except (sqlite3.Error, UnicodeEncodeError) as exc:
            _warn("cannot write the cache", exc)

    # -- the loop --

    def run(self, items: Iterable) -> Iterator:
        max_errors = self.options.max_errors
        finished = False
        try:
            size = FIRST_BATCH
            batch = _Batch()
            stopped = False
            iterator = iter(items)
            pending = self.pending
            while not stopped:
                item = next(iterator, None)
                if item is not None:
                    batch.items.append(item)
                    if len(batch.items) < size:
                        continue
                if batch.items:
                    self.prepare(batch)
                    self.submit(batch)
                    pending.append(batch)
                    batch = _Batch()
                    size = min(size * 2, MAX_BATCH)
                if item is None:
                    stopped = True
                # write out every batch that is done; wait when too many are in flight
                while pending and (
                    stopped or len(pending) > self.jobs * IN_FLIGHT_PER_JOB
                    or pending[0].ticket is None or self.pool.done(pending[0].ticket)
                ):
                    done = pending.popleft()
                    for out in self.emit(done):
                        yield out
                        if max_errors is not None and self.errors > max_errors:
                            break
                    if max_errors is not None and self.errors > max_errors:
                        # (the records the session counted, so the summary gives the same number)
                        print(f"reelcheck: error: stopped after {self.errors} errors (--max-errors {max_errors}); "
                              f"{self.session.summary.records_read:,} records read, the rest of the input was not",
                              file=sys.stderr)
                        pending.clear()
                        stopped = True
                        break
            finished = True
        except KeyboardInterrupt:
            self.progress.close()
            if self.pool is not None:
                self.pool.stop()
                self.pool = None
            out = self.options.output
            kept = out and next((p for p in (f"{out}.partial", f"{os.path.realpath(out)}.partial")
                                 if os.path.isfile(p)), None)  # (none when the report is written through)
            where = f"; the report so far is in {printable(kept)}" if kept else ""
            summary = self.session.summary
            print(f"reelcheck: {self.progress.report('interrupted', summary.records_read, summary.findings)}{where}",
                  file=sys.stderr)
            raise
        finally:
            self.close(finished)
        cache = self.cache
        if not self.options.quiet and cache is not None and (cache.hits or cache.misses or cache.files_replayed) \
                and self.stderr_tty:
            whole = f" ({cache.files_replayed:,} unchanged files replayed whole)" if cache.files_replayed else ""
            if cache.damaged:
                whole += f"; {cache.damaged:,} damaged or edited entries dropped and checked again"
            print(f"reelcheck: cache: {cache.hits + cache.records_replayed:,} records reused{whole}, "
                  f"{cache.misses:,} checked ({cache.path})", file=sys.stderr)

    def close(self, finished: bool) -> None:
        self.progress.close()
        if self.pool is not None:
            if finished:
                self.pool.close()
            else:
                self.pool.stop()
        if self.files is not None:
            self.files.cache = None
        if self.writer is not None:  # interrupted, or stopped by --max-errors: the file is not stored
            self.writer.abandon()
        if self.cache is not None:
            try:
                self.cache.close()
            except (sqlite3.Error, UnicodeEncodeError) as exc:
                _warn("cannot write the cache", exc)


def _own_id(item: Record | Document) -> str | None:
    """The id field of a record a worker could not check (read here: the worker died on it)."""
    if isinstance(item, Record):
        doc, _ = item.document()
        return doc.record if doc is not None else None
    return None


def _commerce(value: list) -> dict | None:
    """The commerce decision of a portable result (a copy: the result may be shared by many records)."""
    commerce = value[8] if len(value) > 8 else None
    return None if commerce is None else {**commerce, "signals": list(commerce["signals"])}
