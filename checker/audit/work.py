"""What the audit's workers get and send back.

A worker gets an item as plain data (`to_work`): an archive record as it was read (`sources.Record`: its
line of text or its CSV row), parsed in the worker; any other Document as tuples (`pack_document`).
Never spaCy Docs: shipping Docs between processes costs more than making them. It checks the item with
`check.check_item` and sends back an outcome (`check_work`), free of where the record sits.
"""

from __future__ import annotations

import json
import signal

from ..check import ItemResult, check_item, fields_of
from ..model import Document, Meta, Segment, UsageError, meta_values
from ..sources import Archive, Record

MEMO_SIZE = 4096  # clean results kept for reuse: one serves every clean record of a language and market
_CLEAN_RESULTS: dict[tuple, str | list] = {}


def pack_document(doc: Document) -> tuple:
    """A Document as plain tuples (cheap to pickle; shared `origin` strings are pickled once)."""
    meta = meta_values(doc.meta)
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


def to_work(item: Record | Document) -> tuple:
    """What a worker gets: a record as (archive, line, number, raw, column), a Document as
    `pack_document`'s tuples."""
    if isinstance(item, Record):
        return (item.source, item.line, item.number, item.raw, item.column)
    return pack_document(item)


def from_work(work: tuple) -> Record | Document:
    return Record(*work) if isinstance(work[0], Archive) else unpack_document(work)


def first_line(doc: Document) -> int:
    """Lines of the file before the document's text (finding lines are kept relative to it)."""
    return doc.segments[0].line_offset if doc.segments else 0


def check_work(checker, item: Record | Document, default_markets: tuple[str, ...], all_records: bool = False,
               problem: str | None = None, as_text: bool = True) -> tuple:
    """Build the item's Document (a `Record` is parsed here, in the worker), check it (`check_item`) and
    return its outcome. Never raises:

        ("ok", own id, result, fields)         result: `portable`'s list, as JSON text for the cache
                                               (the list itself without `as_text`)
        ("failed", own id, message, problems)  the check failed (or `problem`: the worker has no Checker)
        ("unreadable", None, message, line, column)
                                               the record is not a JSON object: why, and where in the file

    `own id` is the record's id field, None when the record is named by its number (which depends on
    where it is) or is not an archive record. `fields` (the record's fields, for its report) comes in
    the tuple only for a clean record with --all-records: one with findings carries them in its result."""
    return _check_built(checker, item, _build(item), default_markets, all_records, problem, as_text)


def check_works(checker, items: list, default_markets: tuple[str, ...], all_records: bool = False,
                problem: str | None = None, as_text: bool = True) -> list[tuple]:
    """`check_work` of a batch of items: their Documents built first and prepared together
    (`Checker.prepare`), then each checked."""
    built = [_build(item) for item in items]
    if checker is not None and not problem:
        try:
            checker.prepare((doc for doc, _, _ in built if doc is not None), default_markets)
        except Exception:  # noqa: BLE001 (only a head start: each item's own check says what went wrong)
            pass
    return [_check_built(checker, item, b, default_markets, all_records, problem, as_text)
            for item, b in zip(items, built, strict=True)]


def _build(item: Record | Document) -> tuple:
    """(the item's Document, its own id, what reading it found wrong); (None, None, (why, line, column))
    for a record that is not a JSON object."""
    if isinstance(item, Record):
        doc, errors = item.source.document(item.raw, item.line, None, item.column)
        if doc is None:
            return (None, None, (errors[0].message, errors[0].line, errors[0].column))
        own_id = doc.record
        if own_id is None:
            doc.record = str(item.number)
        return (doc, own_id, [e.message for e in errors])
    return (item, None, [])


