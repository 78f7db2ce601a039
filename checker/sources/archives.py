"""Caption archives: CSV/TSV rows and JSON Lines / JSON array objects, one `Document` per record.

Everything is streamed from decoded text chunks: a JSON Lines or CSV file is read a line at a time,
a JSON array one element at a time (`json.JSONDecoder.raw_decode` over a sliding buffer), so memory
stays flat however large the file is.

Reading is in two steps, so that `audit` can leave the second to its workers (and skip it for a record
it has cached): the readers (`*_records`) cut the file into `Record`s, the raw record (a JSON Lines
line, a JSON array element's text, a CSV row's values) with its line and number; `Record.document()`
parses it and builds the `Document` (`make_document`). The `iter_*` functions do both.

Per record: `Document.record` is the id field's value (or the record number, 1-based, when there is
no id field), `record_line` the line the record starts on; each text field present becomes one
`caption` segment with `field` = the field name and `origin` = the field's value (offsets are into the
value); `Segment.line_offset` is `record_line - 1`. Meta comes from the market/language/sponsored/
product/platform/account fields, and `SourceOptions.meta` fills what a record does not say.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Iterator
from functools import lru_cache

from ..model import Document, InputError, Meta, Segment, breaks, line_start, meta_values
from ._io import Undecodable, iter_lines, line_batches, whole_breaks
from ._segments import MetaValueError, bounded, meta_from_values, strip_slice
from .errors import PartialInputError

DEFAULT_TEXT_FIELDS = ("caption", "text", "desc", "description", "content")
FALLBACK_TEXT_FIELDS = ("title",)  # only when none of the above is present
EXTRA_TEXT_FIELDS = ("hashtags",)
DEFAULT_FIELDS = {
    "id": ("id", "video_id", "post_id", "record_id", "item_id", "aweme_id"),
    "markets": ("market", "markets", "country", "region"),
    "language": ("language", "lang", "locale"),
    "sponsored": ("sponsored", "is_sponsored", "is_ad", "paid_partnership", "branded_content"),
    "product": ("product", "product_type", "product_category"),
    "platform": ("platform",),
    "account": ("account", "account_type"),
    "commercial": (),  # read only from the field --commercial-field names: no column is guessed
}
OPTION_FIELDS = {
    "id": "id_field", "markets": "market_field", "language": "language_field",
    "sponsored": "sponsored_field", "product": "product_field", "platform": "platform_field",
    "account": "account_field", "commercial": "commercial_field",
}
META_FIELDS = ("markets", "language", "sponsored", "product", "platform", "account", "commercial")
MAX_RECORD_CHARS = 16 << 20  # a JSON array element larger than this is reported and skipped, not buffered
MAX_DEPTH = 64  # a JSON record nested deeper than this is reported, not parsed
PLAN_CACHE_SIZE = 1024  # record shapes (key sets) remembered per FieldPlan
META_CACHE_SIZE = 4096  # distinct meta value combinations remembered per FieldPlan
_MISSING = object()


@lru_cache(maxsize=4096)
def _norm(name: str) -> str:
    return "_".join(str(name).strip().lower().replace("-", " ").replace(".", " ").split())


# --- field lookup --------------------------------------------------------------------------------


def lookup(record: dict, path: str):
    """The value at a dotted path ("video.desc"; a list index also works: "items.0.text"), or _MISSING.
    An exact key wins over the dotted reading ("data.desc" as one key)."""
    value = record.get(path, _MISSING)
    if value is not _MISSING or "." not in path:
        return value
    value = record
    for part in path.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdecimal() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _MISSING
    return value


def _find_default(record: dict, names: tuple[str, ...]) -> str | None:
    """The first of `names` present in the record, by normalized key, at the top level or one level down."""
    normalized = {}
    for key in record:
        normalized.setdefault(_norm(key), key)
    for name in names:
        if name in normalized:
            return normalized[name]
    for key, value in record.items():
        if isinstance(value, dict):
            inner = {}
            for sub in value:
                inner.setdefault(_norm(sub), sub)
            for name in names:
                if name in inner:
                    return f"{key}.{inner[name]}"
    return None


Resolved = tuple[list[str], str | None, tuple[tuple[str, str], ...]]
MetaFields = tuple  # a Meta's values in field order: Meta(*fields)


class FieldPlan:
    """Which fields of a record are text, id and meta: from the options, else the default names.

    Like the field names, the declared defaults (`options.meta`) are read once: options do not change
    while their records are read."""

    def __init__(self, options):
        self.options = options
        self.text_fields = tuple(options.text_fields)
        self.fields = {key: getattr(options, attr) for key, attr in OPTION_FIELDS.items()}
        self._cache: dict[tuple, Resolved] = {}
        self._metas: dict[tuple, tuple[MetaFields, str | None]] = {}

    def resolve(self, record: dict) -> Resolved:
        """(text paths, id path or None, ((meta key, path), ...) for the meta fields found) for a record,
        cached by the record's shape: its keys, and the keys of any dict value (`_find_default` looks
        one level down)."""
        shape = tuple(record)
        for value in record.values():
            if isinstance(value, dict):
                shape = (shape, tuple((key, tuple(inner)) for key, inner in record.items()
                                      if isinstance(inner, dict)))
                break
        found = self._cache.get(shape)
        if found is None:
            meta_paths = tuple((key, path) for key in META_FIELDS if (path := self.path(record, key)))
            found = (self.text_paths(record), self.path(record, "id"), meta_paths)
            if len(self._cache) > PLAN_CACHE_SIZE:
                self._cache.clear()
            self._cache[shape] = found
        return found

    def meta(self, values: dict) -> tuple[Meta, str | None]:
        """The Meta of a record's raw meta values (`make_document`), with the options' defaults filled in,
        and the partial error about a value it could not read (None if none).

        Memoised on the values: an archive has few distinct market/sponsored/... combinations, and reading
        them is a good part of a record's cost. Each call gets its own Meta (a Document's meta may be
        changed by whoever holds it)."""
        key = _meta_key(values)
        found = self._metas.get(key) if key is not None else None
        if found is None:
            found = self._read_meta(values)
            if key is not None:
                if len(self._metas) > META_CACHE_SIZE:
                    self._metas.clear()
                self._metas[key] = found
        fields, problem = found
        return Meta(*fields), problem

    def _read_meta(self, values: dict) -> tuple[MetaFields, str | None]:
        """What `meta` memoises: a value that cannot be read (`sponsored: maybe`, `language: klingon`) is
        taken as not declared (a record of an unknown language is checked in all its markets' languages)."""
        problems = []
        while True:
            try:
                meta = meta_from_values(values)
                break
            except MetaValueError as exc:
                problems.append(f"{exc}; taken as not declared")
                values = {key: value for key, value in values.items() if key != exc.key}
        problem = "; ".join(problems) or None
        if meta.type is None:
            meta.type = "caption"
        m = self.options.meta.merged(meta)
        return meta_values(m), problem

    def text_paths(self, record: dict) -> list[str]:
        if self.text_fields:
            return list(self.text_fields)
        found: list[str] = []
        for name in DEFAULT_TEXT_FIELDS:
            path = _find_default(record, (name,))
            if path and path not in found:
                found.append(path)
        if not found:
            path = _find_default(record, FALLBACK_TEXT_FIELDS)
            if path:
                found.append(path)
        for name in EXTRA_TEXT_FIELDS:
            path = _find_default(record, (name,))
            if path and path not in found:
                found.append(path)
        return found

    def path(self, record: dict, key: str) -> str | None:
        """The field to read for `key`: the one an option names (`none`: no field at all); else, when
        the user declared no value for it (`--lang ms`, `--market cn`), a column found by its name."""
        given = self.fields.get(key)
        if given:
            return None if given.strip().lower() == "none" else given
        if declared(self.options.meta, key):
            return None  # what the user said on the command line wins over a column guessed by its name
        return _find_default(record, DEFAULT_FIELDS[key])

    def guessed(self, record: dict) -> dict[str, str]:
        """The meta fields of `record` read by guess (no option named them): meta key -> column."""
        out = {}
        for key in META_FIELDS:
            if not self.fields.get(key) and (path := self.path(record, key)):
                out[key] = path
        return out


def declared(meta: Meta, key: str) -> bool:
    """Whether the options declare a value for a meta key (`markets`, `language`, `sponsored`...)."""
    value = getattr(meta, key, None)
    return value is not None and value != () and value != ""


def _meta_key(values: dict) -> tuple | None:
    """A memo key for raw meta values, or None when they are not worth or safe to memoise (a list, a float).
    Non-strings carry their type: True == 1 but they read as different markets ("true", "1"); floats are
    left out, as 0.0 == -0.0 and NaN != NaN."""
    key = []
    for name, value in values.items():
        kind = type(value)
        if kind is str:
            key.append((name, value))
        elif kind is bool or kind is int:
            key.append((name, kind, value))
        else:
            return None
    return tuple(key)


def _as_text(value) -> str | None:
    if type(value) is str:  # the common case, first
        return value
    if value is None or value is _MISSING or isinstance(value, dict):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        return " ".join(p for p in parts if p)
    return str(value)


def _caption(value: str, field: str, line_offset: int, index: int) -> Segment | None:
    """The segment of a text field's value: `build(value, [(0, len(value))], "caption", ...)`, without its
    generality. Segment's fields are given by position (text, kind, origin, pieces, index, cue, start_time,
    end_time, field, speaker, line_offset), as keywords cost about as much again (once per record)."""
    text, start = strip_slice(value, 0, len(value))
    if not text:
        return None
    return Segment(text, "caption", value, ((0, start, len(text)),), index, None, None, None, field, None,
                   line_offset)


def _record_id(value) -> str | None:
    text = _as_text(value)
    if text is None:
        return None
    text = text.strip()
    return text or None


def make_document(
    path: str, record: dict, number: int | None, line: int, plan: FieldPlan, fmt: str,
    resolved: Resolved | None = None,
) -> tuple[Document, list[InputError]]:
    """The document for one record, and any partial errors about its fields. A record without an id is
    named by its `number` (None: `Document.record` stays None, for `audit`, which names it by where it is).
    `resolved` is `plan.resolve(record)`, for a caller that knows it already."""
    errors: list[InputError] = []
    text_paths, id_path, meta_paths = resolved if resolved is not None else plan.resolve(record)
    record_id = _record_id(lookup(record, id_path)) if id_path else None
    if record_id is None and number is not None:
        record_id = str(number)
    values = {}
    for key, field_path in meta_paths:
        value = lookup(record, field_path)
        if value is not _MISSING and value is not None and value != "":
            values[key] = value
    meta, problem = plan.meta(values)
    if problem is not None:
        errors.append(PartialInputError(path, problem, line=line, record=record_id))
    segments: list[Segment] = []
    for field_path in text_paths:
        value = _as_text(lookup(record, field_path))
        if not value:
            continue
        seg = _caption(value, field_path, line - 1, len(segments))
        if seg is not None:
            segments.append(seg)
    segments = bounded(segments)  # (a field over 50,000 characters cut into parts)
    # Document's fields by position (path, segments, meta, text, format, record, record_line): see `_caption`
    return Document(path, segments, meta, None, fmt, record_id, line), errors


# --- raw records -----------------------------------------------------------------------------------


class Archive:
    """One archive file, as its records need it to become Documents: path, format, options, CSV header.

    Pickled (for `audit`'s workers) as those four values; the `FieldPlan` is rebuilt where it is used."""

    __slots__ = ("path", "format", "options", "header", "_plan", "_row_fields")

    def __init__(self, path: str, fmt: str, options, header: tuple[str, ...] | None = None):
        self.path = path
        self.format = fmt  # Document.format: csv | jsonl | json
        self.options = options
        self.header = header  # CSV: the column names, in order
        self._plan: FieldPlan | None = None
        self._row_fields: Resolved | None = None  # CSV: `plan.resolve` of every row (they share the header)

    def __reduce__(self):
        return (Archive, (self.path, self.format, self.options, self.header))

    @property
    def plan(self) -> FieldPlan:
        if self._plan is None:
            self._plan = FieldPlan(self.options)
        return self._plan

    def identity(self) -> str:
        """Everything besides a raw record that its Document depends on, except the path (`audit` keys
        its cache on this and the raw record: a record moved to another file or line is still known)."""
        o = self.options
        return repr((self.format, self.header, tuple(o.text_fields), o.id_field, o.market_field,
                     o.language_field, o.sponsored_field, o.product_field, o.platform_field, o.account_field,
                     o.commercial_field,
                     o.meta))

    def record(self, raw) -> dict | None:
        """A raw record as the mapping it holds (None: it is not one, or cannot be read)."""
        if self.header is not None:
            return dict(zip(self.header, raw, strict=False))
        record, problem, _ = _parse_record(raw)
        return record if problem is None and isinstance(record, dict) else None

    def document(self, raw, line: int, number: int | None,
                 column: int = 1) -> tuple[Document | None, list[InputError]]:
        """The Document of a raw record (None when it cannot be read: then the error says why, at the
        line and column of the file where the record goes wrong). `column`: where on its `line` the
        record starts (an element of a JSON array written on one line)."""
        if self.header is not None:
            record = dict(zip(self.header, raw, strict=True))
            if self._row_fields is None:
                self._row_fields = self.plan.resolve(record)
            return make_document(self.path, record, number, line, self.plan, self.format, self._row_fields)
        record, problem, at = _parse_record(raw)
        # (a problem of the whole record is at its line; in a JSON array, at its column too: an export is
        # often one line)
        own_column = column if self.format == "json" else None
        if problem is not None:
            if at is None:
                return None, [InputError(self.path, problem, line=line, column=own_column)]
            line, column = place(raw, at, line, column)
            return None, [InputError(self.path, f"{problem} (column {column})", line=line, column=column)]
        if not isinstance(record, dict):
            return None, [InputError(self.path, f"record is a JSON {type(record).__name__}, not an object",
                                     line=line, column=own_column)]
        duplicates = record.pop(_DUPLICATES, None) if _DUPLICATES in record else None
        lone = False
        if "\\ud" in raw or "\\uD" in raw:  # (cheap test: a surrogate escape, perhaps a lone one)
            record, lone = _without_lone_surrogates(record)
        doc, errors = make_document(self.path, record, number, line, self.plan, self.format)
        if duplicates:
            names = ", ".join(repr(k) for k in duplicates[:5]) + (", ..." if len(duplicates) > 5 else "")
            errors.insert(0, PartialInputError(
                self.path, f"the record has a key more than once ({names}): the last value is read",
                line=line, record=doc.record))
        if lone:
            errors.insert(0, PartialInputError(
                self.path, "the record has a lone UTF-16 surrogate escape (\\ud800-\\udfff, half of a "
                "character): replaced with U+FFFD", line=line, record=doc.record if doc is not None else None))
        return doc, errors


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(value):
    """`value` (decoded JSON) with every lone surrogate in its strings replaced by U+FFFD (one character
    for one, so offsets hold), and whether there was any. A JSON text may escape half of a character
    (`"\\ud800"`); Python keeps it, but no UTF-8 output can, so a report would fail on it."""
    if isinstance(value, str):
        fixed = _LONE_SURROGATE.sub("\ufffd", value)
        return fixed, fixed != value
    if isinstance(value, dict):
        out, any_lone = {}, False
        for key, item in value.items():
            key, lone_key = _without_lone_surrogates(key)
            item, lone_item = _without_lone_surrogates(item)
            out[key] = item
            any_lone = any_lone or lone_key or lone_item
        return out, any_lone
    if isinstance(value, list):
        pairs = [_without_lone_surrogates(item) for item in value]
        return [item for item, _ in pairs], any(lone for _, lone in pairs)
    return value, False


_DUPLICATES = "\x00duplicate keys"  # (a key no JSON text can hold unescaped: `_pairs` notes duplicates under it)


def _pairs(pairs: list) -> dict:
    """`object_pairs_hook`: the object as `dict` builds it (the last value of a repeated key wins), with
    the repeated keys listed under `_DUPLICATES` for `Archive.document` to report."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set = set()
        obj[_DUPLICATES] = list(dict.fromkeys(k for k, _ in pairs if k in seen or seen.add(k)))
    return obj


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs)


def _loads(raw: str):
    """`json.loads(raw)`, faster for a record: `raw_decode` parses the same way but skips the two
    whitespace regex matches around the value, which cost about as much as parsing a short record. A text
    that is not one JSON value from its first character to its last (whitespace around it, a BOM, a broken
    record) goes to `json.loads`, for exactly its result or error."""
    try:
        value, end = _DECODER.raw_decode(raw)
    except json.JSONDecodeError:
        return json.loads(raw, object_pairs_hook=_pairs)
    return value if end == len(raw) else json.loads(raw, object_pairs_hook=_pairs)


def _parse_record(raw: str) -> tuple[object, str | None, int | None]:
    """(the decoded record, None, None), or (None, why it cannot be read, where in `raw` or None): broken
    JSON, or nested deeper than `MAX_DEPTH` (checked before parsing, without recursion: a record of 2,000
    brackets would exhaust the parser's stack, and whatever reads the value after it). Where a broken
    record goes wrong is told apart from why (`place` finds it in the file)."""
    if raw.count("[") + raw.count("{") > MAX_DEPTH:
        depth = _Scanner().max_depth(raw)
        if depth > MAX_DEPTH:
            return None, f"record is nested {depth} levels deep (at most {MAX_DEPTH} are read)", None
    try:
        return _loads(raw), None, None
    except json.JSONDecodeError as exc:
        return None, f"broken JSON record: {exc.msg}", exc.pos
    except RecursionError:  # (not expected below MAX_DEPTH: a last guard)
        return None, f"record is nested too deeply (at most {MAX_DEPTH} levels are read)", None


def place(raw: str, at: int, line: int, column: int = 1) -> tuple[int, int]:
    """(line, column) in the file of `raw[at]`, for a record whose text starts at `line`, `column`."""
    head = raw[:at]
    n = breaks(head)
    if not n:
        return line, column + at
    return line + n, at - line_start(head, at) + 1


_STRUCTURE = re.compile(r'["\[\]{}]')
_IN_STRING = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.DOTALL)  # a string's body, up to its closing quote
_SCALAR_END = re.compile(r"[,\]}\s]")
_SCALAR_STOP = re.compile(r"[^0-9A-Za-z+\-.]")  # a character no JSON number or literal goes on with


class _Scanner:
    """Where a JSON value ends, found without parsing it: brackets are counted (strings skipped by one
    regex match each), so it takes no stack however deep the value, and it can be fed a growing buffer,
    reading each character once (`find`). Brackets are not matched by kind: the record's parse says
    what is wrong inside."""

    __slots__ = ("depth", "in_string", "pos", "deepest", "started")

    def __init__(self):
        self.depth = 0
        self.in_string = False
        self.pos = 0  # where to go on, relative to the value's start
        self.deepest = 0
        self.started = False

    def find(self, text: str, start: int) -> int | None:
        """The end of the value starting at `text[start]`, or None if it goes on past the end of `text`
        (call again, with the same `start`, once `text` has grown)."""
        i = start + self.pos
        n = len(text)
        if not self.started:
            self.started = True
            first = text[start] if start < n else ""
            if first == '"':
                self.in_string = True
                i += 1
            elif first not in "[{":  # a number, true, false, null (or junk: the parse says so)
                m = _SCALAR_END.search(text, i)
                if m is None:
                    self.started = False  # (still a scalar: look again from where this look ended)
                    self.pos = n - start
                    return None
                return max(m.start(), start + 1)
        while True:
            if self.in_string:
                i = _IN_STRING.match(text, i).end()
                if i >= n or text[i] != '"':  # the end of the text, or a backslash at its very end
                    self.pos = i - start
                    return None
                i += 1
                self.in_string = False
                if self.depth == 0:
                    return i
                continue
            m = _STRUCTURE.search(text, i)
            if m is None:
                self.pos = n - start
                return None
            i = m.end()
            ch = m.group()
            if ch == '"':
                self.in_string = True
            elif ch in "[{":
                self.depth += 1
                if self.depth > self.deepest:
                    self.deepest = self.depth
            else:
                self.depth -= 1
                if self.depth <= 0:
                    self.depth = 0
                    return i

    def max_depth(self, text: str) -> int:
        """How deeply the value that starts `text` nests (0 for a scalar)."""
        start = len(text) - len(text.lstrip())
        self.find(text, start)
        return self.deepest


class Record:
    """One archive record as read and not yet parsed: `raw` is a JSON Lines line (stripped), a JSON array
    element's text, or a CSV row's values (a list, in header order); `line` is where it starts (and
    `column`, on that line), `number` its place among the file's records (1-based, its id when it has no
    id field)."""

    __slots__ = ("source", "line", "number", "raw", "column")

    def __init__(self, source: Archive, line: int, number: int, raw, column: int = 1):
        self.source = source
        self.line = line
        self.number = number
        self.raw = raw
        self.column = column

    def document(self) -> tuple[Document | None, list[InputError]]:
        return self.source.document(self.raw, self.line, self.number, self.column)


def documents(items: Iterator) -> Iterator[Document | InputError]:
    """Records turned into their partial errors and Document (or the error that stops them); the rest as is."""
    for item in items:
        if isinstance(item, Record):
            doc, errors = item.document()
            yield from errors
            if doc is not None:
                yield doc
        else:
            yield item


# --- CSV -----------------------------------------------------------------------------------------


def _pick_delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def iter_csv(path: str, chunks: Iterator[str], options, delimiter: str | None = None):
    """One document per data row; the first row is the header."""
    return documents(csv_records(path, chunks, options, delimiter))


class _CsvLines:
    """The lines of a CSV file as `csv.reader` reads them, numbered, with those a broken row took put back
    (`replay`) to be read again as rows of their own: an unclosed quote takes every line up to the next
    quote or the end of the file, and those rows must still be read and counted."""

    __slots__ = ("lines", "back", "taken", "line_no")

    def __init__(self, lines: Iterator[str]):
        self.lines = lines
        self.back: list[tuple[int, str]] = []  # (line number, line), the next one last
        self.taken: list[tuple[int, str]] = []  # the lines of the row being read
        self.line_no = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.back:
            item = self.back.pop()
        else:
            self.line_no += 1
            item = (self.line_no, next(self.lines))
        self.taken.append(item)
        return item[1]

    def start_row(self) -> None:
        self.taken = []

    def first_line(self) -> int:
        return self.taken[0][0] if self.taken else self.line_no + 1

    def replay(self) -> int:
        """Put back every line of the row but its first, to be read again; how many were put back."""
        again = self.taken[1:]
        self.back.extend(reversed(again))
        self.taken = self.taken[:1]
        return len(again)


def csv_records(path: str, chunks: Iterator[str], options, delimiter: str | None = None,
                bad: Undecodable | None = None):
    """One `Record` per data row (its values); the first row is the header.

    Rows are read strictly (a quote must close before a delimiter or the end of its line's field): a
    row that cannot be read, or that spans lines and has the wrong number of fields (a quote left open),
    is one failed record at the line it starts on, and the lines after that line are read again as rows."""
    lines = iter_lines(chunks)
    first = next(lines, None)
    if first is None:
        return
    if delimiter is None:
        delimiter = _pick_delimiter(first)
    source_lines = _CsvLines(itertools.chain((first,), lines))
    reader = csv.reader(source_lines, delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        yield InputError(path, f"cannot read the CSV header: {exc}", line=1)
        return
    except StopIteration:
        return
    header = [h.lstrip("\ufeff").strip() for h in header]
    if bad is not None and (why := bad.bad_byte(",".join(header))):
        yield InputError(path, f"the CSV header is {why.split(';')[0]}; the file was not read", line=1)
        return
    if not any(header):
        yield InputError(path, "the CSV header row is empty", line=1)
        return
    source = Archive(path, "csv", options, tuple(header))
    plan = source.plan
    probe = dict.fromkeys(header, "")
    missing = [f for f in plan.text_fields if f not in probe]
    if plan.text_fields and len(missing) == len(plan.text_fields):
        yield InputError(path, f"no column named {', '.join(missing)} (columns: {', '.join(header)})", line=1)
        return
    if not plan.text_fields and not plan.text_paths(probe):
        yield InputError(
            path, "no text column found: name one with --text-field (columns: " + ", ".join(header) + ")",
            line=1)
        return
    yield from _repeated_columns(path, header)
    id_path = plan.path(probe, "id")
    id_index = header.index(id_path) if id_path in header else None
    number = 0
    while True:
        source_lines.start_row()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            line = source_lines.first_line()
            again = source_lines.replay()
            why = f"broken CSV row: {exc}"
            if again:
                why += f" (a quote opened here takes {again + 1} lines; the {again} after this one are read again)"
            yield InputError(path, why, line=line)
            continue
        line = source_lines.first_line()
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # blank line
        number += 1
        if len(row) != len(header):
            rid = row[id_index].strip() if id_index is not None and id_index < len(row) else None
            again = source_lines.replay()
            why = f"row has {len(row)} fields, header has {len(header)}; row skipped"
            if again:
                why += f" (a quote opened here may not be closed: the {again} lines after this one are read again)"
            yield InputError(path, why, line=line, record=rid or None)
            continue
        if bad is not None and bad.seen and (why := bad.bad_byte("\x1f".join(row))):
            yield InputError(path, why, line=line)
            continue
        yield Record(source, line, number, row)


def _repeated_columns(path: str, header: list[str]) -> Iterator[InputError]:
    """A warning per column name the header has more than once (a record keeps the last column's value)."""
    places: dict[str, list[int]] = {}
    for n, name in enumerate(header, 1):
        if name:
            places.setdefault(name, []).append(n)
    for name, columns in places.items():
        if len(columns) > 1:
            yield PartialInputError(path, f"column {name!r} appears {len(columns)} times (columns "
                                          f"{', '.join(map(str, columns))}): only column {columns[-1]} is read",
                                    line=1)


# --- JSON Lines ----------------------------------------------------------------------------------


def iter_jsonl(path: str, chunks: Iterator[str], options):
    return documents(jsonl_records(path, chunks, options))


def jsonl_records(path: str, chunks: Iterator[str], options, bad: Undecodable | None = None):
    """One `Record` per non-blank line (parsed by `Record.document()`); a first record with no text field
    to read is an error in its place (`first_record_problem`), and the rest are read as always."""
    source = Archive(path, "jsonl", options)
    number = line_no = 0
    for lines, _ in line_batches(chunks):  # (not iter_lines: this loop runs once per record)
        for line in lines:
            line_no += 1
            stripped = line.strip() if line_no > 1 else line.lstrip("\ufeff").strip()
            if stripped:
                number += 1
                if bad is not None and (at := bad.first_bad(line)) is not None:
                    yield InputError(path, bad.why(line, at, at + 1), line=line_no, column=at + 1)
                    continue
                if number == 1 and (problem := first_record_problem(source, stripped)):
                    yield InputError(path, problem, line=line_no)  # (the record's outcome; the rest are read)
                    continue
                column = 1 if line[0] == stripped[0] else line.find(stripped) + 1  # (after any indentation)
                yield Record(source, line_no, number, stripped, column)


def first_record_problem(source: Archive, raw: str) -> str | None:
    """Why no record of a JSON archive would have text to check, told from its first record as a CSV
    file's is from its header: it has none of the fields `--text-field` names (or only objects there),
    or, with none named, no field where a caption is looked for. None when it has one, or cannot be
    read (its own error says why when it is checked). Without this, a misnamed field would have every
    record skipped as having no text, and the run pass; the error stands in the first record's place."""
    record, problem, _ = _parse_record(raw)
    if problem is not None or not isinstance(record, dict):
        return None
    plan = source.plan
    names = [str(k) for k in record]
    fields = (("its fields: " + ", ".join(names[:12]) + (", ..." if len(names) > 12 else "")) if names
              else "it has no fields")
    if plan.text_fields:
        values = [lookup(record, f) for f in plan.text_fields]
        if all(v is _MISSING for v in values):
            return f"the first record has no field named {', '.join(plan.text_fields)} ({fields})"
        if all(v is _MISSING or isinstance(v, dict) for v in values):
            name, inner = next((f, v) for f, v in zip(plan.text_fields, values, strict=True) if isinstance(v, dict))
            inside = ", ".join(f"{name}.{k}" for k in list(inner)[:6])
            return f"{name} holds an object, not text, in the first record: name a field inside it ({inside})"
    elif not plan.text_paths(record):
        return f"no text field found in the first record: name one with --text-field ({fields})"
    return None


# --- JSON array ----------------------------------------------------------------------------------


class _Buffer:
    """A sliding window over decoded chunks, tracking the line and column of `pos` (lines end at LF,
    CR LF or a lone CR; no chunk ends with a CR but the last, `whole_breaks`)."""

    def __init__(self, chunks: Iterator[str]):
        self.chunks = whole_breaks(chunks)
        self.text = ""
        self.pos = 0
        self.line = 1  # line of self.pos
        self.base = 0  # where `text` starts in the file's text
        self.line_start = 0  # where line `line` starts in the file's text
        self.eof = False

    @property
    def column(self) -> int:
        """The column of `pos` on its line (1-based, in characters)."""
        return self.base + self.pos - self.line_start + 1

    def place(self, at: int) -> tuple[int, int]:
        """(line, column) of `text[at]`, at or after `pos`."""
        text, pos = self.text, self.pos
        n = breaks(text, pos, at)
        if not n:
            return self.line, self.column + at - pos
        return self.line + n, at - line_start(text, at, pos) + 1

    def more(self) -> bool:
        """Read on: at least one more chunk, and as much text again as the buffer holds past `pos` (so a
        long element is joined a logarithmic number of times, not once per chunk)."""
        if self.eof:
            return False
        parts = [self.text[self.pos:]] if self.pos else [self.text]
        want = max(len(parts[0]), 1)
        got = 0
        for chunk in self.chunks:
            if chunk:
                parts.append(chunk)
                got += len(chunk)
                if got >= want:
                    break
        else:
            self.eof = True
        if not got:
            return False
        self.text = "".join(parts)
        self.base += self.pos
        self.pos = 0
        return True

    def advance(self, to: int) -> None:
        text, pos = self.text, self.pos
        n = breaks(text, pos, to)  # (a CR before an LF at `to` is no break: the LF is counted next)
        if n:
            self.line += n
            self.line_start = self.base + line_start(text, to, pos)
        self.pos = to

    def skip_space(self) -> str | None:
        """Skip whitespace; the next character (not consumed), or None at the end."""
        while True:
            text, n = self.text, len(self.text)
            i = self.pos
            while i < n and text[i] in " \t\r\n\ufeff":
                i += 1
            self.advance(i)
            if i < n:
                return text[i]
            if not self.more():
                return None


def iter_json_array(path: str, chunks: Iterator[str], options):
    """Elements of a top-level JSON array (a single top-level object is one record)."""
    return documents(json_array_records(path, chunks, options))


def json_array_records(path: str, chunks: Iterator[str], options, bad: Undecodable | None = None):
    """One `Record` per element of a top-level JSON array (a single top-level object is one record); its
    raw text is the element's text, which is parsed here only to find where it ends. Errors name the
    line and column (an export is often one line)."""
    source = Archive(path, "json", options)
    buf = _Buffer(chunks)
    first = buf.skip_space()
    if first is None:
        return
    single = first == "{"
    if first not in "[{":
        yield InputError(path, f"expected a JSON array of objects, found {first!r}", line=buf.line,
                         column=buf.column)
        return
    if not single:
        buf.advance(buf.pos + 1)
    number = 0
    expect_comma = False
    while True:
        ch = buf.skip_space()
        if ch is None:
            if not single:
                yield InputError(path, "the JSON array is not closed (file ends early)", line=buf.line,
                                 column=buf.column)
            return
        if not single and ch == "]":
            buf.advance(buf.pos + 1)
            ch = buf.skip_space()
            if ch is not None:
                yield InputError(path, f"unexpected {ch!r} after the JSON array (the rest of the file was not read)",
                                 line=buf.line, column=buf.column)
            return
        if expect_comma:
            if ch != ",":
                yield InputError(path, f"expected ',' or ']' between records, found {ch!r}; "
                                       "the rest of the file was not read", line=buf.line, column=buf.column)
                return
            buf.advance(buf.pos + 1)
            expect_comma = False
            continue
        line, column = buf.line, buf.column
        if ch not in '[{"':
            # a number, true, false or null (or junk): read on to a character that cannot go on with
            # it, so the decoder reads the same value wherever the chunks are cut ("1" | ".5" is 1.5)
            while (_SCALAR_STOP.search(buf.text, buf.pos) is None
                   and len(buf.text) - buf.pos <= MAX_RECORD_CHARS and buf.more()):
                pass
        start = buf.base + buf.pos
        try:  # the whole element is most often in the buffer: the C parser finds its end fastest
            end = _END_FINDER.raw_decode(buf.text, buf.pos)[1]
            if end >= len(buf.text) and not buf.eof:
                end = _element_end(buf)  # (a number may go on in the next chunk)
        except (json.JSONDecodeError, RecursionError):  # cut by the buffer's end, broken, or deep
            end = _element_end(buf)
        if end is None:
            yield _unended(path, buf, line, column, buf.base + buf.pos == start)
            return
        number += 1
        expect_comma = True
        if end < 0:
            yield InputError(path, f"record is larger than {MAX_RECORD_CHARS >> 20} MiB ({-end:,} characters); "
                                   "skipped", line=line, column=column)
        else:
            raw = buf.text[buf.pos:end]
            buf.advance(end)
            kind = _not_an_object(raw)
            if bad is not None and (at := bad.first_bad(raw)) is not None:
                bad_line, bad_column = place(raw, at, line, column)
                yield InputError(path, bad.why(raw, at, bad_column), line=bad_line, column=bad_column)
            elif kind is not None:
                yield InputError(path, f"record is a JSON {kind}, not an object", line=line, column=column)
            elif number == 1 and (problem := first_record_problem(source, raw)):
                # (the record's outcome; the rest are read)
                yield InputError(path, problem, line=line, column=column)
            else:
                yield Record(source, line, number, raw, column)
        if single:
            ch = buf.skip_space()
            if ch is not None:
                yield InputError(path, f"unexpected {ch!r} after the JSON object", line=buf.line,
                                 column=buf.column)
            return


def _unended(path: str, buf: _Buffer, line: int, column: int, whole: bool) -> InputError:
    """The error of an element whose end the file never reached (its brackets or quotes never balance),
    at `line`, `column`. With the rest of the file in `buf` from the element on (`whole`), the decoder
    says where it goes wrong, when that is before the file's end: a value left unquoted opens a string
    at its closing quote, which then takes in the rest of the file."""
    if whole:
        try:
            _END_FINDER.raw_decode(buf.text, buf.pos)
        except json.JSONDecodeError as exc:
            if exc.pos < len(buf.text.rstrip()) and not exc.msg.startswith("Unterminated string"):
                at_line, at_column = buf.place(exc.pos)
                return InputError(path, f"broken JSON record: {exc.msg}; the rest of the file was not read",
                                  line=at_line, column=at_column)
        except (RecursionError, ValueError):
            pass
    return InputError(path, "broken JSON record: the file ends inside it", line=line, column=column)


_END_FINDER = json.JSONDecoder()


def _not_an_object(raw: str) -> str | None:
    """The JSON type of an array element that is whole but not an object ("list", "int"...), for the reader
    to report; None for an object, or for text that is no JSON value (its Record's parse says what is wrong)."""
    first = raw[:1]
    if first == "{":
        return None
    if first == "[":
        return "list"
    try:
        return type(_END_FINDER.decode(raw)).__name__
    except (json.JSONDecodeError, RecursionError):
        return None


def _element_end(buf: _Buffer) -> int | None:
    """Where the JSON value at `buf.pos` ends in `buf.text` (reading more as needed, each character once);
    None when the file ends first. A value longer than `MAX_RECORD_CHARS` is read past, not kept: then
    `buf` is left at its end and the result is minus its length."""
    scanner = _Scanner()
    skipped = 0
    while True:
        end = scanner.find(buf.text, buf.pos)
        if end is not None:
            if not skipped and end - buf.pos <= MAX_RECORD_CHARS:
                return end
            skipped += end - buf.pos
            buf.advance(end)
            return -skipped
        if len(buf.text) - buf.pos > MAX_RECORD_CHARS:  # too long to keep: drop what is read of it
            to = buf.pos + scanner.pos
            skipped += scanner.pos
            buf.advance(to)
            scanner.pos = 0
        if not buf.more():
            return None