def _check_built(checker, item: Record | Document, built: tuple, default_markets: tuple[str, ...],
                 all_records: bool, problem: str | None, as_text: bool) -> tuple:
    doc, own_id, read_problems = built
    if doc is None:
        return ("unreadable", None, *read_problems)
    if problem:
        return ("failed", own_id, problem, read_problems)
    result = check_item(checker, doc, default_markets)
    if result.error is not None:
        return ("failed", own_id, result.error, read_problems + result.problems)
    fields = fields_of(doc) if isinstance(item, Record) and (result.findings or all_records) else None
    if result.clean and not read_problems:
        return ("ok", own_id, _clean_result(result, as_text), fields)
    base = first_line(doc)
    problems = read_problems + [[m, result.problem_lines[m] - base] if m in result.problem_lines else m
                                for m in result.problems]
    value = portable(result, problems, base, fields if result.findings else None)
    if as_text:  # (ASCII: a lone surrogate from a JSON escape can be stored)
        value = json.dumps(value, separators=(",", ":"))
    return ("ok", own_id, value, None if result.findings else fields)


def portable(result: ItemResult, problems: list[str], base: int, fields: dict | None) -> list:
    """An ItemResult free of where its document sits, as the cache stores it:

        [problems, language, languages, markets, declared meta, checked, findings, fields, commerce]

    a problem as its message, or as [message, line] with its own line (a rule that gave up on a segment);
    problem and finding lines relative to the document's first line (`base`), findings' `record` null;
    `fields` only for a result with findings (a clean record's fields are its own text, most of a result's size
    and decoding time, reported only with --all-records)."""
    findings = [f.to_dict() for f in result.findings]
    for f in findings:
        f["line"] -= base
        f["end_line"] -= base
        if "record" in f:
            f["record"] = None
    return [problems, result.language, list(result.languages), list(result.markets), result.meta, result.checked,
            findings, fields if findings else None, result.commerce]


def _clean_result(result: ItemResult, as_text: bool) -> str | list:
    """`portable` of a clean result, made once per language, markets and declared meta (the placer copies
    what it puts in a document dict, so one list can serve many records)."""
    key = (as_text, result.language, result.languages, result.markets, result.checked,
           meta_values(result.document.meta), result.commercial, tuple(result.commercial_signals))
    value = _CLEAN_RESULTS.get(key)
    if value is None:
        if len(_CLEAN_RESULTS) >= MEMO_SIZE:
            _CLEAN_RESULTS.clear()
        value = portable(result, [], 0, None)
        if as_text:
            value = json.dumps(value, separators=(",", ":"))
        _CLEAN_RESULTS[key] = value
    return value


# --- the worker processes --------------------------------------------------------------------------

_WORKER_CHECKER = None
_WORKER_PROBLEM: str | None = None
# Set by the main process before it forks its workers: they reuse its Checker (copy-on-write, with
# whatever it has compiled already) when it was built from the same packs. Spawned workers build their own.
FORK_CHECKER = None


def init_worker(packs: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...], fingerprint: str) -> None:
    """Runs once in each worker: build the rules and the Checker; leave Ctrl-C to the main process."""
    global _WORKER_CHECKER, _WORKER_PROBLEM
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    inherited = FORK_CHECKER
    if (inherited is not None and inherited.ruleset.fingerprint == fingerprint
            and tuple(inherited.select) == select and tuple(inherited.ignore) == ignore):
        _WORKER_CHECKER = inherited
        return
    from ..engine import Checker
    from ..rules import load_rules

    try:
        _WORKER_CHECKER = Checker(load_rules(tuple(packs)), select=select, ignore=ignore)
    except UsageError as exc:
        _WORKER_PROBLEM = f"the worker could not load the rule packs: {exc}"
        return
    if _WORKER_CHECKER.ruleset.fingerprint != fingerprint:
        _WORKER_PROBLEM = "the rule packs changed while the audit ran"


def check_batch(payload: tuple) -> list[tuple]:
    """Worker task: (default markets, all records?, results as text?, [to_work(item)]) -> [check_work outcome].

    Results go back as JSON text only for the cache, which stores them so; otherwise as the lists
    themselves (pickled with the batch: no JSON to write here and to read in the main process)."""
    default_markets, all_records, as_text, works = payload
    return check_works(_WORKER_CHECKER, [from_work(w) for w in works], default_markets, all_records,
                       _WORKER_PROBLEM, as_text)
